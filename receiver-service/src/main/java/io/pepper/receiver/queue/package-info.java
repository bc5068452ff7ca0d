/**
 * The durable results queue: a Redis stream with one consumer group whose workers write
 * entries to the metric store and acknowledge them only after the store confirmed.
 */
@NullMarked
package io.pepper.receiver.queue;

import org.jspecify.annotations.NullMarked;
