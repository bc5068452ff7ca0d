package io.pepper.failure.notify;

/**
 * Published when a transaction added notifications to the outbox, so they go out as soon
 * as it commits rather than at the next scheduled run.
 *
 * @param count how many were added
 */
public record NotificationsQueued(int count) {

}
