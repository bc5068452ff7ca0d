/**
 * The receiver service: accepts check results from probes, queues them durably in Redis
 * and drains them into the metric store.
 */
@NullMarked
package io.pepper.receiver;

import org.jspecify.annotations.NullMarked;
