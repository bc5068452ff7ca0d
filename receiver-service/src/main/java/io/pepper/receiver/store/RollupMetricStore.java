package io.pepper.receiver.store;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

import io.pepper.contracts.v1.CheckResult;
import org.jspecify.annotations.Nullable;

/**
 * A metric store that keeps hourly and daily rollups beside the raw checks, updated
 * incrementally and exactly. Each hourly bucket records the check slots it counted, so a
 * write adds only checks it has not counted yet, without reading raw data back; each
 * daily bucket records, per hour, the fingerprint of the hourly bucket it added, so it
 * takes the same increment only while it agrees with that hour. A bucket that already
 * counted one of the written slots (a replay, or a retry after a crash between the raw
 * write and the rollups), that has no record (imported, or written by an older version),
 * or whose hour closed (its end plus {@link #rollupGrace(Duration) the grace} passed) is
 * recomputed from the data below instead, as every write did before: late and replayed
 * checks stay exact, at the old price. Both adapters share this, so their rollups are
 * computed the same way.
 */
public abstract class RollupMetricStore implements MetricStore, MetricQueries {

	/** Keeps one rollup read small enough for any store's query size limits. */
	static final int ENDPOINTS_PER_READ = 200;

	/** The default time after an hour's end during which it is updated incrementally. */
	public static final Duration DEFAULT_GRACE = Duration.ofMinutes(15);

	private static final byte[] NOTHING = new byte[0];

	private volatile Duration grace = DEFAULT_GRACE;

	private volatile Clock clock = Clock.systemUTC();

	/** The (endpoint, location) pairs whose rollups a write of this process updates. */
	private final Set<Key> busy = new HashSet<>();

	/** The buckets this process wrote last, as written; off (0) unless configured. */
	private final BucketCache cache = new BucketCache();

	/**
	 * Keeps up to {@code buckets} rollup buckets this process wrote in memory, compactly
	 * encoded, so the next write to one needs no read. Only for a store that this process
	 * alone writes to: a bucket another instance changed would be overwritten from the
	 * stale copy. 0 turns the cache off.
	 */
	public final void rollupCache(int buckets) {
		if (buckets < 0) {
			throw new IllegalArgumentException("the rollup cache size must not be negative but was " + buckets);
		}
		this.cache.resize(buckets);
	}

	/**
	 * How long after an hour's end a late check is still added to its bucket
	 * incrementally; later ones recompute the bucket from raw data.
	 */
	public final void rollupGrace(Duration grace) {
		if (grace.isNegative()) {
			throw new IllegalArgumentException("the rollup grace must not be negative but was " + grace);
		}
		this.grace = grace;
	}

	/** The clock that tells which hours closed; the system's by default. */
	public final void rollupClock(Clock clock) {
		this.clock = clock;
	}

	@Override
	public final void write(List<CheckResult> results) {
		if (results.isEmpty()) {
			return;
		}
		Map<HourKey, TreeMap<Long, CheckResult>> hours = new LinkedHashMap<>();
		Set<Key> keys = new LinkedHashSet<>();
		for (CheckResult result : results) {
			Instant hour = Resolution.HOURLY.floor(result.scheduledAt());
			Key key = new Key(result.endpointId(), result.location());
			keys.add(key);
			// Within one write the last result of a slot wins, as it does in the raw
			// data.
			hours.computeIfAbsent(new HourKey(key, hour), (k) -> new TreeMap<>())
				.put(result.scheduledAt().toEpochMilli() - hour.toEpochMilli(), result);
		}
		List<Cached> written = new ArrayList<>();
		try {
			atomically(() -> {
				written.clear();
				writeChecks(results);
				lockRollups(keys, () -> updateRollups(hours, written));
			});
		}
		catch (RuntimeException ex) {
			// What the store holds now is not known: read it again next time.
			this.cache.forget(keys);
			throw ex;
		}
		// Only once committed, so a rolled back write is never taken for stored.
		this.cache.remember(written);
	}

	/**
	 * Runs a write and its rollups as one unit where the store has transactions; a store
	 * without them relies on the counted slots: a retried write finds them counted (or
	 * not) and recomputes (or adds) accordingly.
	 */
	protected void atomically(Runnable write) {
		write.run();
	}

	/**
	 * Runs {@code update} while no other write updates the rollups of {@code keys}: their
	 * buckets are read, changed and written back. This in-process lock serves the workers
	 * of one instance; a store with transactions also locks across instances.
	 */
	protected void lockRollups(Collection<Key> keys, Runnable update) {
		synchronized (this.busy) {
			while (keys.stream().anyMatch(this.busy::contains)) {
				try {
					this.busy.wait();
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
					throw new MetricStoreException("Interrupted while waiting to update rollups", ex);
				}
			}
			this.busy.addAll(keys);
		}
		try {
			update.run();
		}
		finally {
			synchronized (this.busy) {
				this.busy.removeAll(keys);
				this.busy.notifyAll();
			}
		}
	}

	private void updateRollups(Map<HourKey, TreeMap<Long, CheckResult>> written, List<Cached> cached) {
		Instant now = this.clock.instant();
		Map<HourKey, CountedBucket> hourly = readCounted(Resolution.HOURLY, written.keySet());
		List<CountedBucket> updated = new ArrayList<>();
		Map<HourKey, Change> changes = new LinkedHashMap<>();
		Set<HourKey> recompute = new LinkedHashSet<>();
		written.forEach((key, slots) -> {
			CountedBucket existing = hourly.get(key);
			boolean closed = key.start().plus(Resolution.HOURLY.length()).plus(this.grace).isBefore(now);
			if (closed || (existing != null && (existing.counted().length == 0
					|| countedAny(Counted.slots(existing.counted()), slots.keySet())))) {
				recompute.add(key);
				return;
			}
			Stats delta = new Stats();
			slots.values().forEach((result) -> delta.add(stats(result)));
			long before = (existing != null) ? Counted.fingerprint(existing.bucket().stats()) : 0;
			Stats after = (existing != null) ? existing.bucket().stats() : new Stats();
			after.add(delta);
			Set<Long> counted = new HashSet<>(slots.keySet());
			if (existing != null) {
				for (long slot : Counted.slots(existing.counted())) {
					counted.add(slot);
				}
			}
			updated.add(new CountedBucket(new Bucket(key.key().endpointId(), key.key().location(), key.start(), after),
					Counted.encodeSlots(counted)));
			changes.put(key, new Change(before, Counted.fingerprint(after), delta));
		});
		for (CountedBucket bucket : recomputeFromRaw(recompute)) {
			updated.add(bucket);
			HourKey key = HourKey.of(bucket.bucket());
			changes.put(key, new Change(-1, Counted.fingerprint(bucket.bucket().stats()), null));
		}
		writeCounted(Resolution.HOURLY, updated);
		updated.forEach((bucket) -> cached.add(new Cached(Resolution.HOURLY, bucket)));
		updateDaily(changes, cached);
	}

	private static boolean countedAny(long[] counted, Set<Long> slots) {
		for (long slot : counted) {
			if (slots.contains(slot)) {
				return true;
			}
		}
		return false;
	}

	private static Stats stats(CheckResult result) {
		return Stats.ofCheck(result.scheduledAt(), result.outcome().isUp(), result.apdex(), result.apdexThresholdMs(),
				result.timings().totalMs(), result.timings().dnsMs(), result.timings().connectMs(),
				result.timings().tlsMs(), result.timings().firstByteMs());
	}

	/**
	 * The hourly buckets of {@code keys} as the raw checks add them up, each with every
	 * slot it holds; keys without raw checks (e.g. past the raw retention) are left as
	 * they are.
	 */
	private List<CountedBucket> recomputeFromRaw(Set<HourKey> keys) {
		List<CountedBucket> buckets = new ArrayList<>();
		forEachRead(keys, Resolution.HOURLY, (start, chunk, wanted) -> {
			Map<Key, Stats> merged = new HashMap<>();
			Map<Key, Set<Long>> slots = new HashMap<>();
			for (Bucket bucket : read(Resolution.RAW, chunk, null, start, start.plus(Resolution.HOURLY.length()))) {
				Key key = new Key(bucket.endpointId(), bucket.location());
				if (wanted.contains(key)) {
					merged.computeIfAbsent(key, (k) -> new Stats()).add(bucket.stats());
					slots.computeIfAbsent(key, (k) -> new HashSet<>())
						.add(bucket.time().toEpochMilli() - start.toEpochMilli());
				}
			}
			merged.forEach((key, stats) -> buckets
				.add(new CountedBucket(new Bucket(key.endpointId(), key.location(), start, stats),
						Counted.encodeSlots(Objects.requireNonNull(slots.get(key))))));
		});
		return buckets;
	}

	private void updateDaily(Map<HourKey, Change> changes, List<Cached> cached) {
		Map<HourKey, Map<Integer, Change>> days = new LinkedHashMap<>();
		changes.forEach((hour, change) -> {
			Instant day = Resolution.DAILY.floor(hour.start());
			int index = (int) Duration.between(day, hour.start()).toHours();
			days.computeIfAbsent(new HourKey(hour.key(), day), (k) -> new TreeMap<>()).put(index, change);
		});
		Map<HourKey, CountedBucket> daily = readCounted(Resolution.DAILY, days.keySet());
		List<CountedBucket> updated = new ArrayList<>();
		Set<HourKey> recompute = new LinkedHashSet<>();
		days.forEach((key, hours) -> {
			CountedBucket existing = daily.get(key);
			if (existing == null || existing.counted().length == 0) {
				recompute.add(key);
				return;
			}
			long[] record = Counted.hours(existing.counted());
			for (Map.Entry<Integer, Change> hour : hours.entrySet()) {
				if (hour.getValue().delta() == null || record[hour.getKey()] != hour.getValue().before()) {
					recompute.add(key);
					return;
				}
			}
			Stats stats = existing.bucket().stats();
			hours.forEach((index, change) -> {
				stats.add(Objects.requireNonNull(change.delta()));
				record[index] = change.after();
			});
			updated.add(new CountedBucket(existing.bucket(), Counted.encodeHours(record)));
		});
		updated.addAll(recomputeFromHourly(recompute));
		writeCounted(Resolution.DAILY, updated);
		updated.forEach((bucket) -> cached.add(new Cached(Resolution.DAILY, bucket)));
	}

	/** The daily buckets of {@code keys} as their hourly buckets add them up. */
	private List<CountedBucket> recomputeFromHourly(Set<HourKey> keys) {
		List<CountedBucket> buckets = new ArrayList<>();
		forEachRead(keys, Resolution.DAILY, (start, chunk, wanted) -> {
			Map<Key, Stats> merged = new HashMap<>();
			Map<Key, long[]> records = new HashMap<>();
			for (CountedBucket hour : readCounted(Resolution.HOURLY, chunk, start,
					start.plus(Resolution.DAILY.length()))) {
				Bucket bucket = hour.bucket();
				Key key = new Key(bucket.endpointId(), bucket.location());
				if (wanted.contains(key)) {
					int index = (int) Duration.between(start, bucket.time()).toHours();
					records.computeIfAbsent(key, (k) -> new long[24])[index] = Counted.fingerprint(bucket.stats());
					merged.computeIfAbsent(key, (k) -> new Stats()).add(bucket.stats());
				}
			}
			merged.forEach((key, stats) -> buckets
				.add(new CountedBucket(new Bucket(key.endpointId(), key.location(), start, stats),
						Counted.encodeHours(Objects.requireNonNull(records.get(key))))));
		});
		return buckets;
	}

	/** The stored buckets of {@code keys} at {@code resolution}, with their records. */
	private Map<HourKey, CountedBucket> readCounted(Resolution resolution, Set<HourKey> keys) {
		Map<HourKey, CountedBucket> found = new HashMap<>();
		Set<HourKey> missing = new LinkedHashSet<>();
		for (HourKey key : keys) {
			CountedBucket bucket = this.cache.get(resolution, key);
			if (bucket != null) {
				found.put(key, bucket);
			}
			else {
				missing.add(key);
			}
		}
		forEachRead(missing, resolution, (start, chunk, wanted) -> {
			for (CountedBucket bucket : readCounted(resolution, chunk, start, start.plus(resolution.length()))) {
				HourKey key = HourKey.of(bucket.bucket());
				if (wanted.contains(key.key()) && key.start().equals(start)) {
					found.put(key, bucket);
				}
			}
		});
		return found;
	}

	/**
	 * Calls {@code read} per bucket start with chunks of at most
	 * {@value #ENDPOINTS_PER_READ} endpoints and the (endpoint, location) pairs wanted.
	 */
	private static void forEachRead(Set<HourKey> keys, Resolution resolution, ChunkRead read) {
		Map<Instant, Set<Key>> byStart = new TreeMap<>();
		keys.forEach((key) -> byStart.computeIfAbsent(resolution.floor(key.start()), (s) -> new LinkedHashSet<>())
			.add(key.key()));
		byStart.forEach((start, wanted) -> {
			List<UUID> endpoints = wanted.stream().map(Key::endpointId).distinct().toList();
			for (int i = 0; i < endpoints.size(); i += ENDPOINTS_PER_READ) {
				read.read(start, endpoints.subList(i, Math.min(endpoints.size(), i + ENDPOINTS_PER_READ)), wanted);
			}
		});
	}

	/**
	 * Writes one raw point per check, overwriting any of the same identity, and returns
	 * once the store confirmed them. Checks older than the raw retention may be left out.
	 */
	protected abstract void writeChecks(List<CheckResult> results);

	/**
	 * Writes (overwrites) rollup buckets of {@code resolution} as given, without a record
	 * of what they counted: the next write to one of them recomputes it. Writes compute
	 * their rollups themselves; this is for imports of history kept elsewhere.
	 */
	public final void writeRollups(Resolution resolution, List<Bucket> rollups) {
		this.cache.forget(rollups.stream().map((bucket) -> new Key(bucket.endpointId(), bucket.location())).toList());
		writeCounted(resolution, rollups.stream().map((bucket) -> new CountedBucket(bucket, NOTHING)).toList());
	}

	/**
	 * Writes (overwrites) rollup buckets of {@code resolution} with their records of what
	 * they counted, each bucket and its record in one step.
	 */
	protected abstract void writeCounted(Resolution resolution, List<CountedBucket> rollups);

	/**
	 * The rollup buckets of {@code endpoints} at {@code resolution} in {@code [from, to)}
	 * with their records; an empty record where none was kept.
	 */
	protected abstract List<CountedBucket> readCounted(Resolution resolution, Collection<UUID> endpoints, Instant from,
			Instant to);

	/** An empty record, for buckets written without one. */
	protected static byte[] nothingCounted() {
		return NOTHING;
	}

	/**
	 * A rollup bucket and what it counted.
	 *
	 * @param bucket the bucket
	 * @param counted its record ({@link Counted}), empty when unknown
	 */
	public record CountedBucket(Bucket bucket, byte[] counted) {

	}

	/** The rollups of one endpoint at one location. */
	public record Key(UUID endpointId, String location) {

	}

	/** A bucket written, to remember once the write committed. */
	private record Cached(Resolution resolution, CountedBucket bucket) {

	}

	/**
	 * Recently written buckets, least recently used first, each as its stored form
	 * (histogram compressed) so that many fit.
	 */
	private static final class BucketCache {

		private int capacity;

		private final LinkedHashMap<CacheKey, Snapshot> entries = new LinkedHashMap<>(16, 0.75f, true) {

			@Override
			protected boolean removeEldestEntry(Map.Entry<CacheKey, Snapshot> eldest) {
				return size() > BucketCache.this.capacity;
			}

		};

		synchronized void resize(int capacity) {
			this.capacity = capacity;
			if (capacity == 0) {
				this.entries.clear();
			}
		}

		synchronized @Nullable CountedBucket get(Resolution resolution, HourKey key) {
			if (this.capacity == 0) {
				return null;
			}
			Snapshot snapshot = this.entries.get(new CacheKey(resolution, key));
			return (snapshot != null) ? snapshot.bucket(key) : null;
		}

		void remember(List<Cached> written) {
			if (this.capacity == 0 || written.isEmpty()) {
				return;
			}
			List<Map.Entry<CacheKey, Snapshot>> snapshots = new ArrayList<>(written.size());
			for (Cached cached : written) {
				snapshots.add(Map.entry(new CacheKey(cached.resolution(), HourKey.of(cached.bucket().bucket())),
						Snapshot.of(cached.bucket())));
			}
			synchronized (this) {
				snapshots.forEach((entry) -> this.entries.put(entry.getKey(), entry.getValue()));
			}
		}

		synchronized void forget(Collection<Key> keys) {
			if (!this.entries.isEmpty()) {
				this.entries.keySet().removeIf((cached) -> keys.contains(cached.key().key()));
			}
		}

	}

	private record CacheKey(Resolution resolution, HourKey key) {

	}

	/** A bucket as stored: its sums, its compressed histogram and its record. */
	private record Snapshot(long[] counts, double[] sums, int apdexThresholdMs, long latestAtMs, byte[] histogram,
			byte[] counted) {

		static Snapshot of(CountedBucket bucket) {
			Stats s = bucket.bucket().stats();
			return new Snapshot(
					new long[] { s.checks(), s.up(), s.satisfied(), s.tolerating(), s.frustrated(), s.dnsCount(),
							s.connectCount(), s.tlsCount(), s.firstByteCount() },
					new double[] { s.totalSum(), s.dnsSum(), s.connectSum(), s.tlsSum(), s.firstByteSum() },
					s.apdexThresholdMs(), s.latestAtMs(), s.encodedHistogram(), bucket.counted());
		}

		CountedBucket bucket(HourKey key) {
			Stats stats = Stats.ofRollup(this.counts[0], this.counts[1], this.counts[2], this.counts[3], this.counts[4],
					this.sums[0], this.sums[1], this.counts[5], this.sums[2], this.counts[6], this.sums[3],
					this.counts[7], this.sums[4], this.counts[8], this.apdexThresholdMs, this.latestAtMs,
					this.histogram);
			return new CountedBucket(new Bucket(key.key().endpointId(), key.key().location(), key.start(), stats),
					this.counted);
		}

	}

	private record HourKey(Key key, Instant start) {

		static HourKey of(Bucket bucket) {
			return new HourKey(new Key(bucket.endpointId(), bucket.location()), bucket.time());
		}

	}

	/**
	 * How a write changed an hourly bucket.
	 *
	 * @param before the bucket's fingerprint before, 0 when there was none, -1 when
	 * unknown
	 * @param after its fingerprint after
	 * @param delta what was added, or null when it was recomputed
	 */
	private record Change(long before, long after, @Nullable Stats delta) {

	}

	@FunctionalInterface
	private interface ChunkRead {

		void read(Instant start, List<UUID> endpoints, Set<Key> wanted);

	}

}
