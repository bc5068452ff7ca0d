package io.pepper.receiver.trend;

import java.time.Clock;

import io.micrometer.core.instrument.MeterRegistry;
import io.pepper.contracts.v1.TrendEvent;
import io.pepper.receiver.ReceiverProperties;
import io.pepper.receiver.forward.RedisForwardQueue;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.core.StringRedisTemplate;

/** The trend detector, observing every confirmed write, and its outbox. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "pepper.receiver.trend.enabled", havingValue = "true", matchIfMissing = true)
class TrendConfiguration {

	@Bean
	TrendPolicies trendPolicies(ReceiverProperties properties) {
		return new TrendPolicies(properties.adminUrl(), properties.adminToken(), properties.trend().policyRefresh(),
				properties.trend().minimumDuration());
	}

	@Bean
	RedisForwardQueue<TrendEvent> trendOutbox(StringRedisTemplate redis, ReceiverProperties properties,
			MeterRegistry registry) {
		return TrendWatcher.outbox(redis, properties, registry);
	}

	@Bean
	TrendWatcher trendWatcher(StringRedisTemplate redis, TrendPolicies policies, RedisForwardQueue<TrendEvent> outbox,
			ReceiverProperties properties) {
		return new TrendWatcher(new TrendStates(redis, properties.redisKeyPrefix()), policies, outbox,
				Clock.systemUTC());
	}

}
