package io.pepper.failure.incident;

import io.pepper.failure.FailureProperties;

import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;

/**
 * Looks for due reminders and settled flapping incidents every {@code sweep-interval}.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class IncidentSchedule implements SchedulingConfigurer {

	private final IncidentEngine engine;

	private final FailureProperties properties;

	IncidentSchedule(IncidentEngine engine, FailureProperties properties) {
		this.engine = engine;
		this.properties = properties;
	}

	@Override
	public void configureTasks(ScheduledTaskRegistrar registrar) {
		registrar.addFixedDelayTask(this.engine::sweep, this.properties.sweepInterval());
	}

}
