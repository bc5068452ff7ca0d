package io.pepper.receiver.store;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

import org.HdrHistogram.Histogram;
import org.jspecify.annotations.Nullable;

/**
 * A stored histogram read back as its non-empty counts only: a rollup of an hour holds at
 * most a few hundred, where the full array of a histogram holds thousands. Decoded
 * straight from HdrHistogram's compressed V2 encoding without building the full array,
 * and recorded into a histogram bucket by bucket, so merging stays exact. Immutable.
 */
final class HistogramCounts {

	/**
	 * HdrHistogram's V2 compressed and plain encoding cookies (without the word size).
	 */
	private static final int V2_COMPRESSED_COOKIE = 0x1c849304;

	private static final int V2_COOKIE = 0x1c849303;

	private static final int HEADER_BYTES = 40;

	/** One inflater per thread: creating one costs more than inflating a rollup. */
	private static final ThreadLocal<Inflater> INFLATERS = ThreadLocal.withInitial(Inflater::new);

	private static final ThreadLocal<byte[]> BUFFERS = ThreadLocal.withInitial(() -> new byte[4096]);

	private final int[] indexes;

	private final long[] counts;

	/** How the indexes map to values, from the encoded header. */
	private final int subBucketHalfCountMagnitude;

	private final int unitMagnitude;

	private HistogramCounts(int[] indexes, long[] counts, int subBucketHalfCountMagnitude, int unitMagnitude) {
		this.indexes = indexes;
		this.counts = counts;
		this.subBucketHalfCountMagnitude = subBucketHalfCountMagnitude;
		this.unitMagnitude = unitMagnitude;
	}

	/**
	 * Decodes a histogram encoded by {@link Histogram#encodeIntoCompressedByteBuffer}, or
	 * answers null for an encoding this does not read (the library's decoder then does).
	 */
	static @Nullable HistogramCounts decode(byte[] encoded) {
		try {
			return decodeV2(encoded);
		}
		catch (DataFormatException | RuntimeException ex) {
			return null;
		}
	}

	private static HistogramCounts decodeV2(byte[] encoded) throws DataFormatException {
		ByteBuffer outer = ByteBuffer.wrap(encoded);
		if ((outer.getInt() & ~0xf0) != V2_COMPRESSED_COOKIE) {
			throw new IllegalArgumentException("not a V2 compressed histogram");
		}
		int compressedLength = outer.getInt();
		Inflater inflater = INFLATERS.get();
		inflater.reset();
		inflater.setInput(encoded, 8, compressedLength);
		byte[] buffer = BUFFERS.get();
		int length = 0;
		while (!inflater.finished()) {
			if (length == buffer.length) {
				buffer = Arrays.copyOf(buffer, buffer.length * 2);
				BUFFERS.set(buffer);
			}
			int inflated = inflater.inflate(buffer, length, buffer.length - length);
			if (inflated == 0 && (inflater.needsInput() || inflater.needsDictionary())) {
				throw new DataFormatException("truncated histogram");
			}
			length += inflated;
		}
		ByteBuffer plain = ByteBuffer.wrap(buffer, 0, length);
		if ((plain.getInt() & ~0xf0) != V2_COOKIE) {
			throw new IllegalArgumentException("not a V2 histogram");
		}
		int payloadLength = plain.getInt();
		int normalizingIndexOffset = plain.getInt();
		int significantDigits = plain.getInt();
		long lowestDiscernibleValue = plain.getLong();
		if (normalizingIndexOffset != 0 || significantDigits < 0 || significantDigits > 5 || lowestDiscernibleValue < 1
				|| HEADER_BYTES + payloadLength > length) {
			throw new IllegalArgumentException("a histogram this decoder does not read");
		}
		plain.position(HEADER_BYTES);
		long largestWithSingleUnit = 2 * (long) Math.pow(10, significantDigits);
		int subBucketCountMagnitude = (int) Math.ceil(Math.log(largestWithSingleUnit) / Math.log(2));
		int subBucketHalfCountMagnitude = Math.max(subBucketCountMagnitude, 1) - 1;
		int unitMagnitude = 63 - Long.numberOfLeadingZeros(lowestDiscernibleValue);
		int end = HEADER_BYTES + payloadLength;
		int[] indexes = new int[64];
		long[] counts = new long[64];
		int size = 0;
		int index = 0;
		while (plain.position() < end) {
			long count = zigZag(plain);
			if (count < 0) {
				index += (int) -count;
				continue;
			}
			if (count > 0) {
				if (size == indexes.length) {
					indexes = Arrays.copyOf(indexes, size * 2);
					counts = Arrays.copyOf(counts, size * 2);
				}
				indexes[size] = index;
				counts[size] = count;
				size++;
			}
			index++;
		}
		return new HistogramCounts(Arrays.copyOf(indexes, size), Arrays.copyOf(counts, size),
				subBucketHalfCountMagnitude, unitMagnitude);
	}

	/** HdrHistogram's ZigZag LEB128 word: 7 bits a byte, the ninth byte whole. */
	private static long zigZag(ByteBuffer buffer) {
		long value = 0;
		int shift = 0;
		while (true) {
			long b = buffer.get();
			if (shift == 56) {
				value |= (b & 0xff) << 56;
				break;
			}
			value |= (b & 0x7f) << shift;
			if ((b & 0x80) == 0) {
				break;
			}
			shift += 7;
		}
		return (value >>> 1) ^ -(value & 1);
	}

	/** Records these counts into {@code histogram}, bucket by bucket. */
	void recordInto(Histogram histogram) {
		for (int i = 0; i < this.indexes.length; i++) {
			histogram.recordValueWithCount(value(this.indexes[i]), this.counts[i]);
		}
	}

	/** The sum of all counts. */
	long totalCount() {
		long total = 0;
		for (long count : this.counts) {
			total += count;
		}
		return total;
	}

	/** Non-empty buckets held, for the weight of a cache entry. */
	int size() {
		return this.indexes.length;
	}

	/** The lowest value of the bucket at {@code index}, as HdrHistogram maps it. */
	private long value(int index) {
		int bucketIndex = (index >> this.subBucketHalfCountMagnitude) - 1;
		int subBucketHalfCount = 1 << this.subBucketHalfCountMagnitude;
		int subBucketIndex = (index & (subBucketHalfCount - 1)) + subBucketHalfCount;
		if (bucketIndex < 0) {
			subBucketIndex -= subBucketHalfCount;
			bucketIndex = 0;
		}
		return ((long) subBucketIndex) << (bucketIndex + this.unitMagnitude);
	}

}
