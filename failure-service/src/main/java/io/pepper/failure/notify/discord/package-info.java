/**
 * The Discord channel: a message with one embed per change posted to a channel webhook.
 * Discord has no alerts to resolve; a resolved incident is a message of its own.
 */
@NullMarked
package io.pepper.failure.notify.discord;

import org.jspecify.annotations.NullMarked;
