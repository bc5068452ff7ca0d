package io.pepper.receiver.recovery;

import io.micrometer.core.instrument.MeterRegistry;
import io.pepper.contracts.v1.ResultBatch;
import io.pepper.receiver.ReceiverProperties;
import io.pepper.receiver.forward.RedisForwardQueue;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.core.StringRedisTemplate;

/**
 * Forwarding successes to failure-service, observing every confirmed write; inert without
 * {@code pepper.receiver.failure-url}.
 */
@Configuration(proxyBeanMethods = false)
class RecoveryConfiguration {

	@Bean
	WatchedEndpoints watchedEndpoints(ReceiverProperties properties) {
		return new WatchedEndpoints(properties.failureUrl(), properties.failureToken(),
				properties.recovery().pollInterval());
	}

	@Bean
	RedisForwardQueue<ResultBatch> successOutbox(StringRedisTemplate redis, ReceiverProperties properties,
			MeterRegistry registry) {
		return SuccessForwarder.outbox(redis, properties, registry);
	}

	@Bean
	SuccessForwarder successForwarder(WatchedEndpoints watched, RedisForwardQueue<ResultBatch> successOutbox) {
		return new SuccessForwarder(watched, successOutbox);
	}

}
