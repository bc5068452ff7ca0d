/**
 * Apdex trend detection: a CUSUM per endpoint over every check's Apdex score, pooled
 * across locations, with its state in Redis so every receiver instance shares it; events
 * go to failure-service through a durable outbox.
 */
@NullMarked
package io.pepper.receiver.trend;

import org.jspecify.annotations.NullMarked;
