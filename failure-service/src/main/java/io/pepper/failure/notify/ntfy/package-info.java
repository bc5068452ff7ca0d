/**
 * The ntfy channel: a message published as JSON to a topic on ntfy.sh or a self-hosted
 * server. ntfy has no alerts to resolve; a resolved incident is a message of its own.
 */
@NullMarked
package io.pepper.failure.notify.ntfy;

import org.jspecify.annotations.NullMarked;
