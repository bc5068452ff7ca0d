package io.pepper.receiver.queue;

import io.pepper.receiver.ReceiverProperties;
import io.pepper.receiver.store.MetricStore;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.core.StringRedisTemplate;

/** The results stream and the worker that drains it. */
@Configuration(proxyBeanMethods = false)
class QueueConfiguration {

	@Bean
	ResultQueue resultQueue(StringRedisTemplate redis, ReceiverProperties properties) {
		return new ResultQueue(redis, properties.resultsStream(), properties.queue().group());
	}

	@Bean
	ResultWorker resultWorker(ResultQueue queue, MetricStore store, ReceiverProperties properties) {
		return new ResultWorker(queue, store, ResultWorker.consumerName(properties.queue().consumerName()),
				properties.queue());
	}

}
