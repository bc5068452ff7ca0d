package io.pepper.probe.round;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.pepper.contracts.v1.EndpointSpec;

/**
 * Which checks a round runs and when. An endpoint's slots are the multiples of its own
 * interval since the epoch; the check of a slot starts at a stable offset into it (the
 * endpoint id's hash modulo the interval), so checks spread evenly instead of all firing
 * at the top of the minute. A round {@code [start, start + length)} runs every check
 * whose start falls inside it, so consecutive rounds run each slot exactly once.
 */
public final class CheckPlan {

	private static final long OFFSET_SALT = 0x5045505045524f46L;

	private CheckPlan() {
	}

	/**
	 * Where in each of its slots the endpoint's check starts: in {@code [0, interval)}.
	 */
	public static Duration offset(UUID endpoint, Duration interval) {
		return Duration.ofMillis(StableHash.reduce(StableHash.of(endpoint, OFFSET_SALT), interval.toMillis()));
	}

	/** The checks starting in the round, each at its slot's offset, in start order. */
	public static List<PlannedCheck> spread(List<EndpointSpec> endpoints, Instant roundStart, Duration roundLength) {
		long from = roundStart.toEpochMilli();
		long until = from + roundLength.toMillis();
		List<PlannedCheck> plan = new ArrayList<>();
		for (EndpointSpec endpoint : endpoints) {
			Duration interval = Duration.ofSeconds(endpoint.intervalSeconds());
			long length = interval.toMillis();
			long offset = offset(endpoint.id(), interval).toMillis();
			// The first slot whose check starts at or after the round's start.
			for (long slot = Math.ceilDiv(from - offset, length) * length; slot + offset < until; slot += length) {
				plan.add(new PlannedCheck(endpoint, Instant.ofEpochMilli(slot), Instant.ofEpochMilli(slot + offset)));
			}
		}
		plan.sort(Comparator.comparing(PlannedCheck::startAt));
		return plan;
	}

	/**
	 * The round for {@code --once}: every endpoint with a check in the round, once, all
	 * starting now. A cron or FaaS run is billed while it waits, and its trigger already
	 * picks the moment, so it does not spread.
	 */
	public static List<PlannedCheck> immediate(List<EndpointSpec> endpoints, Instant roundStart, Duration roundLength,
			Instant now) {
		Map<UUID, PlannedCheck> first = new HashMap<>();
		for (PlannedCheck check : spread(endpoints, roundStart, roundLength)) {
			first.putIfAbsent(check.endpoint().id(), check);
		}
		List<PlannedCheck> plan = new ArrayList<>(first.size());
		for (EndpointSpec endpoint : endpoints) {
			PlannedCheck check = first.remove(endpoint.id());
			if (check != null) {
				plan.add(new PlannedCheck(endpoint, check.slot(), now));
			}
		}
		return plan;
	}

	/**
	 * One check to run.
	 *
	 * @param endpoint what to check
	 * @param slot the start of the endpoint's slot: the result's {@code scheduledAt}
	 * @param startAt when the check starts
	 */
	public record PlannedCheck(EndpointSpec endpoint, Instant slot, Instant startAt) {
	}

}
