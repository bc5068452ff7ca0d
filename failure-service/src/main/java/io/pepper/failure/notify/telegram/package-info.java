/**
 * The Telegram channel: the Bot API's {@code sendMessage} to one chat. Telegram has no
 * alerts to resolve; a resolved incident is a message of its own.
 */
@NullMarked
package io.pepper.failure.notify.telegram;

import org.jspecify.annotations.NullMarked;
