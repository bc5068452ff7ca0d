package io.pepper.receiver.store.postgres;

import java.time.Clock;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import io.pepper.receiver.ReceiverProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import org.flywaydb.core.Flyway;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.jdbc.autoconfigure.DataSourceProperties;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Makes PostgreSQL the metric store when {@code pepper.receiver.store=postgres}. Only
 * then is a DataSource made from {@code spring.datasource.*} and migrated by Flyway into
 * schema {@value PostgresMetricStore#SCHEMA} (application.yml excludes the DataSource
 * auto-configuration), so an InfluxDB deployment needs no PostgreSQL.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "pepper.receiver.store", havingValue = "postgres")
class PostgresStoreConfiguration {

	@Bean
	@ConfigurationProperties("spring.datasource")
	DataSourceProperties receiverDataSourceProperties() {
		return new DataSourceProperties();
	}

	@Bean
	@ConfigurationProperties("spring.datasource.hikari")
	HikariDataSource receiverDataSource(DataSourceProperties receiverDataSourceProperties) {
		if (receiverDataSourceProperties.getUrl() == null || receiverDataSourceProperties.getUrl().isBlank()) {
			throw new IllegalStateException(
					"pepper.receiver.store=postgres needs spring.datasource.url (and username, password)");
		}
		return receiverDataSourceProperties.initializeDataSourceBuilder().type(HikariDataSource.class).build();
	}

	/** Migrates the schema before the store is used; never touches other schemas. */
	@Bean
	Flyway receiverFlyway(DataSource receiverDataSource) {
		Flyway flyway = Flyway.configure()
			.dataSource(receiverDataSource)
			.schemas(PostgresMetricStore.SCHEMA)
			.defaultSchema(PostgresMetricStore.SCHEMA)
			.createSchemas(true)
			.locations("classpath:db/migration")
			.load();
		flyway.migrate();
		return flyway;
	}

	@Bean
	PostgresMetricStore postgresMetricStore(DataSource receiverDataSource, Flyway receiverFlyway,
			ReceiverProperties properties) {
		PostgresMetricStore store = new PostgresMetricStore(new JdbcTemplate(receiverDataSource),
				properties.retention(), Clock.systemUTC());
		store.rollupGrace(properties.rollups().grace());
		store.rollupCache(properties.rollups().cacheBuckets());
		return store;
	}

	@Bean
	RetentionJob postgresRetentionJob(PostgresMetricStore store, ReceiverProperties properties) {
		return new RetentionJob(store, properties.retention());
	}

	/** Deletes expired rows now and then; PostgreSQL does not expire them itself. */
	static final class RetentionJob implements SmartLifecycle {

		private static final Logger log = LoggerFactory.getLogger(RetentionJob.class);

		private final PostgresMetricStore store;

		private final ReceiverProperties.Retention retention;

		private volatile @org.jspecify.annotations.Nullable ScheduledExecutorService executor;

		RetentionJob(PostgresMetricStore store, ReceiverProperties.Retention retention) {
			this.store = store;
			this.retention = retention;
		}

		@Override
		public void start() {
			this.executor = Executors.newSingleThreadScheduledExecutor(Thread.ofVirtual().name("retention").factory());
			long every = this.retention.interval().toMillis();
			this.executor.scheduleWithFixedDelay(this::run, every, every, TimeUnit.MILLISECONDS);
		}

		private void run() {
			try {
				this.store.enforceRetention(Clock.systemUTC().instant());
			}
			catch (RuntimeException ex) {
				log.warn("Retention run failed; trying again later: {}", ex.getMessage());
			}
		}

		@Override
		public void stop() {
			ScheduledExecutorService running = this.executor;
			if (running != null) {
				running.shutdownNow();
				this.executor = null;
			}
		}

		@Override
		public boolean isRunning() {
			return this.executor != null;
		}

	}

}
