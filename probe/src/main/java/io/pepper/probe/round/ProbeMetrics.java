package io.pepper.probe.round;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.ToDoubleFunction;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.composite.CompositeMeterRegistry;
import io.pepper.contracts.v1.CheckResult;
import io.pepper.contracts.v1.OutcomeKind;
import io.pepper.contracts.v1.PhaseTimings;
import org.jspecify.annotations.Nullable;

/**
 * The probe's Micrometer meters ({@code pepper.probe.*}): checks by outcome, phase
 * durations, round durations, checks in flight, and per service what is buffered,
 * delivered, dropped and how often sending failed. Meters are made once, up front, so a
 * check costs a few counter increments.
 */
public final class ProbeMetrics {

	private final MeterRegistry registry;

	private final Map<OutcomeKind, Counter> checks = new EnumMap<>(OutcomeKind.class);

	private final Timer dns;

	private final Timer connect;

	private final Timer tls;

	private final Timer firstByte;

	private final Timer total;

	private final Timer rounds;

	private final Timer startDelay;

	private final Counter late;

	public ProbeMetrics(MeterRegistry registry) {
		this.registry = registry;
		for (OutcomeKind kind : OutcomeKind.values()) {
			this.checks.put(kind,
					Counter.builder("pepper.probe.checks")
						.description("Checks run, by outcome")
						.tag("outcome", kind.name().toLowerCase(Locale.ROOT))
						.register(registry));
		}
		this.dns = phase("dns");
		this.connect = phase("connect");
		this.tls = phase("tls");
		this.firstByte = phase("first_byte");
		this.total = phase("total");
		this.rounds = Timer.builder("pepper.probe.round.duration")
			.description("From fetching the endpoint list to the round's last check")
			.publishPercentileHistogram()
			.minimumExpectedValue(Duration.ofMillis(10))
			.maximumExpectedValue(Duration.ofHours(1))
			.register(registry);
		this.startDelay = Timer.builder("pepper.probe.check.start.delay")
			.description("From a check's planned start to its start, waiting for a free check slot included")
			.publishPercentileHistogram()
			.minimumExpectedValue(Duration.ofMillis(1))
			.maximumExpectedValue(Duration.ofHours(1))
			.register(registry);
		this.late = Counter.builder("pepper.probe.checks.late")
			.description("Checks that started more than their interval after their planned start:"
					+ " the probe does not keep up with its endpoints")
			.register(registry);
	}

	/** Meters that go nowhere, for code that does not care. */
	public static ProbeMetrics none() {
		return new ProbeMetrics(new CompositeMeterRegistry());
	}

	void checked(CheckResult result) {
		// Every kind has its counter from the start.
		Objects.requireNonNull(this.checks.get(result.outcome().kind())).increment();
		PhaseTimings timings = result.timings();
		record(this.dns, timings.dnsMs());
		record(this.connect, timings.connectMs());
		record(this.tls, timings.tlsMs());
		record(this.firstByte, timings.firstByteMs());
		record(this.total, timings.totalMs());
	}

	/**
	 * A check started {@code delay} after its planned start; late beyond its interval.
	 */
	void started(Duration delay, Duration interval) {
		this.startDelay.record(delay.isNegative() ? Duration.ZERO : delay);
		if (delay.compareTo(interval) > 0) {
			this.late.increment();
		}
	}

	void roundTook(long millis) {
		this.rounds.record(millis, TimeUnit.MILLISECONDS);
	}

	void watchConcurrency(Semaphore permits, int max) {
		Gauge.builder("pepper.probe.checks.in.flight", permits, (semaphore) -> max - semaphore.availablePermits())
			.description("Checks running now")
			.register(this.registry);
	}

	/** Binds the delivery meters of both services. */
	public void watch(Delivery delivery) {
		watch(delivery.results());
		watch(delivery.failures());
	}

	private void watch(BoundedSender<?> outbox) {
		String service = outbox.service();
		Gauge.builder("pepper.probe.delivery.buffered", outbox, BoundedSender::buffered)
			.description("Items waiting for or being sent to a service")
			.tag("service", service)
			.register(this.registry);
		counter("pepper.probe.delivery.delivered", "Items a service accepted", service, null, outbox,
				BoundedSender::delivered);
		counter("pepper.probe.delivery.errors", "Failed attempts to send a batch", service, null, outbox,
				BoundedSender::errors);
		counter("pepper.probe.delivery.dropped", "Items lost: buffer full, refused by the service, or given up on",
				service, "buffer_full", outbox, BoundedSender::droppedBecauseFull);
		counter("pepper.probe.delivery.dropped", null, service, "refused", outbox, BoundedSender::rejected);
		counter("pepper.probe.delivery.dropped", null, service, "gave_up", outbox, BoundedSender::givenUp);
	}

	private <T> void counter(String name, @Nullable String description, String service, @Nullable String reason,
			T source, ToDoubleFunction<T> count) {
		FunctionCounter.Builder<T> builder = FunctionCounter.builder(name, source, count).tag("service", service);
		if (description != null) {
			builder.description(description);
		}
		if (reason != null) {
			builder.tag("reason", reason);
		}
		builder.register(this.registry);
	}

	private Timer phase(String phase) {
		return Timer.builder("pepper.probe.check.duration")
			.description("Time a check spent in a phase")
			.tag("phase", phase)
			.publishPercentileHistogram()
			.minimumExpectedValue(Duration.ofMillis(1))
			.maximumExpectedValue(Duration.ofMinutes(2))
			.register(this.registry);
	}

	private static void record(Timer timer, @Nullable Double millis) {
		if (millis != null) {
			timer.record(Math.round(millis * 1_000_000), TimeUnit.NANOSECONDS);
		}
	}

}
