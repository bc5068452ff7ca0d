package io.pepper.receiver.trend;

import java.time.Clock;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.pepper.contracts.v1.CheckResult;
import io.micrometer.core.instrument.MeterRegistry;
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
 * order, once the store confirmed them, and queues the events it decides. A check not
 * newer than the latest one seen from its location is skipped, so replayed batches do not
 * count twice.
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
			TrendParameters parameters = TrendParameters.of(this.policies.sensitivityOf(endpoint));
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
			TrendState state = apply(read.state(), checks, parameters, events);
			if (state == read.state() || this.states.compareAndSet(endpoint, read, state)) {
				return events;
			}
			// Another instance won this round: let it finish before reading again.
			java.util.concurrent.locks.LockSupport
				.parkNanos(java.util.concurrent.ThreadLocalRandom.current().nextLong(100_000, 1_000_000L * attempt));
		}
		log.warn("Gave up updating the trend of endpoint {} after {} concurrent updates", endpoint, MAX_ATTEMPTS);
		return List.of();
	}

	private TrendState apply(@org.jspecify.annotations.Nullable TrendState stored, List<CheckResult> checks,
			TrendParameters parameters, List<TrendEvent> events) {
		TrendState state = stored;
		Map<String, Long> seen = (state != null) ? new HashMap<>(state.seen()) : new HashMap<>();
		boolean changed = false;
		for (CheckResult check : checks) {
			long at = check.scheduledAt().toEpochMilli();
			if (seen.getOrDefault(check.location(), Long.MIN_VALUE) >= at) {
				continue;
			}
			seen.put(check.location(), at);
			changed = true;
			if (state == null || state.thresholdMs() != check.apdexThresholdMs()) {
				// Scores for another T are not comparable: learn the baseline again.
				if (state != null && state.degraded()) {
					events.add(event(check, TrendEvent.Kind.RECOVERED, state, "Apdex threshold changed from "
							+ state.thresholdMs() + " ms to " + check.apdexThresholdMs() + " ms; watching again"));
				}
				state = TrendState.initial(check.apdexThresholdMs());
			}
			Cusum.Step step = Cusum.observe(state, score(check), parameters);
			state = step.state();
			if (step.transition() != null) {
				events.add(event(check, step.transition(), state, reason(step.transition(), state)));
			}
		}
		if (!changed) {
			return stored;
		}
		return new TrendState(state.checks(), state.baselineLoss(), state.recentLoss(), state.evidence(),
				state.degraded(), state.thresholdMs(), Map.copyOf(seen));
	}

	private static double score(CheckResult check) {
		return switch (check.apdex()) {
			case SATISFIED -> 1;
			case TOLERATING -> 0.5;
			case FRUSTRATED -> 0;
		};
	}

	private static String reason(TrendEvent.Kind kind, TrendState state) {
		String recent = String.format(java.util.Locale.ROOT, "%.3f", state.recentApdex());
		String baseline = String.format(java.util.Locale.ROOT, "%.3f", state.baselineApdex());
		return (kind == TrendEvent.Kind.DEGRADED)
				? "Apdex dropped to about " + recent + " from a baseline of " + baseline + " (T = "
						+ state.thresholdMs() + " ms)"
				: "Apdex is back to about " + recent + " (baseline " + baseline + ", T = " + state.thresholdMs()
						+ " ms)";
	}

	private TrendEvent event(CheckResult check, TrendEvent.Kind kind, TrendState state, String reason) {
		return new TrendEvent(UUID.randomUUID(), check.endpointId(), check.organizationId(), kind, this.clock.instant(),
				clamp(state.recentApdex()), clamp(state.baselineApdex()), state.thresholdMs(), reason);
	}

	private static double clamp(double apdex) {
		return Math.max(0, Math.min(1, apdex));
	}

	/** For tests: the sensitivity the watcher would use. */
	TrendSensitivity sensitivityOf(UUID endpoint) {
		return this.policies.sensitivityOf(endpoint);
	}

}
