package io.pepper.receiver.store;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.pepper.contracts.v1.CheckResult;
import org.jspecify.annotations.Nullable;

/**
 * The read side of the metric store: what history, summaries and Apdex are computed from.
 * Every adapter of {@link MetricStore} answers these too, and passes the same contract
 * tests.
 */
public interface MetricQueries {

	/**
	 * The buckets of {@code endpoints} at {@code resolution} whose time is in
	 * {@code [from, to)}: one per check for raw data, one per hour or day and location
	 * for rollups, in no particular order.
	 * @param location one location, or null for all
	 * @throws MetricStoreException when the store did not answer
	 */
	List<Bucket> read(Resolution resolution, Collection<UUID> endpoints, @Nullable String location, Instant from,
			Instant to);

	/**
	 * Exact counts per endpoint, all locations pooled, of the rollup buckets of
	 * {@code resolution} (hourly or daily) starting in {@code [from, to)}; endpoints
	 * without checks are left out. Summed by the store, so a page of endpoints costs one
	 * query.
	 */
	Map<UUID, Tally> tally(Resolution resolution, Collection<UUID> endpoints, Instant from, Instant to);

	/**
	 * The latest check of each endpoint at each location, scheduled at or after
	 * {@code since}; endpoints and locations without one are left out.
	 */
	List<LastCheck> lastChecks(Collection<UUID> endpoints, Instant since);

	/**
	 * At most {@code limit} raw checks of one endpoint scheduled in {@code [from, to)},
	 * newest first and, within a scheduled time, by location; each as it was sent (fields
	 * a store did not keep yet when the check was written are filled in from what it
	 * kept).
	 * @param location one location, or null for all
	 * @throws MetricStoreException when the store did not answer
	 */
	List<CheckResult> checks(UUID endpoint, @Nullable String location, Instant from, Instant to, int limit);

	/**
	 * Deletes what is older than each resolution's retention, for stores that do not
	 * expire data themselves.
	 */
	default void enforceRetention(Instant now) {
	}

}
