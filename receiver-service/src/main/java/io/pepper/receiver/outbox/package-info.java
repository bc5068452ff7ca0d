/**
 * Durable delivery to failure-service: messages wait in a bounded Redis list until it
 * accepts them, so neither a restart nor an outage of failure-service loses one.
 */
@NullMarked
package io.pepper.receiver.outbox;

import org.jspecify.annotations.NullMarked;
