package io.pepper.failure.incident;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * The current run of checks of one endpoint from one location.
 *
 * @param location the location
 * @param failures failed checks in a row (0 once a correct one came)
 * @param successes correct checks in a row (0 once a failed one came)
 * @param lastScheduledAt the slot of the latest check counted
 * @param lastReason why the latest failed check failed
 */
record Streak(String location, int failures, int successes, Instant lastScheduledAt, @Nullable String lastReason) {

}
