package io.pepper.receiver.store;

import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import java.util.Collection;

/**
 * What a rollup bucket has already counted, stored beside it so a write counts each check
 * once. An hourly bucket keeps the check slots it counted (ms after the bucket's start,
 * at most one per slot of the interval); a daily bucket keeps, per hour, the fingerprint
 * of the hourly bucket it added (see {@link #fingerprint(Stats)}). Encoded compactly:
 * slots as variable-length deltas, hours as an hour byte and an 8-byte fingerprint each.
 */
public final class Counted {

	private static final int HOURS = 24;

	private Counted() {
	}

	/** The sorted, distinct slots of an hourly bucket. */
	public static long[] slots(byte[] encoded) {
		long[] slots = new long[encoded.length];
		int n = 0;
		long previous = 0;
		int i = 0;
		while (i < encoded.length) {
			long delta = 0;
			int shift = 0;
			byte b;
			do {
				b = encoded[i++];
				delta |= (long) (b & 0x7f) << shift;
				shift += 7;
			}
			while ((b & 0x80) != 0 && i < encoded.length);
			previous += delta;
			slots[n++] = previous;
		}
		return Arrays.copyOf(slots, n);
	}

	public static byte[] encodeSlots(Collection<Long> slots) {
		long[] sorted = slots.stream().mapToLong(Long::longValue).sorted().distinct().toArray();
		ByteArrayOutputStream out = new ByteArrayOutputStream(sorted.length * 3);
		long previous = 0;
		for (long slot : sorted) {
			long delta = slot - previous;
			previous = slot;
			while ((delta & ~0x7fL) != 0) {
				out.write((int) ((delta & 0x7f) | 0x80));
				delta >>>= 7;
			}
			out.write((int) delta);
		}
		return out.toByteArray();
	}

	/**
	 * The fingerprints per hour of day (index 0 to 23) of a daily bucket; 0 where it
	 * counted nothing.
	 */
	public static long[] hours(byte[] encoded) {
		long[] hours = new long[HOURS];
		for (int i = 0; i + 9 <= encoded.length; i += 9) {
			int hour = encoded[i];
			long fingerprint = 0;
			for (int b = 1; b <= 8; b++) {
				fingerprint = (fingerprint << 8) | (encoded[i + b] & 0xff);
			}
			if (hour >= 0 && hour < HOURS) {
				hours[hour] = fingerprint;
			}
		}
		return hours;
	}

	public static byte[] encodeHours(long[] hours) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		for (int hour = 0; hour < HOURS; hour++) {
			if (hours[hour] != 0) {
				out.write(hour);
				for (int b = 7; b >= 0; b--) {
					out.write((int) (hours[hour] >>> (8 * b)));
				}
			}
		}
		return out.toByteArray();
	}

	/**
	 * Identifies the content of an hourly bucket as stored: its counts, its sums (to the
	 * µs) and its latest check. Never 0, which stands for "no bucket".
	 */
	public static long fingerprint(Stats stats) {
		long[] values = { stats.checks(), stats.up(), stats.satisfied(), stats.tolerating(), stats.frustrated(),
				micros(stats.totalSum()), micros(stats.dnsSum()), stats.dnsCount(), micros(stats.connectSum()),
				stats.connectCount(), micros(stats.tlsSum()), stats.tlsCount(), micros(stats.firstByteSum()),
				stats.firstByteCount(), stats.apdexThresholdMs(), stats.latestAtMs() };
		long hash = 0xcbf29ce484222325L;
		for (long value : values) {
			hash ^= value;
			hash *= 0x100000001b3L;
			hash ^= hash >>> 29;
		}
		return (hash == 0) ? 1 : hash;
	}

	private static long micros(double millis) {
		return Math.round(millis * 1000);
	}

}
