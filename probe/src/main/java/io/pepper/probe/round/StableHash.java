package io.pepper.probe.round;

import java.util.UUID;

/**
 * A 64-bit hash of an endpoint id that is the same in every process, JVM and release
 * ({@link UUID#hashCode()} is only 32 bits and not promised to stay), so spreading and
 * sharding place an endpoint identically on every probe and after every restart.
 */
public final class StableHash {

	private StableHash() {
	}

	/**
	 * The hash of {@code id} under {@code salt}; different salts give independent hashes.
	 */
	public static long of(UUID id, long salt) {
		return mix(mix(id.getMostSignificantBits() ^ salt) ^ id.getLeastSignificantBits());
	}

	/** {@code hash} reduced to {@code [0, modulus)}, reading the hash as unsigned. */
	public static long reduce(long hash, long modulus) {
		return Long.remainderUnsigned(hash, modulus);
	}

	// MurmurHash3's 64-bit finalizer: every input bit affects every output bit.
	private static long mix(long value) {
		long z = value;
		z ^= z >>> 33;
		z *= 0xff51afd7ed558ccdL;
		z ^= z >>> 33;
		z *= 0xc4ceb9fe1a85ec53L;
		z ^= z >>> 33;
		return z;
	}

}
