package io.pepper.receiver.store;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;

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

	/** The latest check of each endpoint scheduled at or after {@code since}. */
	Map<UUID, LastCheck> lastChecks(Collection<UUID> endpoints, Instant since);

	/**
	 * Deletes what is older than each resolution's retention, for stores that do not
	 * expire data themselves.
	 */
	default void enforceRetention(Instant now) {
	}

}
