package io.pepper.http;

import java.time.Duration;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Counts and logs what one delivery mechanism does with its items, under one set of
 * Micrometer meters for all of them: {@code pepper.delivery.delivered},
 * {@code pepper.delivery.retries} and {@code pepper.delivery.set.aside} (by status), each
 * tagged with the {@code queue}. Nothing is set aside without an error line that gives
 * the reason.
 */
public final class DeliveryMeter {

	private static final Logger log = LoggerFactory.getLogger(DeliveryMeter.class);

	private final MeterRegistry registry;

	private final String queue;

	private final Counter delivered;

	private final Counter retries;

	/**
	 * @param queue the mechanism, as the {@code queue} tag and in logs
	 * ("receiver-successes")
	 */
	public DeliveryMeter(MeterRegistry registry, String queue) {
		this.registry = registry;
		this.queue = queue;
		this.delivered = Counter.builder("pepper.delivery.delivered")
			.description("Items a service accepted")
			.tag("queue", queue)
			.register(registry);
		this.retries = Counter.builder("pepper.delivery.retries")
			.description("Attempts that will be made again: no answer, 408, 429 or 5xx")
			.tag("queue", queue)
			.register(registry);
	}

	public String queue() {
		return this.queue;
	}

	/** {@code items} were accepted. */
	public void delivered(int items) {
		this.delivered.increment(items);
	}

	/** An attempt failed and will be made again after {@code wait}. */
	public void retrying(String what, Answer answer, Duration wait) {
		this.retries.increment();
		log.info("{}: {} not delivered ({}); retrying in {} ms", this.queue, what, answer.reason(), wait.toMillis());
	}

	/** An attempt failed and will be made again later. */
	public void retrying(String what, Answer answer) {
		this.retries.increment();
		log.info("{}: {} not delivered ({}); will retry", this.queue, what, answer.reason());
	}

	/** {@code items} were refused and set aside, {@code where}. */
	public void setAside(int items, String what, Answer answer, String where) {
		Counter.builder("pepper.delivery.set.aside")
			.description("Items a service refused, set aside with the reason instead of being sent again")
			.tag("queue", this.queue)
			.tag("status", Integer.toString(answer.status()))
			.register(this.registry)
			.increment(items);
		log.error("{}: {} refused, set aside {}: {}", this.queue, what, where, answer.reason());
	}

	/** How many items were set aside so far, whatever the status. */
	public double setAsideCount() {
		return this.registry.find("pepper.delivery.set.aside")
			.tag("queue", this.queue)
			.counters()
			.stream()
			.mapToDouble(Counter::count)
			.sum();
	}

	/** How many attempts will be made again so far. */
	public double retryCount() {
		return this.retries.count();
	}

	/** How many items were delivered so far. */
	public double deliveredCount() {
		return this.delivered.count();
	}

}
