package io.pepper.failure.notify;

import java.util.UUID;

/**
 * One message to deliver through one channel to one target.
 *
 * @param id the outbox row (the first row, for a digest); webhook receivers may use it to
 * drop a repeated delivery
 * @param channel the channel's name
 * @param recipient where the channel delivers to: an email address, or the id of a
 * configured Slack or webhook channel
 * @param attempts failed deliveries so far
 * @param message what to say
 */
public record Notification(UUID id, String channel, String recipient, int attempts, NotificationMessage message) {

}
