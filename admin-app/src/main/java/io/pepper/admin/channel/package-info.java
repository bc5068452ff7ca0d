/**
 * Notification channels: email addresses, Slack incoming webhooks and signed generic
 * webhooks, with their secrets encrypted at rest.
 */
@NullMarked
package io.pepper.admin.channel;

import org.jspecify.annotations.NullMarked;
