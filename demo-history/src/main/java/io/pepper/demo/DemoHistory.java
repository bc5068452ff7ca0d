package io.pepper.demo;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import io.pepper.contracts.v1.CheckResult;
import io.pepper.contracts.v1.EndpointSpec;
import io.pepper.contracts.v1.ProbeEndpointList;
import io.pepper.contracts.v1.RecentChecks;
import io.pepper.contracts.v1.ResultBatch;
import io.pepper.http.Answer;
import io.pepper.http.Backoff;
import io.pepper.http.ServiceClient;

/**
 * Sends days of past checks for the demo endpoints through receiver-service's real ingest
 * API ({@code POST /v1/results}, {@code scheduledAt} in the past), so that a first run
 * shows charts at once. The endpoints come from admin-app's probe API, as a probe gets
 * them. An endpoint that has checks before now already keeps them: demo checks never
 * overwrite real ones.
 *
 * <p>
 * Settings come from the environment, so no token is on a command line:
 * {@code PEPPER_DEMO_ADMIN_URL}, {@code PEPPER_DEMO_PROBE_TOKEN},
 * {@code PEPPER_DEMO_RECEIVER_URL}, {@code PEPPER_DEMO_RECEIVER_TOKEN} (ingest),
 * {@code PEPPER_DEMO_QUERY_TOKEN}, {@code PEPPER_DEMO_LOCATION}, and optionally
 * {@code PEPPER_DEMO_DAYS} (7) and {@code PEPPER_DEMO_FAILING} (names of endpoints whose
 * checks all fail, separated by {@code |}).
 */
public final class DemoHistory {

	static final int BATCH = 1_000;

	private static final Backoff RETRY = Backoff.exponential(Duration.ofMillis(200), Duration.ofSeconds(5));

	private final ServiceClient ingest;

	private final ServiceClient query;

	private final HistoryGenerator generator;

	public DemoHistory(ServiceClient ingest, ServiceClient query, HistoryGenerator generator) {
		this.ingest = ingest;
		this.query = query;
		this.generator = generator;
	}

	public static void main(String[] args) {
		Map<String, String> env = System.getenv();
		String location = required(env, "PEPPER_DEMO_LOCATION");
		int days = Integer.parseInt(env.getOrDefault("PEPPER_DEMO_DAYS", "7"));
		Set<String> failing = Set.of(env.getOrDefault("PEPPER_DEMO_FAILING", "").split("\\|"));
		ServiceClient admin = ServiceClient.builder("admin-app", URI.create(required(env, "PEPPER_DEMO_ADMIN_URL")))
			.token(required(env, "PEPPER_DEMO_PROBE_TOKEN"))
			.build();
		URI receiver = URI.create(required(env, "PEPPER_DEMO_RECEIVER_URL"));
		DemoHistory demo = new DemoHistory(
				ServiceClient.builder("receiver-service", receiver)
					.token(required(env, "PEPPER_DEMO_RECEIVER_TOKEN"))
					.readTimeout(Duration.ofSeconds(60))
					.build(),
				ServiceClient.builder("receiver-service", receiver)
					.token(required(env, "PEPPER_DEMO_QUERY_TOKEN"))
					.build(),
				new HistoryGenerator(42));
		List<EndpointSpec> endpoints = admin
			.get(ProbeEndpointList.PATH + "?location={location}", ProbeEndpointList.class, location)
			.endpoints();
		Instant to = Instant.now();
		Report report = demo.seed(endpoints, location, to.minus(Duration.ofDays(days)), to,
				HistoryGenerator.named(endpoints, failing));
		System.out.println("Demo history: " + report.checks() + " past checks of " + report.endpoints()
				+ " endpoints over " + days + " days sent to receiver-service; " + report.skipped()
				+ " endpoints with history of their own left alone");
		if (report.refused() > 0) {
			System.err.println("Demo history: receiver-service refused " + report.refused() + " batches");
			System.exit(1);
		}
	}

	private static String required(Map<String, String> env, String name) {
		String value = env.get(name);
		if (value == null || value.isBlank()) {
			System.err.println("Demo history: " + name + " is required");
			System.exit(2);
			throw new IllegalStateException(name + " is required");
		}
		return value;
	}

	/**
	 * Sends the checks of the slots in {@code [from, to)} of every endpoint that has no
	 * check before {@code to} yet, in batches, each retried by the one retry rule until
	 * it is accepted or set aside.
	 */
	public Report seed(List<EndpointSpec> endpoints, String location, Instant from, Instant to, Set<UUID> failing) {
		int seeded = 0;
		int skipped = 0;
		long sent = 0;
		int refused = 0;
		for (EndpointSpec endpoint : endpoints) {
			if (hasHistory(endpoint.id(), to)) {
				skipped++;
				continue;
			}
			seeded++;
			List<CheckResult> checks = this.generator.checks(endpoint, location, from, to,
					failing.contains(endpoint.id()));
			for (int i = 0; i < checks.size(); i += BATCH) {
				List<CheckResult> part = new ArrayList<>(checks.subList(i, Math.min(checks.size(), i + BATCH)));
				if (deliver(new ResultBatch(UUID.randomUUID(), HistoryGenerator.PROBE, part))) {
					sent += part.size();
				}
				else {
					refused++;
				}
			}
		}
		return new Report(seeded, skipped, sent, refused);
	}

	private boolean hasHistory(UUID endpoint, Instant before) {
		RecentChecks page = this.query.get(RecentChecks.PATH + "?limit=1&before={before}", RecentChecks.class, endpoint,
				before.toString());
		return !page.checks().isEmpty();
	}

	private boolean deliver(ResultBatch batch) {
		for (int attempt = 1;; attempt++) {
			Answer answer = this.ingest.send(ResultBatch.PATH, batch);
			if (answer.delivered()) {
				return true;
			}
			if (answer.setAside() || attempt >= 10) {
				System.err.println("Demo history: batch " + batch.batchId() + " not accepted: " + answer.status() + " "
						+ answer.reason());
				return false;
			}
			sleep(RETRY.after(attempt));
		}
	}

	private static void sleep(Duration duration) {
		try {
			Thread.sleep(duration);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * What a seeding did.
	 *
	 * @param endpoints endpoints given demo history
	 * @param skipped endpoints left alone because they have checks of their own
	 * @param checks checks accepted by receiver-service (201)
	 * @param refused batches it refused
	 */
	public record Report(int endpoints, int skipped, long checks, int refused) {
	}

}
