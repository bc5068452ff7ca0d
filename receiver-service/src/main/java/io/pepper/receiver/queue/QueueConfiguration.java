package io.pepper.receiver.queue;

import java.util.ArrayList;
import java.util.List;

import io.lettuce.core.ClientOptions;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.pepper.receiver.ReceiverProperties;
import io.pepper.receiver.store.MetricStore;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.data.redis.autoconfigure.LettuceClientOptionsBuilderCustomizer;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.core.StringRedisTemplate;

/**
 * The results stream and the workers that drain it:
 * {@code pepper.receiver.worker.workers} consumers of the group per instance, the first
 * one the {@link ResultWorker} bean. The instance's drain shows as counter
 * {@value #DRAINED} (results stored; its rate is the drain rate) and its lag as gauges
 * {@value #BACKLOG} (entries not stored yet, delivered or not) and {@value #PENDING}
 * (delivered, not acknowledged).
 */
@Configuration(proxyBeanMethods = false)
class QueueConfiguration {

	static final String DRAINED = "pepper.receiver.drain.results";

	static final String BACKLOG = "pepper.receiver.queue.backlog";

	static final String PENDING = "pepper.receiver.queue.pending";

	@Bean
	ResultQueue resultQueue(StringRedisTemplate redis, ReceiverProperties properties,
			ObjectProvider<MeterRegistry> registry) {
		ResultQueue queue = new ResultQueue(redis, properties.resultsStream(), properties.deadLetterStream(),
				properties.queue().group());
		registry.ifAvailable((meters) -> {
			Gauge.builder(BACKLOG, queue, (q) -> orNaN(q::backlog))
				.description("Entries of the results stream not stored yet, delivered or not")
				.baseUnit("entries")
				.register(meters);
			Gauge.builder(PENDING, queue, (q) -> orNaN(q::pending))
				.description("Entries delivered to a worker and not acknowledged yet")
				.baseUnit("entries")
				.register(meters);
		});
		return queue;
	}

	private static double orNaN(java.util.function.Supplier<? extends Number> figure) {
		try {
			Number value = figure.get();
			return (value != null) ? value.doubleValue() : Double.NaN;
		}
		catch (RuntimeException ex) {
			return Double.NaN;
		}
	}

	@Bean
	ResultWorker resultWorker(ResultQueue queue, MetricStore store, ReceiverProperties properties,
			ObjectProvider<MeterRegistry> registry) {
		return new ResultWorker(queue, store, ResultWorker.consumerName(properties.queue().consumerName()),
				properties.queue(), properties.worker(), drained(registry));
	}

	/** The workers beyond the first, named after it with {@code -2}, {@code -3}... */
	@Bean
	AdditionalWorkers additionalResultWorkers(ResultWorker resultWorker, ResultQueue queue, MetricStore store,
			ReceiverProperties properties, ObjectProvider<MeterRegistry> registry) {
		List<ResultWorker> workers = new ArrayList<>();
		for (int i = 2; i <= properties.worker().workers(); i++) {
			workers.add(new ResultWorker(queue, store, resultWorker.consumer() + "-" + i, properties.queue(),
					properties.worker(), drained(registry)));
		}
		return new AdditionalWorkers(workers);
	}

	private static java.util.function.IntConsumer drained(ObjectProvider<MeterRegistry> registry) {
		MeterRegistry meters = registry.getIfAvailable();
		if (meters == null) {
			return (results) -> {
			};
		}
		Counter counter = Counter.builder(DRAINED)
			.description("Results the workers of this instance stored")
			.baseUnit("results")
			.register(meters);
		return counter::increment;
	}

	/**
	 * While Redis is unreachable a batch is refused at once (503) rather than held in the
	 * client until a timeout: the probe keeps it and retries.
	 */
	@Bean
	LettuceClientOptionsBuilderCustomizer rejectCommandsWhileDisconnected() {
		return (options) -> options.disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS);
	}

	/** Starts and stops the workers beyond the first with it. */
	static final class AdditionalWorkers implements SmartLifecycle {

		private final List<ResultWorker> workers;

		AdditionalWorkers(List<ResultWorker> workers) {
			this.workers = workers;
		}

		List<ResultWorker> workers() {
			return this.workers;
		}

		@Override
		public void start() {
			this.workers.forEach(ResultWorker::start);
		}

		@Override
		public void stop() {
			this.workers.parallelStream().forEach(ResultWorker::stop);
		}

		@Override
		public boolean isRunning() {
			return this.workers.stream().anyMatch(ResultWorker::isRunning);
		}

		@Override
		public int getPhase() {
			return ResultWorker.PHASE;
		}

	}

}
