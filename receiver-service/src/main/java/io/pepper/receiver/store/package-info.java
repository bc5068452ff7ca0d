/**
 * Where check results are kept: the {@link io.pepper.receiver.store.MetricStore} port,
 * one sub-package per implementation.
 */
@NullMarked
package io.pepper.receiver.store;

import org.jspecify.annotations.NullMarked;
