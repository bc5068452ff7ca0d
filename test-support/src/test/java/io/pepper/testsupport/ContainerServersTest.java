package io.pepper.testsupport;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.testcontainers.junit.jupiter.Testcontainers;

/**
 * The same contract against containers; skipped where Docker does not run,
 * {@link LocalServersTest} runs instead.
 */
@Testcontainers(disabledWithoutDocker = true)
class ContainerServersTest extends ServersContract {

	private static ContainerPostgres postgres;

	private static ContainerRedis redis;

	private static ContainerInflux influx;

	@BeforeAll
	static void start() {
		postgres = new ContainerPostgres();
		redis = new ContainerRedis();
		influx = new ContainerInflux();
	}

	@AfterAll
	static void stop() {
		postgres.close();
		redis.close();
		influx.close();
	}

	@Override
	PostgresServer postgres() {
		return postgres;
	}

	@Override
	RedisServer redis() {
		return redis;
	}

	@Override
	InfluxServer influx() {
		return influx;
	}

}
