package io.pepper.failure.notify;

import java.util.UUID;

/**
 * One message to deliver through one channel to one recipient.
 *
 * @param id the outbox row
 * @param channel the channel's name
 * @param recipient where the channel delivers to, e.g. an email address
 * @param attempts failed deliveries so far
 * @param failure what the message is about
 */
public record Notification(UUID id, String channel, String recipient, int attempts, ReportedFailure failure) {

}
