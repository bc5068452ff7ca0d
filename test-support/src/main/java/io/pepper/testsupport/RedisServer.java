package io.pepper.testsupport;

import java.util.List;

import io.lettuce.core.KeyScanCursor;
import io.lettuce.core.RedisClient;
import io.lettuce.core.ScanArgs;
import io.lettuce.core.ScanCursor;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;

/** A Redis server on which tests work under key prefixes of their own. */
public interface RedisServer {

	String host();

	int port();

	default String url() {
		return "redis://" + host() + ":" + port();
	}

	/** A fresh key prefix; closing it deletes every key under it. */
	default TestRedisNamespace createNamespace(String purpose) {
		return new TestRedisNamespace(this, Names.unique(purpose) + ":");
	}

	/** Deletes the keys starting with {@code prefix}, returning how many there were. */
	default long deleteKeys(String prefix) {
		RedisClient client = RedisClient.create(url());
		try (StatefulRedisConnection<String, String> connection = client.connect()) {
			RedisCommands<String, String> redis = connection.sync();
			long deleted = 0;
			ScanCursor cursor = ScanCursor.INITIAL;
			do {
				KeyScanCursor<String> page = redis.scan(cursor, ScanArgs.Builder.matches(prefix + "*").limit(1000));
				List<String> keys = page.getKeys();
				if (!keys.isEmpty()) {
					deleted += redis.del(keys.toArray(String[]::new));
				}
				cursor = page;
			}
			while (!cursor.isFinished());
			return deleted;
		}
		catch (RuntimeException ex) {
			throw new IllegalStateException("Cannot reach Redis at " + url()
					+ " (set PEPPER_TEST_REDIS_HOST/PORT, or run ./scripts/test which starts it): " + ex.getMessage(),
					ex);
		}
		finally {
			client.shutdown();
		}
	}

}
