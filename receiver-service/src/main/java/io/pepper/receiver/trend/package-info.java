/**
 * Apdex trend detection: a pure detector per endpoint ({@link TrendDetector}) with
 * seasonal baselines per location, pooled across locations, its state in Redis so every
 * receiver instance shares it; events go to failure-service through a durable outbox.
 */
@NullMarked
package io.pepper.receiver.trend;

import org.jspecify.annotations.NullMarked;
