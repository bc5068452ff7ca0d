package io.pepper.failure.alerting;

import java.util.Objects;

import io.pepper.failure.FailureProperties;

import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;

/**
 * admin-app's alerting configuration when {@code pepper.failure.admin-url} is set, polled
 * every {@code admin-poll-interval} and restored at start from the last one kept; the
 * stand-alone defaults otherwise.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class AlertingSetup implements SchedulingConfigurer, SmartInitializingSingleton {

	private final FailureProperties properties;

	private final AlertingConfiguration configuration;

	AlertingSetup(FailureProperties properties, JdbcClient jdbc) {
		this.properties = properties;
		this.configuration = (properties.adminUrl() != null)
				? new AdminAlertingClient(properties.adminUrl(), Objects.requireNonNull(properties.adminToken()),
						properties.httpTimeout(), new PersistedSnapshot(jdbc))
				: SnapshotAlerting.standalone(properties.mail().standaloneTo(), properties.standaloneLocations());
	}

	/** Before the web server takes requests and before the first poll. */
	@Override
	public void afterSingletonsInstantiated() {
		if (this.configuration instanceof AdminAlertingClient client) {
			client.restore();
		}
	}

	@Bean
	AlertingConfiguration alertingConfiguration() {
		return this.configuration;
	}

	@Override
	public void configureTasks(ScheduledTaskRegistrar registrar) {
		if (this.configuration instanceof AdminAlertingClient client) {
			registrar.addFixedDelayTask(client::refresh, this.properties.adminPollInterval());
		}
	}

}
