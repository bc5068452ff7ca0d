package io.pepper.receiver.trend;

import java.time.Clock;

import io.pepper.receiver.ReceiverProperties;
import io.pepper.receiver.store.MetricQueries;
import io.pepper.receiver.store.MetricStore;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.data.redis.core.StringRedisTemplate;

/**
 * The trend detector, between the results worker and the metric store: the worker gets
 * the observing store (primary), history reads go to the adapter directly.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "pepper.receiver.trend.enabled", havingValue = "true", matchIfMissing = true)
class TrendConfiguration {

	@Bean
	TrendPolicies trendPolicies(ReceiverProperties properties) {
		return new TrendPolicies(properties.adminUrl(), properties.adminToken(), properties.trend().policyRefresh());
	}

	@Bean
	TrendOutbox trendOutbox(StringRedisTemplate redis, ReceiverProperties properties) {
		return new TrendOutbox(redis, properties.redisKeyPrefix(), properties.failureUrl(), properties.failureToken(),
				properties.trend().sendInterval());
	}

	@Bean
	TrendWatcher trendWatcher(StringRedisTemplate redis, TrendPolicies policies, TrendOutbox outbox,
			ReceiverProperties properties) {
		return new TrendWatcher(new TrendStates(redis, properties.redisKeyPrefix()), policies, outbox,
				Clock.systemUTC());
	}

	@Bean
	@Primary
	TrendObservingStore trendObservingStore(MetricQueries adapter, TrendWatcher watcher) {
		return new TrendObservingStore((MetricStore) adapter, watcher);
	}

}
