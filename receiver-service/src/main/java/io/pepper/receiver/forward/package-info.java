/**
 * Durable delivery to failure-service: messages wait in a bounded Redis list until it
 * accepts them, so neither a restart nor an outage of failure-service loses one; a
 * message it refuses is set aside with the reason.
 */
@NullMarked
package io.pepper.receiver.forward;

import org.jspecify.annotations.NullMarked;
