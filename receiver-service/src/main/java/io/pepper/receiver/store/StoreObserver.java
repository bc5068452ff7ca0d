package io.pepper.receiver.store;

import java.util.List;

import io.pepper.contracts.v1.CheckResult;

/**
 * Something that acts on checks once the metric store confirmed them, such as the trend
 * detector. Every observer bean is called in turn; see {@link ObservingMetricStore}.
 */
public interface StoreObserver {

	/**
	 * Called after the store confirmed a write of these results, possibly again for a
	 * replayed batch. Must not block on anything slower than Redis.
	 * @param results the results just written
	 */
	void stored(List<CheckResult> results);

}
