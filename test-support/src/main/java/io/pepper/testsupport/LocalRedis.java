package io.pepper.testsupport;

/**
 * The Redis server the machine runs: {@code PEPPER_TEST_REDIS_HOST} (127.0.0.1),
 * {@code PEPPER_TEST_REDIS_PORT} (6379).
 */
public record LocalRedis(String host, int port) implements RedisServer {

	public static LocalRedis fromEnvironment() {
		return new LocalRedis(Names.env("PEPPER_TEST_REDIS_HOST", "127.0.0.1"),
				Integer.parseInt(Names.env("PEPPER_TEST_REDIS_PORT", "6379")));
	}

}
