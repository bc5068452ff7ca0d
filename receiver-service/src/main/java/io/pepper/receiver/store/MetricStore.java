package io.pepper.receiver.store;

import java.util.List;

import io.pepper.contracts.v1.CheckResult;

/**
 * Where check results are kept for history, Apdex and trends. A result's identity is
 * endpoint, location and scheduled time: writing it again overwrites, so a replayed queue
 * entry never duplicates a point.
 */
public interface MetricStore {

	/**
	 * Makes the store ready to write, e.g. creates its database. Safe to call again.
	 * @throws MetricStoreException when the store cannot be prepared now
	 */
	default void prepare() {
	}

	/**
	 * Writes the results and returns only once the store confirmed them.
	 * @param results the results to keep
	 * @throws MetricStoreException when the store did not confirm the write
	 */
	void write(List<CheckResult> results);

}
