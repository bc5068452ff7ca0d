/**
 * Failed checks into history: accepted failure reports are forwarded to
 * receiver-service's {@code POST /v1/results} after they commit, and retried until it
 * accepts them, so uptime figures count them.
 */
@NullMarked
package io.pepper.failure.history;

import org.jspecify.annotations.NullMarked;
