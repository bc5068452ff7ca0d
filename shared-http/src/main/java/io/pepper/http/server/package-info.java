/**
 * What every service's own API shares: the bearer-token check for tokens configured by
 * their SHA-256 digests, and errors as RFC 9457 problem details that name the field.
 */
@NullMarked
package io.pepper.http.server;

import org.jspecify.annotations.NullMarked;
