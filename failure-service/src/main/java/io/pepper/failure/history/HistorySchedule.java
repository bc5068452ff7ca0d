package io.pepper.failure.history;

import io.pepper.failure.FailureProperties;

import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;

/**
 * Retries forwarding to history every {@code dispatch-interval} when {@code receiver-url}
 * is set.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class HistorySchedule implements SchedulingConfigurer {

	private final HistoryForwarder forwarder;

	private final FailureProperties properties;

	HistorySchedule(HistoryForwarder forwarder, FailureProperties properties) {
		this.forwarder = forwarder;
		this.properties = properties;
	}

	@Override
	public void configureTasks(ScheduledTaskRegistrar registrar) {
		if (this.forwarder.enabled()) {
			registrar.addFixedDelayTask(this.forwarder::forwardDue, this.properties.dispatchInterval());
		}
	}

}
