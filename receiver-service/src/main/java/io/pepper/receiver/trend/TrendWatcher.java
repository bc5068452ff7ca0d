package io.pepper.receiver.trend;

import java.time.Clock;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import io.micrometer.core.instrument.MeterRegistry;
import io.pepper.contracts.v1.CheckResult;
import io.pepper.contracts.v1.Degradation;
import io.pepper.contracts.v1.TrendEvent;
import io.pepper.contracts.v1.TrendSensitivity;
import io.pepper.receiver.ReceiverProperties;
import io.pepper.receiver.forward.RedisForwardQueue;
import io.pepper.receiver.store.StoreObserver;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.data.redis.core.StringRedisTemplate;

/**
 * Feeds stored checks to each endpoint's detector, all locations pooled in scheduled
 * order, once the store confirmed them, and queues the events it decides with their
 * evidence. A check already seen from its location is skipped, so replayed batches do not
 * count twice; a check that arrives late (a failure forwarded by failure-service) still
 * counts.
 */
public final class TrendWatcher implements StoreObserver {

	private static final Logger log = LoggerFactory.getLogger(TrendWatcher.class);

	/** Contention is per endpoint, so even a busy one settles in a few rounds. */
	private static final int MAX_ATTEMPTS = 100;

	private final TrendStates states;

	private final TrendPolicies policies;

	private final RedisForwardQueue<TrendEvent> outbox;

	private final Clock clock;

	public TrendWatcher(TrendStates states, TrendPolicies policies, RedisForwardQueue<TrendEvent> outbox, Clock clock) {
		this.states = states;
		this.policies = policies;
		this.outbox = outbox;
		this.clock = clock;
	}

	/** The outbox of trend events; without failure-service they are only logged. */
	public static RedisForwardQueue<TrendEvent> outbox(StringRedisTemplate redis, ReceiverProperties properties,
			MeterRegistry registry) {
		return new RedisForwardQueue<>(redis, properties.redisKeyPrefix() + "trend-events", TrendEvent.class,
				"trend event", properties.failureUrl(), TrendEvent.PATH, properties.failureToken(),
				properties.trend().sendInterval(), properties.trend().maxQueued(), registry);
	}

	@Override
	public void stored(List<CheckResult> results) {
		observe(results);
	}

	/** Observes stored results; returns the events decided. */
	public List<TrendEvent> observe(List<CheckResult> results) {
		Map<UUID, List<CheckResult>> byEndpoint = new LinkedHashMap<>();
		for (CheckResult result : results) {
			byEndpoint.computeIfAbsent(result.endpointId(), (id) -> new java.util.ArrayList<>()).add(result);
		}
		List<TrendEvent> events = new java.util.ArrayList<>();
		byEndpoint.forEach((endpoint, checks) -> {
			TrendParameters parameters = this.policies.parametersOf(endpoint);
			if (parameters == null) {
				return;
			}
			checks.sort(Comparator.comparing(CheckResult::scheduledAt));
			events.addAll(observe(endpoint, checks, parameters));
		});
		for (TrendEvent event : events) {
			log.info("Trend {} of endpoint {}: {}", event.kind(), event.endpointId(), event.reason());
			this.outbox.add(event);
		}
		return events;
	}

	private List<TrendEvent> observe(UUID endpoint, List<CheckResult> checks, TrendParameters parameters) {
		for (int attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
			TrendStates.Versioned read = this.states.read(endpoint);
			List<TrendEvent> events = new java.util.ArrayList<>();
			TrendState stored = read.state();
			TrendState state = (stored != null) ? stored.copy()
					: TrendState.initial(checks.getFirst().apdexThresholdMs());
			long before = state.observed;
			for (CheckResult check : checks) {
				TrendDetector.Decision decision = TrendDetector.apply(state, check(check), parameters);
				if (decision != null) {
					events.add(event(check, decision));
				}
			}
			if (state.observed == before || this.states.compareAndSet(endpoint, read, state)) {
				return events;
			}
			// Another instance won this round: let it finish before reading again.
			java.util.concurrent.locks.LockSupport
				.parkNanos(java.util.concurrent.ThreadLocalRandom.current().nextLong(100_000, 1_000_000L * attempt));
		}
		log.warn("Gave up updating the trend of endpoint {} after {} concurrent updates", endpoint, MAX_ATTEMPTS);
		return List.of();
	}

	static TrendDetector.Check check(CheckResult check) {
		return new TrendDetector.Check(check.location(), check.scheduledAt(), check.timings().totalMs(),
				check.outcome().isUp(), check.apdexThresholdMs());
	}

	private TrendEvent event(CheckResult check, TrendDetector.Decision decision) {
		Degradation evidence = evidence(decision);
		String apdex = String.format(Locale.ROOT, "Apdex %.2f → %.2f (T = %d ms)", decision.apdexBefore(),
				decision.apdexAfter(), decision.thresholdMs());
		String reason = (decision.kind() == TrendEvent.Kind.DEGRADED) ? apdex + ", " + evidence.summary()
				: "Back to normal: " + apdex.replace("→", "now") + ", p95 " + decision.p95AfterMs() + " ms (baseline "
						+ decision.p95BeforeMs() + " ms)";
		return new TrendEvent(UUID.randomUUID(), check.endpointId(), check.organizationId(), decision.kind(),
				this.clock.instant(), decision.apdexAfter(), decision.apdexBefore(), decision.thresholdMs(), reason,
				(decision.kind() == TrendEvent.Kind.DEGRADED) ? evidence : null);
	}

	/** The evidence of a decision, with its one-line summary. */
	static Degradation evidence(TrendDetector.Decision decision) {
		ZonedDateTime since = decision.since().atZone(ZoneOffset.UTC);
		boolean sameDay = since.toLocalDate().equals(decision.at().atZone(ZoneOffset.UTC).toLocalDate());
		String when = since.format(DateTimeFormatter.ofPattern(sameDay ? "HH:mm" : "yyyy-MM-dd HH:mm", Locale.ROOT))
				+ " UTC";
		int where = decision.locations().size();
		String locations = (where == decision.locationsChecked())
				? ((where == 1) ? decision.locations().getFirst() : "all " + where + " locations") : where + " of "
						+ decision.locationsChecked() + " locations (" + String.join(", ", decision.locations()) + ")";
		String summary = "p95 " + decision.p95BeforeMs() + " ms → " + decision.p95AfterMs() + " ms since " + when + ", "
				+ locations;
		return new Degradation(decision.apdexBefore(), decision.apdexAfter(), decision.p95BeforeMs(),
				decision.p95AfterMs(), decision.since(), decision.locations(), decision.locationsChecked(), summary);
	}

	/** For tests: the sensitivity the watcher would use. */
	TrendSensitivity sensitivityOf(UUID endpoint) {
		return this.policies.sensitivityOf(endpoint);
	}

}
