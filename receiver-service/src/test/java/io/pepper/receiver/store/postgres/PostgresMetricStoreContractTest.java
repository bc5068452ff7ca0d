package io.pepper.receiver.store.postgres;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.pepper.receiver.ReceiverProperties;
import io.pepper.receiver.store.MetricStoreContract;
import io.pepper.receiver.store.Resolution;
import io.pepper.receiver.store.RollupMetricStore;
import io.pepper.testsupport.LocalPostgres;
import io.pepper.testsupport.TestDatabase;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;

import static org.assertj.core.api.Assertions.assertThat;

/** The shared scenarios against a real PostgreSQL, plus its retention deletes. */
class PostgresMetricStoreContractTest extends MetricStoreContract {

	private final LocalPostgres postgres = LocalPostgres.fromEnvironment();

	private TestDatabase database;

	private PostgresMetricStore store;

	private JdbcTemplate jdbc;

	@BeforeEach
	void createStore() {
		this.database = this.postgres.createDatabase("contract");
		SimpleDriverDataSource dataSource = new SimpleDriverDataSource(new org.postgresql.Driver(),
				this.database.jdbcUrl(), this.database.username(), this.database.password());
		// As application.yml configures the store's pool.
		java.util.Properties connection = new java.util.Properties();
		connection.setProperty("reWriteBatchedInserts", "true");
		dataSource.setConnectionProperties(connection);
		Flyway.configure()
			.dataSource(dataSource)
			.schemas(PostgresMetricStore.SCHEMA)
			.defaultSchema(PostgresMetricStore.SCHEMA)
			.createSchemas(true)
			.load()
			.migrate();
		this.jdbc = new JdbcTemplate(dataSource);
		this.store = new PostgresMetricStore(this.jdbc, ReceiverProperties.Retention.defaults(), Clock.systemUTC());
		this.store.rollupGrace(OPEN_FOR);
		this.store.rollupCache(rollupCacheBuckets());
	}

	@AfterEach
	void dropDatabase() {
		this.database.close();
	}

	@Override
	protected RollupMetricStore store() {
		return this.store;
	}

	@Test
	void deletesEachResolutionPastItsOwnRetention() {
		UUID endpoint = UUID.randomUUID();
		this.store.write(List.of(up(endpoint, "eu-west", DAY.plusSeconds(60), 100, 500)));
		Instant range = DAY.plus(Duration.ofDays(1));

		this.store.enforceRetention(DAY.plus(Duration.ofDays(31)));

		assertThat(this.store.read(Resolution.RAW, List.of(endpoint), null, DAY, range)).isEmpty();
		assertThat(this.store.read(Resolution.HOURLY, List.of(endpoint), null, DAY, range)).hasSize(1);
		assertThat(this.store.read(Resolution.DAILY, List.of(endpoint), null, DAY, range)).hasSize(1);

		this.store.enforceRetention(DAY.plus(Duration.ofDays(401)));

		assertThat(this.store.read(Resolution.HOURLY, List.of(endpoint), null, DAY, range)).isEmpty();
		assertThat(this.store.read(Resolution.DAILY, List.of(endpoint), null, DAY, range)).hasSize(1);

		this.store.enforceRetention(DAY.plus(Duration.ofDays(1826)));

		assertThat(this.store.read(Resolution.DAILY, List.of(endpoint), null, DAY, range)).isEmpty();
	}

	@Test
	void keepsItsTablesInItsOwnSchema() {
		assertThat(this.jdbc.queryForList(
				"SELECT table_name FROM information_schema.tables WHERE table_schema = 'receiver' ORDER BY 1",
				String.class))
			.contains("checks", "rollups_hourly", "rollups_daily", "flyway_schema_history");
	}

}
