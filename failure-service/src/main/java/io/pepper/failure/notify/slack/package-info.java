/** The Slack notification channel: a message to a Slack incoming webhook. */
@NullMarked
package io.pepper.failure.notify.slack;

import org.jspecify.annotations.NullMarked;
