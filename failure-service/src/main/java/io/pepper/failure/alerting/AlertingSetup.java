package io.pepper.failure.alerting;

import java.util.Objects;

import io.pepper.failure.FailureProperties;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;

/**
 * admin-app's alerting configuration when {@code pepper.failure.admin-url} is set, polled
 * every {@code admin-poll-interval}; the stand-alone defaults otherwise.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class AlertingSetup implements SchedulingConfigurer {

	private final FailureProperties properties;

	private final AlertingConfiguration configuration;

	AlertingSetup(FailureProperties properties) {
		this.properties = properties;
		this.configuration = (properties.adminUrl() != null) ? new AdminAlertingClient(properties.adminUrl(),
				Objects.requireNonNull(properties.adminToken()), properties.httpTimeout())
				: SnapshotAlerting.standalone(properties.mail().standaloneTo());
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
