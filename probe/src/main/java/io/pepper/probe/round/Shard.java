package io.pepper.probe.round;

import java.util.UUID;

/**
 * This probe's share of its location's endpoints when several probes split one list:
 * shard {@code index} of {@code count} owns the endpoints whose stable hash modulo
 * {@code count} is {@code index}. The shards of one count partition every list exactly.
 *
 * @param index this probe's shard, from 0
 * @param count how many probes share the list
 */
public record Shard(int index, int count) {

	/** The whole list. */
	public static final Shard ALL = new Shard(0, 1);

	private static final long SHARD_SALT = 0x5045505053484152L;

	public Shard {
		if (count < 1) {
			throw new IllegalArgumentException("shard count must be at least 1 but was " + count);
		}
		if (index < 0 || index >= count) {
			throw new IllegalArgumentException(
					"shard index must be between 0 and " + (count - 1) + " for " + count + " shards but was " + index);
		}
	}

	/** Parses {@code i/n}, e.g. {@code 0/4}; also how Spring binds the setting. */
	public static Shard valueOf(String text) {
		String trimmed = text.trim();
		int slash = trimmed.indexOf('/');
		if (slash < 0 || !trimmed.matches("\\d{1,6}/\\d{1,6}")) {
			throw new IllegalArgumentException("shard must be i/n, e.g. 0/4, but was '" + text + "'");
		}
		return new Shard(Integer.parseInt(trimmed.substring(0, slash)), Integer.parseInt(trimmed.substring(slash + 1)));
	}

	/** Whether this probe checks the endpoint. */
	public boolean owns(UUID endpoint) {
		return this.count == 1 || StableHash.reduce(StableHash.of(endpoint, SHARD_SALT), this.count) == this.index;
	}

	@Override
	public String toString() {
		return this.index + "/" + this.count;
	}

}
