/**
 * Incident recovery: failure-service resolves an incident only on successful checks, so
 * the successes of the endpoints it follows are forwarded to it once stored, through a
 * durable forward queue. Failed checks are not: failure-service has those from the
 * probes.
 */
@NullMarked
package io.pepper.receiver.recovery;

import org.jspecify.annotations.NullMarked;
