/** The TLS check. */
@NullMarked
@NamedInterface("tls")
package io.pepper.probe.check.tls;

import org.jspecify.annotations.NullMarked;

import org.springframework.modulith.NamedInterface;
