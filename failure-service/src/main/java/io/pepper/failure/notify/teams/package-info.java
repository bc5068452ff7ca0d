/**
 * The Microsoft Teams channel: an Adaptive Card posted to a Teams Workflows webhook
 * ("Post to a channel when a webhook request is received"). Teams has no alerts to
 * resolve; a resolved incident is a card of its own.
 */
@NullMarked
package io.pepper.failure.notify.teams;

import org.jspecify.annotations.NullMarked;
