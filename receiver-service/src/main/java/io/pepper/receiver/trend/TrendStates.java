package io.pepper.receiver.trend;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import io.pepper.contracts.v1.WireJson;
import org.jspecify.annotations.Nullable;

import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;

/**
 * The detector's state per endpoint in Redis, shared by every receiver instance. Writes
 * are compare-and-set on a version (one Lua script), so two instances observing checks of
 * the same endpoint at once never lose each other's update: the loser reads again and
 * reapplies its checks. The detector itself stays plain Java.
 */
public final class TrendStates {

	/** A state untouched this long belongs to an endpoint that is no longer checked. */
	static final Duration IDLE_EXPIRY = Duration.ofDays(30);

	private static final RedisScript<Long> COMPARE_AND_SET = RedisScript.of("""
			local current = redis.call('HGET', KEYS[1], 'version') or '0'
			if current ~= ARGV[1] then
			  return 0
			end
			redis.call('HSET', KEYS[1], 'version', ARGV[2], 'state', ARGV[3])
			redis.call('PEXPIRE', KEYS[1], ARGV[4])
			return 1
			""", Long.class);

	private final StringRedisTemplate redis;

	private final String prefix;

	public TrendStates(StringRedisTemplate redis, String keyPrefix) {
		this.redis = redis;
		this.prefix = keyPrefix + "trend:";
	}

	String key(UUID endpoint) {
		return this.prefix + endpoint;
	}

	/** The stored state of an endpoint and its version; version 0 when there is none. */
	Versioned read(UUID endpoint) {
		List<Object> values = this.redis.opsForHash().multiGet(key(endpoint), List.of("version", "state"));
		Object version = values.get(0);
		Object state = values.get(1);
		if (version == null || state == null) {
			return new Versioned(0, null);
		}
		return new Versioned(Long.parseLong(version.toString()),
				WireJson.mapper().readValue(state.toString(), TrendState.class));
	}

	/** Stores {@code next} if the state is still at {@code read}'s version. */
	boolean compareAndSet(UUID endpoint, Versioned read, TrendState next) {
		Long set = this.redis.execute(COMPARE_AND_SET, new ArrayList<>(List.of(key(endpoint))),
				Long.toString(read.version()), Long.toString(read.version() + 1),
				WireJson.mapper().writeValueAsString(next), Long.toString(IDLE_EXPIRY.toMillis()));
		return set != null && set == 1L;
	}

	/**
	 * A state as read, with the version a write must still find.
	 *
	 * @param version 0 when nothing is stored
	 * @param state the state, or null when nothing is stored
	 */
	record Versioned(long version, @Nullable TrendState state) {

	}

}
