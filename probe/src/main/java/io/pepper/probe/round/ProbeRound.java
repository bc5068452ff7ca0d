package io.pepper.probe.round;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.pepper.contracts.v1.CheckResult;
import io.pepper.contracts.v1.EndpointSpec;
import io.pepper.contracts.v1.FailureReport;
import io.pepper.contracts.v1.ProbeEndpointList;
import io.pepper.probe.check.Checkers;
import io.pepper.probe.round.CheckPlan.PlannedCheck;
import io.pepper.probe.round.EndpointListClient.Fetched;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One round: fetch the endpoint list, start each check of the round's plan at its time on
 * a virtual thread (at most {@code maxConcurrency} at once, shared by overlapping
 * rounds), then deliver successes and failures.
 */
public final class ProbeRound {

	private static final Logger log = LoggerFactory.getLogger(ProbeRound.class);

	private final EndpointListClient endpointLists;

	private final Checkers checker;

	private final Delivery delivery;

	private final String location;

	private final Semaphore permits;

	private final Clock clock;

	private final Sleeper sleeper;

	private final Shard shard;

	private final ProbeMetrics metrics;

	public ProbeRound(EndpointListClient endpointLists, Checkers checker, Delivery delivery, String location,
			int maxConcurrency, Shard shard, Clock clock, Sleeper sleeper, ProbeMetrics metrics) {
		this.endpointLists = endpointLists;
		this.checker = checker;
		this.delivery = delivery;
		this.location = location;
		this.permits = new Semaphore(maxConcurrency);
		this.clock = clock;
		this.sleeper = sleeper;
		this.shard = shard;
		this.metrics = metrics;
		metrics.watchConcurrency(this.permits, maxConcurrency);
	}

	/**
	 * Runs the round {@code [start, start + length)}: with {@link Pacing#SPREAD} each
	 * check starts at its planned time, with {@link Pacing#IMMEDIATE} all start now.
	 */
	public RoundReport run(Instant start, Duration length, Pacing pacing) {
		long began = System.nanoTime();
		Fetched fetched = this.endpointLists.fetch();
		ProbeEndpointList list = fetched.list();
		if (list == null) {
			RoundReport report = new RoundReport(start, fetched.status(), 0, 0, 0, 0, elapsedMs(began));
			log.warn("round {}: endpoint list unavailable ({}), nothing checked, {} ms", start, fetched.detail(),
					report.durationMs());
			return report;
		}
		List<EndpointSpec> endpoints = list.endpoints()
			.stream()
			.filter((endpoint) -> this.shard.owns(endpoint.id()))
			.toList();
		List<InvalidEndpoint> invalid = fetched.invalid()
			.stream()
			.filter((endpoint) -> this.shard.owns(endpoint.id()))
			.toList();
		List<PlannedCheck> plan = switch (pacing) {
			case SPREAD -> CheckPlan.spread(endpoints, start, length);
			case IMMEDIATE -> CheckPlan.immediate(endpoints, start, length, this.clock.instant());
		};
		AtomicInteger up = new AtomicInteger();
		AtomicInteger failed = new AtomicInteger();
		reportInvalid(invalid, start, failed);
		runPlan(plan, up, failed);
		RoundReport report = new RoundReport(start, fetched.status(), endpoints.size() + invalid.size(),
				plan.size() + invalid.size(), up.get(), failed.get(), elapsedMs(began));
		this.metrics.roundTook(report.durationMs());
		Delivery.State delivery = this.delivery.state();
		// One line per round; its fields are also key-values for structured (JSON) logs.
		log.atInfo()
			.setMessage("round {}: {} endpoints ({} list, shard {}), {} checks, {} up, {} failed, {} ms; "
					+ "delivery: {} results and {} failures buffered, {} and {} lost so far")
			.addArgument(start)
			.addArgument(report.endpoints())
			.addArgument(() -> report.list().name().toLowerCase(Locale.ROOT))
			.addArgument(this.shard)
			.addArgument(report.checks())
			.addArgument(report.up())
			.addArgument(report.failed())
			.addArgument(report.durationMs())
			.addArgument(delivery.resultsBuffered())
			.addArgument(delivery.failuresBuffered())
			.addArgument(delivery.resultsLost())
			.addArgument(delivery.failuresLost())
			.addKeyValue("round", start)
			.addKeyValue("list", report.list())
			.addKeyValue("shard", this.shard.toString())
			.addKeyValue("endpoints", report.endpoints())
			.addKeyValue("checks", report.checks())
			.addKeyValue("up", report.up())
			.addKeyValue("failed", report.failed())
			.addKeyValue("durationMs", report.durationMs())
			.addKeyValue("resultsBuffered", delivery.resultsBuffered())
			.addKeyValue("failuresBuffered", delivery.failuresBuffered())
			.addKeyValue("resultsLost", delivery.resultsLost())
			.addKeyValue("failuresLost", delivery.failuresLost())
			.log();
		return report;
	}

	/**
	 * An endpoint that cannot be checked fails each round, at the round's start, so its
	 * owner is told through an incident rather than by silence.
	 */
	private void reportInvalid(List<InvalidEndpoint> invalid, Instant start, AtomicInteger failed) {
		for (InvalidEndpoint endpoint : invalid) {
			FailureReport report = endpoint.failure(this.location, start, this.clock.instant());
			this.metrics.checked(report.result());
			failed.incrementAndGet();
			this.delivery.offer(report);
		}
	}

	private void runPlan(List<PlannedCheck> plan, AtomicInteger up, AtomicInteger failed) {
		try (ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor()) {
			for (PlannedCheck check : plan) {
				try {
					this.sleeper.sleepUntil(check.startAt());
				}
				catch (InterruptedException ex) {
					// Stopping: the checks already started finish, the rest are skipped.
					Thread.currentThread().interrupt();
					break;
				}
				executor.execute(() -> runCheck(check, up, failed));
			}
		}
	}

	private void runCheck(PlannedCheck check, AtomicInteger up, AtomicInteger failed) {
		try {
			this.permits.acquire();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return;
		}
		this.metrics.started(Duration.between(check.startAt(), this.clock.instant()),
				Duration.ofSeconds(check.endpoint().intervalSeconds()));
		CheckResult result;
		try {
			result = this.checker.check(check.endpoint(), this.location, check.slot());
		}
		finally {
			this.permits.release();
		}
		this.metrics.checked(result);
		// Handed over as soon as it is known: a slow service never holds up the round.
		if (result.outcome().isUp()) {
			up.incrementAndGet();
			this.delivery.offer(result);
		}
		else {
			failed.incrementAndGet();
			this.delivery.offer(new FailureReport(check.endpoint().name(), check.endpoint().url(), result));
		}
	}

	private static long elapsedMs(long start) {
		return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
	}

	/** How a round starts its checks. */
	public enum Pacing {

		/** Each check at its planned time within the round (the daemon). */
		SPREAD,
		/** Every check due in the round at once ({@code --once}). */
		IMMEDIATE

	}

}
