package io.pepper.receiver.store;

import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;

import io.pepper.contracts.v1.ApdexClass;
import io.pepper.contracts.v1.HistoryPoint;
import org.HdrHistogram.Histogram;
import org.jspecify.annotations.Nullable;

/**
 * What a set of checks adds up to, kept so that any two sets merge exactly: counts per
 * outcome and Apdex class, sums for means, and a histogram of total time for percentiles.
 * A rollup is one of these per endpoint, location and hour or day; never a percentile of
 * percentiles.
 */
public final class Stats {

	/**
	 * Two significant digits: percentiles within 1% for a histogram of a few kB in memory
	 * and a few hundred bytes stored.
	 */
	static final int SIGNIFICANT_DIGITS = 2;

	private long checks;

	private long up;

	private long satisfied;

	private long tolerating;

	private long frustrated;

	private final Sum total = new Sum();

	private final Sum dns = new Sum();

	private final Sum connect = new Sum();

	private final Sum tls = new Sum();

	private final Sum firstByte = new Sum();

	private int apdexThresholdMs;

	private long latestAtMs = Long.MIN_VALUE;

	private @Nullable Histogram histogram;

	/**
	 * A stored rollup's histogram as read back, shared and never changed: merged into
	 * another histogram without building a full one for this rollup.
	 */
	private @Nullable HistogramCounts stored;

	/**
	 * A single check's total time in µs, kept unboxed until a merge needs a histogram.
	 */
	private long singleMicros = -1;

	public Stats() {
	}

	/** The stats of one check; phases and total time count only when it was up. */
	public static Stats ofCheck(Instant scheduledAt, boolean up, ApdexClass apdex, int apdexThresholdMs, double totalMs,
			@Nullable Double dnsMs, @Nullable Double connectMs, @Nullable Double tlsMs, @Nullable Double firstByteMs) {
		Stats stats = new Stats();
		stats.checks = 1;
		switch (up ? apdex : ApdexClass.FRUSTRATED) {
			case SATISFIED -> stats.satisfied = 1;
			case TOLERATING -> stats.tolerating = 1;
			case FRUSTRATED -> stats.frustrated = 1;
		}
		stats.apdexThresholdMs = apdexThresholdMs;
		stats.latestAtMs = scheduledAt.toEpochMilli();
		if (up) {
			stats.up = 1;
			stats.total.add(totalMs);
			stats.dns.addIfPresent(dnsMs);
			stats.connect.addIfPresent(connectMs);
			stats.tls.addIfPresent(tlsMs);
			stats.firstByte.addIfPresent(firstByteMs);
			stats.singleMicros = micros(totalMs);
		}
		return stats;
	}

	/** A stored rollup read back. */
	public static Stats ofRollup(long checks, long up, long satisfied, long tolerating, long frustrated,
			double totalSum, double dnsSum, long dnsCount, double connectSum, long connectCount, double tlsSum,
			long tlsCount, double firstByteSum, long firstByteCount, int apdexThresholdMs, long latestAtMs,
			byte @Nullable [] histogram) {
		Stats stats = new Stats();
		stats.checks = checks;
		stats.up = up;
		stats.satisfied = satisfied;
		stats.tolerating = tolerating;
		stats.frustrated = frustrated;
		stats.total.set(totalSum, up);
		stats.dns.set(dnsSum, dnsCount);
		stats.connect.set(connectSum, connectCount);
		stats.tls.set(tlsSum, tlsCount);
		stats.firstByte.set(firstByteSum, firstByteCount);
		stats.apdexThresholdMs = apdexThresholdMs;
		stats.latestAtMs = latestAtMs;
		if (histogram != null && histogram.length > 0) {
			stats.stored = DecodedHistograms.shared().decode(histogram);
			if (stats.stored == null) {
				stats.histogram = decode(histogram);
			}
		}
		return stats;
	}

	/** Adds {@code other}'s checks to these; the threshold of the later check wins. */
	public Stats add(Stats other) {
		this.checks += other.checks;
		this.up += other.up;
		this.satisfied += other.satisfied;
		this.tolerating += other.tolerating;
		this.frustrated += other.frustrated;
		this.total.add(other.total);
		this.dns.add(other.dns);
		this.connect.add(other.connect);
		this.tls.add(other.tls);
		this.firstByte.add(other.firstByte);
		if (other.checks > 0 && other.latestAtMs >= this.latestAtMs) {
			this.latestAtMs = other.latestAtMs;
			this.apdexThresholdMs = other.apdexThresholdMs;
		}
		if (other.histogram != null) {
			histogram().add(other.histogram);
		}
		else if (other.stored != null) {
			other.stored.recordInto(histogram());
		}
		else if (other.singleMicros >= 0) {
			histogram().recordValue(other.singleMicros);
		}
		return this;
	}

	private Histogram histogram() {
		if (this.histogram == null) {
			Histogram created = new Histogram(SIGNIFICANT_DIGITS);
			created.setAutoResize(true);
			if (this.singleMicros >= 0) {
				created.recordValue(this.singleMicros);
				this.singleMicros = -1;
			}
			if (this.stored != null) {
				this.stored.recordInto(created);
				this.stored = null;
			}
			this.histogram = created;
		}
		return this.histogram;
	}

	private static long micros(double millis) {
		return Math.max(0, Math.round(millis * 1000));
	}

	public long checks() {
		return this.checks;
	}

	public long up() {
		return this.up;
	}

	public long satisfied() {
		return this.satisfied;
	}

	public long tolerating() {
		return this.tolerating;
	}

	public long frustrated() {
		return this.frustrated;
	}

	public double totalSum() {
		return this.total.sum;
	}

	public double dnsSum() {
		return this.dns.sum;
	}

	public long dnsCount() {
		return this.dns.count;
	}

	public double connectSum() {
		return this.connect.sum;
	}

	public long connectCount() {
		return this.connect.count;
	}

	public double tlsSum() {
		return this.tls.sum;
	}

	public long tlsCount() {
		return this.tls.count;
	}

	public double firstByteSum() {
		return this.firstByte.sum;
	}

	public long firstByteCount() {
		return this.firstByte.count;
	}

	/** The Apdex threshold T of the latest check, or 0 without checks. */
	public int apdexThresholdMs() {
		return this.apdexThresholdMs;
	}

	/** The scheduled time of the latest check (epoch ms). */
	public long latestAtMs() {
		return this.latestAtMs;
	}

	/** (satisfied + tolerating / 2) / checks, or null without checks. */
	public @Nullable Double apdex() {
		return (this.checks == 0) ? null : (this.satisfied + this.tolerating / 2.0) / this.checks;
	}

	public @Nullable Double uptime() {
		return (this.checks == 0) ? null : (double) this.up / this.checks;
	}

	/**
	 * A percentile of the total time of successful checks, in ms, or null without any.
	 */
	public @Nullable Double percentileMs(double percentile) {
		if (this.histogram == null && this.stored == null && this.singleMicros < 0) {
			return null;
		}
		Histogram values = histogram();
		if (values.getTotalCount() == 0) {
			return null;
		}
		return values.medianEquivalentValue(values.getValueAtPercentile(percentile)) / 1000.0;
	}

	/** The histogram of successful total times (µs), compressed; empty without any. */
	public byte[] encodedHistogram() {
		if (this.histogram == null && this.stored == null && this.singleMicros < 0) {
			return new byte[0];
		}
		Histogram values = histogram();
		ByteBuffer buffer = ByteBuffer.allocate(values.getNeededByteBufferCapacity());
		int length = values.encodeIntoCompressedByteBuffer(buffer, Deflater.BEST_SPEED);
		byte[] bytes = new byte[length];
		buffer.flip();
		buffer.get(bytes);
		return bytes;
	}

	private static Histogram decode(byte[] bytes) {
		try {
			Histogram decoded = Histogram.decodeFromCompressedByteBuffer(ByteBuffer.wrap(bytes), 0);
			decoded.setAutoResize(true);
			return decoded;
		}
		catch (DataFormatException ex) {
			throw new IllegalArgumentException("Not a stored histogram: " + ex.getMessage(), ex);
		}
	}

	/** The history point of these checks for the step starting at {@code time}. */
	public HistoryPoint toPoint(Instant time) {
		return new HistoryPoint(time, this.checks, this.up, this.satisfied, this.tolerating, this.frustrated, apdex(),
				uptime(), this.total.mean(), percentileMs(50), percentileMs(95), percentileMs(99), this.dns.mean(),
				this.connect.mean(), this.tls.mean(), this.firstByte.mean());
	}

	/** A sum and how many values it has. */
	private static final class Sum {

		private double sum;

		private long count;

		void add(double value) {
			this.sum += value;
			this.count++;
		}

		void addIfPresent(@Nullable Double value) {
			if (value != null) {
				add(value);
			}
		}

		void add(Sum other) {
			this.sum += other.sum;
			this.count += other.count;
		}

		void set(double sum, long count) {
			this.sum = sum;
			this.count = count;
		}

		@Nullable Double mean() {
			return (this.count == 0) ? null : this.sum / this.count;
		}

	}

}
