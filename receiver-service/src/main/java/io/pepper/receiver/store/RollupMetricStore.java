package io.pepper.receiver.store;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

import io.pepper.contracts.v1.CheckResult;

/**
 * A metric store that keeps hourly and daily rollups beside the raw checks. After each
 * write it recomputes, from the data below, the rollups of every endpoint, location and
 * hour (then day) the write touched, so a replay or a late check leaves them exact. Both
 * adapters share this, so their rollups are computed the same way.
 */
public abstract class RollupMetricStore implements MetricStore, MetricQueries {

	/** Keeps one rollup read small enough for any store's query size limits. */
	static final int ENDPOINTS_PER_READ = 200;

	@Override
	public final void write(List<CheckResult> results) {
		if (results.isEmpty()) {
			return;
		}
		atomically(() -> writeWithRollups(results));
	}

	/**
	 * Runs a write and its rollups as one unit where the store has transactions; a store
	 * without them relies on recomputing the rollups when the write is retried.
	 */
	protected void atomically(Runnable write) {
		write.run();
	}

	private void writeWithRollups(List<CheckResult> results) {
		writeChecks(results);
		Map<Instant, Set<Key>> hours = new TreeMap<>();
		for (CheckResult result : results) {
			hours.computeIfAbsent(Resolution.HOURLY.floor(result.scheduledAt()), (hour) -> new LinkedHashSet<>())
				.add(new Key(result.endpointId(), result.location()));
		}
		writeRollups(Resolution.HOURLY, rollUp(Resolution.RAW, Resolution.HOURLY, hours));
		Map<Instant, Set<Key>> days = new TreeMap<>();
		hours.forEach((hour, keys) -> days.computeIfAbsent(Resolution.DAILY.floor(hour), (day) -> new LinkedHashSet<>())
			.addAll(keys));
		writeRollups(Resolution.DAILY, rollUp(Resolution.HOURLY, Resolution.DAILY, days));
	}

	private List<Bucket> rollUp(Resolution source, Resolution target, Map<Instant, Set<Key>> touched) {
		List<Bucket> rollups = new ArrayList<>();
		touched.forEach((start, keys) -> {
			Instant end = start.plus(target.length());
			List<UUID> endpoints = keys.stream().map(Key::endpointId).distinct().toList();
			for (int i = 0; i < endpoints.size(); i += ENDPOINTS_PER_READ) {
				List<UUID> chunk = endpoints.subList(i, Math.min(endpoints.size(), i + ENDPOINTS_PER_READ));
				Map<Key, Stats> merged = new HashMap<>();
				for (Bucket bucket : read(source, chunk, null, start, end)) {
					Key key = new Key(bucket.endpointId(), bucket.location());
					if (keys.contains(key)) {
						merged.computeIfAbsent(key, (k) -> new Stats()).add(bucket.stats());
					}
				}
				merged.forEach((key, stats) -> rollups.add(new Bucket(key.endpointId(), key.location(), start, stats)));
			}
		});
		return rollups;
	}

	/**
	 * Writes one raw point per check, overwriting any of the same identity, and returns
	 * once the store confirmed them. Checks older than the raw retention may be left out.
	 */
	protected abstract void writeChecks(List<CheckResult> results);

	/**
	 * Writes (overwrites) rollup buckets of {@code resolution} as given. Writes compute
	 * their rollups themselves; this is for imports of history kept elsewhere.
	 */
	public abstract void writeRollups(Resolution resolution, List<Bucket> rollups);

	private record Key(UUID endpointId, String location) {
	}

}
