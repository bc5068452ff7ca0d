package io.pepper.receiver.store.postgres;

import java.time.Clock;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import io.pepper.receiver.ReceiverProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.flyway.autoconfigure.FlywayAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.JdbcClientAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.JdbcTemplateAutoConfiguration;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Makes PostgreSQL the metric store when {@code pepper.receiver.store=postgres}. Only
 * then are a DataSource and Flyway configured (application.yml excludes their
 * auto-configuration), so an InfluxDB deployment needs no PostgreSQL.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "pepper.receiver.store", havingValue = "postgres")
@ImportAutoConfiguration({ DataSourceAutoConfiguration.class, DataSourceTransactionManagerAutoConfiguration.class,
		JdbcTemplateAutoConfiguration.class, JdbcClientAutoConfiguration.class, FlywayAutoConfiguration.class })
class PostgresStoreConfiguration {

	@Bean
	PostgresMetricStore postgresMetricStore(JdbcTemplate jdbcTemplate, ReceiverProperties properties) {
		return new PostgresMetricStore(jdbcTemplate, properties.retention(), Clock.systemUTC());
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
