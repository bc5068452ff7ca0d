package io.pepper.receiver.store;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * Stored histograms already decoded, keyed by their encoded bytes: a rollup that a late
 * check or a replay changed has other bytes, so it is decoded again and can never be
 * answered from a stale entry; nothing needs invalidating. Least recently used entries go
 * first once the entries weigh more than the limit.
 */
public final class DecodedHistograms {

	/** About 128 MB: the 90-day hourly rollups of some 25 endpoints at 3 locations. */
	static final long DEFAULT_WEIGHT_LIMIT = 128L << 20;

	private static final DecodedHistograms SHARED = new DecodedHistograms(DEFAULT_WEIGHT_LIMIT);

	private final long weightLimit;

	private final Map<Encoded, HistogramCounts> entries = new LinkedHashMap<>(1024, 0.75f, true);

	private long weight;

	private long hits;

	private long misses;

	DecodedHistograms(long weightLimit) {
		this.weightLimit = weightLimit;
	}

	/** The cache every store's reads share. */
	public static DecodedHistograms shared() {
		return SHARED;
	}

	/**
	 * The decoded counts of {@code encoded}, or null for an encoding only the library
	 * reads.
	 */
	@Nullable HistogramCounts decode(byte[] encoded) {
		Encoded key = new Encoded(encoded);
		synchronized (this) {
			HistogramCounts known = this.entries.get(key);
			if (known != null) {
				this.hits++;
				return known;
			}
			this.misses++;
		}
		HistogramCounts decoded = HistogramCounts.decode(encoded);
		if (decoded == null) {
			return null;
		}
		synchronized (this) {
			if (this.entries.put(key, decoded) == null) {
				this.weight += weight(key, decoded);
			}
			var eldest = this.entries.entrySet().iterator();
			while (this.weight > this.weightLimit && eldest.hasNext()) {
				var entry = eldest.next();
				this.weight -= weight(entry.getKey(), entry.getValue());
				eldest.remove();
			}
		}
		return decoded;
	}

	/**
	 * Bytes held by an entry, roughly: the key, the counts and the objects around them.
	 */
	private static long weight(Encoded key, HistogramCounts counts) {
		return 96L + key.bytes().length + 12L * counts.size();
	}

	/** Decodes answered from the cache and decodes done, since start. */
	public synchronized long[] hitsAndMisses() {
		return new long[] { this.hits, this.misses };
	}

	synchronized int size() {
		return this.entries.size();
	}

	/** Encoded bytes compared by content; the array is never changed once read. */
	private record Encoded(byte[] bytes, int hash) {

		Encoded(byte[] bytes) {
			this(bytes, Arrays.hashCode(bytes));
		}

		@Override
		public boolean equals(Object other) {
			return other instanceof Encoded encoded && this.hash == encoded.hash
					&& Arrays.equals(this.bytes, encoded.bytes);
		}

		@Override
		public int hashCode() {
			return this.hash;
		}

		@Override
		public String toString() {
			return this.bytes.length + " bytes";
		}

	}

}
