package io.pepper.receiver.history;

import io.pepper.testsupport.LocalInflux;
import io.pepper.testsupport.TestInfluxDatabase;
import org.junit.jupiter.api.AfterAll;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The history API with the InfluxDB store, with no PostgreSQL configured at all. */
class InfluxHistoryApiTest extends HistoryApiContract {

	private static final TestInfluxDatabase DATABASE = LocalInflux.fromEnvironment().createDatabase("history_api");

	@DynamicPropertySource
	static void influx(DynamicPropertyRegistry registry) {
		registry.add("pepper.receiver.influx.url", () -> DATABASE.server().url());
		registry.add("pepper.receiver.influx.database", DATABASE::name);
		registry.add("pepper.receiver.influx.v1-compat", () -> "true");
	}

	@AfterAll
	void dropDatabase() {
		DATABASE.close();
	}

}
