package io.pepper.demo;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.pepper.contracts.v1.ApdexClass;
import io.pepper.contracts.v1.CheckResult;
import io.pepper.contracts.v1.EndpointSpec;
import io.pepper.contracts.v1.HttpMethod;
import io.pepper.contracts.v1.OutcomeKind;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The demo's past checks look like a probe's and are valid wire records. */
class HistoryGeneratorTest {

	static final UUID ORGANIZATION = UUID.randomUUID();

	private static final Instant TO = Instant.parse("2026-12-01T12:00:30Z");

	private static final Instant FROM = TO.minus(Duration.ofDays(7));

	private final HistoryGenerator generator = new HistoryGenerator(42);

	static EndpointSpec endpoint(String name, String url) {
		return new EndpointSpec(UUID.randomUUID(), ORGANIZATION, name, URI.create(url), HttpMethod.GET, Map.of(), null,
				List.of(), List.of(), 5_000, false, 100, 60, null);
	}

	@Test
	void checksEverySlotOfTheRangeOnceOldestFirst() {
		List<CheckResult> checks = this.generator.checks(endpoint("api", "http://127.0.0.1:8080/health"), "local", FROM,
				TO, false);

		assertThat(checks).hasSize(7 * 24 * 60);
		assertThat(checks.getFirst().scheduledAt()).isEqualTo(Instant.parse("2026-11-24T12:01:00Z"));
		assertThat(checks.getLast().scheduledAt()).isEqualTo(Instant.parse("2026-12-01T12:00:00Z"));
		for (int i = 1; i < checks.size(); i++) {
			assertThat(Duration.between(checks.get(i - 1).scheduledAt(), checks.get(i).scheduledAt()))
				.isEqualTo(Duration.ofMinutes(1));
		}
		assertThat(checks).allSatisfy((check) -> {
			assertThat(check.startedAt()).isBetween(check.scheduledAt(), check.scheduledAt().plusSeconds(60));
			assertThat(check.location()).isEqualTo("local");
			assertThat(check.organizationId()).isEqualTo(ORGANIZATION);
		});
	}

	@Test
	void healthyEndpointIsMostlyUpWithRealisticTimesAndApdexClassesForItsThreshold() {
		List<CheckResult> checks = this.generator.checks(endpoint("api", "http://127.0.0.1:8080/health"), "local", FROM,
				TO, false);

		long up = checks.stream().filter((c) -> c.outcome().isUp()).count();
		assertThat((double) up / checks.size()).isBetween(0.995, 1.0);
		double[] totals = checks.stream()
			.filter((c) -> c.outcome().isUp())
			.mapToDouble((c) -> c.timings().totalMs())
			.sorted()
			.toArray();
		double median = totals[totals.length / 2];
		assertThat(median).isBetween(8.0, 80.0);
		assertThat(totals[(int) (totals.length * 0.99)]).as("p99 above the median").isGreaterThan(median * 1.5);
		assertThat(Arrays.stream(totals).max().orElseThrow()).as("a spike now and then").isGreaterThan(median * 3);
		assertThat(checks).allSatisfy((check) -> {
			assertThat(check.apdex())
				.isEqualTo(ApdexClass.of(check.outcome(), check.timings().totalMs(), check.apdexThresholdMs()));
			assertThat(check.timings().dnsMs()).as("no DNS for an IP address").isNull();
			assertThat(check.timings().tlsMs()).as("no TLS over http").isNull();
			assertThat(check.tlsCertExpiresAt()).isNull();
			if (check.outcome().isUp()) {
				assertThat(check.status()).isEqualTo(200);
				assertThat(check.timings().firstByteMs()).isLessThanOrEqualTo(check.timings().totalMs());
				assertThat(check.timings().connectMs()).isLessThan(check.timings().firstByteMs());
			}
			else {
				assertThat(check.outcome().kind()).isEqualTo(OutcomeKind.TIMEOUT);
				assertThat(check.status()).isNull();
			}
		});
	}

	@Test
	void afternoonsAreSlowerThanNights() {
		List<CheckResult> checks = this.generator.checks(endpoint("api", "http://127.0.0.1:8080/health"), "local", FROM,
				TO, false);

		assertThat(meanAtHour(checks, 15)).isGreaterThan(meanAtHour(checks, 3) * 1.3);
	}

	@Test
	void httpsByNameHasDnsTlsAndACertificate() {
		List<CheckResult> checks = this.generator.checks(endpoint("shop", "https://shop.example.com/"), "local", FROM,
				TO, false);

		assertThat(checks).filteredOn((c) -> c.outcome().isUp()).allSatisfy((check) -> {
			assertThat(check.timings().dnsMs()).isPositive();
			assertThat(check.timings().tlsMs()).isPositive();
			assertThat(check.tlsCertExpiresAt()).isAfter(check.scheduledAt().plus(Duration.ofDays(30)));
		});
	}

	@Test
	void failingEndpointFailsEveryCheckWithTheProbesReason() {
		List<CheckResult> checks = this.generator.checks(endpoint("broken", "http://127.0.0.1:8080/nope"), "local",
				FROM, TO, true);

		assertThat(checks).hasSize(7 * 24 * 60).allSatisfy((check) -> {
			assertThat(check.outcome().kind()).isEqualTo(OutcomeKind.UNEXPECTED_STATUS);
			assertThat(check.outcome().reason()).isEqualTo("expected 200-299 but got 404");
			assertThat(check.status()).isEqualTo(404);
			assertThat(check.apdex()).isEqualTo(ApdexClass.FRUSTRATED);
		});
	}

	@Test
	void sameSeedSameChecksOtherEndpointOtherTimes() {
		EndpointSpec api = endpoint("api", "http://127.0.0.1:8080/health");
		EndpointSpec other = endpoint("other", "http://127.0.0.1:8081/health");

		assertThat(new HistoryGenerator(42).checks(api, "local", FROM, TO, false))
			.isEqualTo(this.generator.checks(api, "local", FROM, TO, false));
		assertThat(this.generator.checks(other, "local", FROM, TO, false).getFirst().timings())
			.isNotEqualTo(this.generator.checks(api, "local", FROM, TO, false).getFirst().timings());
	}

	@Test
	void findsTheFailingEndpointsByName() {
		EndpointSpec api = endpoint("api", "http://127.0.0.1:8080/health");
		EndpointSpec broken = endpoint("Always failing (demo)", "http://127.0.0.1:8080/nope");

		assertThat(HistoryGenerator.named(List.of(api, broken), java.util.Set.of("Always failing (demo)")))
			.containsExactly(broken.id());
	}

	private static double meanAtHour(List<CheckResult> checks, int hour) {
		return checks.stream()
			.filter((c) -> c.outcome().isUp() && c.scheduledAt().atZone(java.time.ZoneOffset.UTC).getHour() == hour)
			.mapToDouble((c) -> c.timings().totalMs())
			.average()
			.orElseThrow();
	}

}
