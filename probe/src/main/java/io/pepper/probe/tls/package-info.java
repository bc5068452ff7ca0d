/**
 * TLS for checks: a full handshake on every connection, natively through Conscrypt
 * (BoringSSL) where its library loads, through JSSE otherwise.
 */
@NullMarked
package io.pepper.probe.tls;

import org.jspecify.annotations.NullMarked;
