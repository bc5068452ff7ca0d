package io.pepper.failure.notify;

import io.pepper.failure.FailureProperties;

import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;

/**
 * Runs the dispatcher every {@code pepper.failure.dispatch-interval}, unless
 * {@code dispatch-enabled} is off.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class DispatchSchedule implements SchedulingConfigurer {

	private final NotificationDispatcher dispatcher;

	private final FailureProperties properties;

	DispatchSchedule(NotificationDispatcher dispatcher, FailureProperties properties) {
		this.dispatcher = dispatcher;
		this.properties = properties;
	}

	@Override
	public void configureTasks(ScheduledTaskRegistrar registrar) {
		if (this.properties.dispatchEnabled()) {
			registrar.addFixedDelayTask(this.dispatcher::dispatchDue, this.properties.dispatchInterval());
		}
	}

}
