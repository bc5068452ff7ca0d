package io.pepper.demo;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.UUID;

import io.pepper.contracts.v1.ApdexClass;
import io.pepper.contracts.v1.CheckResult;
import io.pepper.contracts.v1.EndpointSpec;
import io.pepper.contracts.v1.Outcome;
import io.pepper.contracts.v1.OutcomeKind;
import io.pepper.contracts.v1.Phase;
import io.pepper.contracts.v1.PhaseTimings;
import org.jspecify.annotations.Nullable;

/**
 * Makes the past checks a probe would have sent: one per endpoint and interval slot, with
 * a log-normal total time around a median of the endpoint's own, slower in the afternoon
 * (UTC) than at night, a rare slow spike and a rarer timeout. Phases follow the URL: no
 * DNS for an IP address, TLS only for https. Endpoints named as failing fail every check
 * with the probe's reason for an unexpected status. A pure function of its inputs and the
 * seed.
 */
public final class HistoryGenerator {

	/** The probe name the demo batches carry. */
	public static final String PROBE = "demo-history";

	static final double SPIKE_RATE = 0.01;

	static final double TIMEOUT_RATE = 0.001;

	private final long seed;

	public HistoryGenerator(long seed) {
		this.seed = seed;
	}

	/**
	 * The checks of {@code endpoint} at {@code location} for the slots in
	 * {@code [from, to)}, oldest first.
	 * @param failing whether every check fails
	 */
	public List<CheckResult> checks(EndpointSpec endpoint, String location, Instant from, Instant to, boolean failing) {
		Random random = new Random(this.seed ^ endpoint.id().getMostSignificantBits()
				^ endpoint.id().getLeastSignificantBits() ^ location.hashCode());
		long interval = endpoint.intervalSeconds();
		// A median of its own between 12 and 60 ms, fixed by the endpoint's id.
		double median = 12 + Math.floorMod(endpoint.id().getLeastSignificantBits(), 49);
		boolean ip = isIpLiteral(endpoint.url());
		boolean https = "https".equalsIgnoreCase(endpoint.url().getScheme());
		long offsetMs = Math.floorMod(endpoint.id().hashCode(), interval * 1000);
		List<CheckResult> checks = new ArrayList<>();
		Instant first = Instant.ofEpochSecond(Math.ceilDiv(from.getEpochSecond(), interval) * interval);
		for (Instant slot = first; slot.isBefore(to); slot = slot.plusSeconds(interval)) {
			Instant started = slot.plusMillis(offsetMs + random.nextInt(5));
			double connect = 0.08 + random.nextDouble() * 0.4;
			Double dns = ip ? null : 0.3 + random.nextDouble() * 2;
			Double tls = https ? 4 + random.nextDouble() * 6 : null;
			double before = connect + ((dns != null) ? dns : 0) + ((tls != null) ? tls : 0);
			if (failing) {
				double firstByte = before + 1 + random.nextDouble() * 3;
				Outcome outcome = Outcome.failed(OutcomeKind.UNEXPECTED_STATUS, Phase.FIRST_BYTE,
						"expected " + expected(endpoint) + " but got 404");
				checks.add(result(endpoint, location, slot, started,
						new PhaseTimings(dns, connect, tls, firstByte, firstByte + 0.2), 404, 120, https, outcome));
				continue;
			}
			if (random.nextDouble() < TIMEOUT_RATE) {
				Outcome outcome = Outcome.failed(OutcomeKind.TIMEOUT, Phase.FIRST_BYTE,
						"no answer within " + endpoint.timeoutMs() + " ms");
				checks.add(result(endpoint, location, slot, started,
						new PhaseTimings(dns, connect, tls, null, endpoint.timeoutMs()), null, 0, https, outcome));
				continue;
			}
			double hour = slot.atZone(ZoneOffset.UTC).getHour() + slot.atZone(ZoneOffset.UTC).getMinute() / 60.0;
			double daily = 1 + 0.35 * Math.sin((hour - 9) / 24 * 2 * Math.PI);
			double total = Math.max(before + 0.5, median * daily * Math.exp(random.nextGaussian() * 0.3));
			if (random.nextDouble() < SPIKE_RATE) {
				total *= 3 + random.nextDouble() * 5;
			}
			total = Math.round(total * 1000) / 1000.0;
			double firstByte = Math.max(before + 0.1, total - 0.2 - random.nextDouble());
			checks.add(result(endpoint, location, slot, started, new PhaseTimings(dns, connect, tls, firstByte, total),
					200, 40 + random.nextInt(40), https, Outcome.up()));
		}
		return checks;
	}

	private static CheckResult result(EndpointSpec endpoint, String location, Instant slot, Instant started,
			PhaseTimings timings, @Nullable Integer status, long bytes, boolean https, Outcome outcome) {
		// A certificate renewed every 90 days, as ACME issuers do.
		Instant expires = https ? slot.plus(Duration.ofDays(45)) : null;
		return new CheckResult(endpoint.id(), endpoint.organizationId(), location, slot, started, timings, status,
				bytes, expires, outcome, endpoint.apdexThresholdMs(),
				ApdexClass.of(outcome, timings.totalMs(), endpoint.apdexThresholdMs()),
				(status != null) ? "http/1.1" : null);
	}

	private static String expected(EndpointSpec endpoint) {
		return endpoint.expectedStatus().isEmpty() ? "200-299"
				: String.join(", ",
						endpoint.expectedStatus()
							.stream()
							.map((range) -> (range.from() == range.to()) ? String.valueOf(range.from())
									: range.from() + "-" + range.to())
							.toList());
	}

	private static boolean isIpLiteral(URI url) {
		String host = url.getHost();
		return host != null && (host.startsWith("[") || host.chars().allMatch((c) -> c == '.' || Character.isDigit(c)));
	}

	/** The ids of the endpoints whose name is one of {@code names}. */
	static Set<UUID> named(List<EndpointSpec> endpoints, Set<String> names) {
		Set<UUID> ids = new java.util.HashSet<>();
		for (EndpointSpec endpoint : endpoints) {
			if (names.contains(endpoint.name())) {
				ids.add(endpoint.id());
			}
		}
		return ids;
	}

}
