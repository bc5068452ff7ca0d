package io.pepper.receiver.queue;

import io.lettuce.core.ClientOptions;
import io.pepper.receiver.ReceiverProperties;
import io.pepper.receiver.store.MetricStore;

import org.springframework.boot.data.redis.autoconfigure.LettuceClientOptionsBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.core.StringRedisTemplate;

/** The results stream and the worker that drains it. */
@Configuration(proxyBeanMethods = false)
class QueueConfiguration {

	@Bean
	ResultQueue resultQueue(StringRedisTemplate redis, ReceiverProperties properties) {
		return new ResultQueue(redis, properties.resultsStream(), properties.deadLetterStream(),
				properties.queue().group());
	}

	@Bean
	ResultWorker resultWorker(ResultQueue queue, MetricStore store, ReceiverProperties properties) {
		return new ResultWorker(queue, store, ResultWorker.consumerName(properties.queue().consumerName()),
				properties.queue());
	}

	/**
	 * While Redis is unreachable a batch is refused at once (503) rather than held in the
	 * client until a timeout: the probe keeps it and retries.
	 */
	@Bean
	LettuceClientOptionsBuilderCustomizer rejectCommandsWhileDisconnected() {
		return (options) -> options.disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS);
	}

}
