package io.pepper.failure.notify;

/**
 * Where one notification goes.
 *
 * @param channel the channel's name, e.g. {@code email}
 * @param recipient what the channel delivers to: an email address or a channel id
 * @param label how people recognise it in the incident's timeline
 */
public record Target(String channel, String recipient, String label) {

}
