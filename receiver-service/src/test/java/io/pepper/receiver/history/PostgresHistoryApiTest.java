package io.pepper.receiver.history;

import io.pepper.testsupport.LocalPostgres;
import io.pepper.testsupport.TestDatabase;
import org.junit.jupiter.api.AfterAll;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The history API with the PostgreSQL store. */
class PostgresHistoryApiTest extends HistoryApiContract {

	private static final TestDatabase DATABASE = LocalPostgres.fromEnvironment().createDatabase("history_api");

	@DynamicPropertySource
	static void postgres(DynamicPropertyRegistry registry) {
		registry.add("pepper.receiver.store", () -> "postgres");
		registry.add("spring.datasource.url", DATABASE::jdbcUrl);
		registry.add("spring.datasource.username", DATABASE::username);
		registry.add("spring.datasource.password", DATABASE::password);
	}

	@AfterAll
	void dropDatabase() {
		DATABASE.close();
	}

}
