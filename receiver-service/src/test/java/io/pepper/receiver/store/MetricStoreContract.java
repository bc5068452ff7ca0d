package io.pepper.receiver.store;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import io.pepper.contracts.v1.ApdexClass;
import io.pepper.contracts.v1.CheckResult;
import io.pepper.contracts.v1.Outcome;
import io.pepper.contracts.v1.OutcomeKind;
import io.pepper.contracts.v1.Phase;
import io.pepper.contracts.v1.PhaseTimings;
import io.pepper.receiver.Checks;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The scenarios every metric store passes, on a real server; one subclass per adapter
 * supplies the store (like gatus' storage/store/store_test.go).
 */
public abstract class MetricStoreContract {

	/**
	 * Two days ago at midnight UTC: inside every retention, and a whole day to roll up.
	 */
	protected static final Instant DAY = Resolution.DAILY.floor(Instant.now()).minus(Duration.ofDays(2));

	/**
	 * The rollup grace subclasses give their store: long enough that {@link #DAY}'s hours
	 * are still open, so writes update them incrementally.
	 */
	protected static final Duration OPEN_FOR = Duration.ofDays(30);

	/**
	 * How many rollup buckets the store under test keeps in memory; 0 here, more in the
	 * subclasses that run every scenario with the cache on.
	 */
	protected int rollupCacheBuckets() {
		return 0;
	}

	/**
	 * The store under test, prepared and empty, its rollups open for {@link #OPEN_FOR}.
	 */
	protected abstract RollupMetricStore store();

	@Test
	void readsBackEveryCheckAtRawResolution() {
		UUID endpoint = UUID.randomUUID();
		store().write(List.of(up(endpoint, "eu-west", DAY.plusSeconds(60), 120.5, 500),
				up(endpoint, "us-east", DAY.plusSeconds(60), 300, 500)));

		List<Bucket> raw = store().read(Resolution.RAW, List.of(endpoint), null, DAY, DAY.plusSeconds(3600));

		assertThat(raw).hasSize(2);
		Bucket euWest = raw.stream().filter((b) -> b.location().equals("eu-west")).findFirst().orElseThrow();
		assertThat(euWest.time()).isEqualTo(DAY.plusSeconds(60));
		assertThat(euWest.endpointId()).isEqualTo(endpoint);
		assertThat(euWest.stats().checks()).isEqualTo(1);
		assertThat(euWest.stats().satisfied()).isEqualTo(1);
		assertThat(euWest.stats().totalSum()).isEqualTo(120.5);
		assertThat(euWest.stats().dnsSum()).isEqualTo(1.5);
		assertThat(euWest.stats().firstByteSum()).isEqualTo(40.5);
		assertThat(euWest.stats().apdexThresholdMs()).isEqualTo(500);
		assertThat(euWest.stats().percentileMs(50)).isCloseTo(120.5, within(1.5));
	}

	@Test
	void readsOnlyTheRangeAsked() {
		UUID endpoint = UUID.randomUUID();
		store().write(List.of(up(endpoint, "eu-west", DAY.plusSeconds(60), 100, 500),
				up(endpoint, "eu-west", DAY.plusSeconds(120), 100, 500),
				up(endpoint, "eu-west", DAY.plusSeconds(180), 100, 500)));

		assertThat(store().read(Resolution.RAW, List.of(endpoint), null, DAY.plusSeconds(120), DAY.plusSeconds(180)))
			.extracting(Bucket::time)
			.containsExactly(DAY.plusSeconds(120));
	}

	@Test
	void replayOverwritesTheCheckAndItsRollups() {
		UUID endpoint = UUID.randomUUID();
		store().write(List.of(up(endpoint, "eu-west", DAY.plusSeconds(60), 100, 500)));
		store().write(List.of(up(endpoint, "eu-west", DAY.plusSeconds(60), 1500, 500)));
		store().write(List.of(up(endpoint, "eu-west", DAY.plusSeconds(60), 1500, 500)));

		List<Bucket> raw = store().read(Resolution.RAW, List.of(endpoint), null, DAY, DAY.plusSeconds(3600));
		assertThat(raw).singleElement().satisfies((bucket) -> {
			assertThat(bucket.stats().totalSum()).isEqualTo(1500);
			assertThat(bucket.stats().tolerating()).isEqualTo(1);
		});
		for (Resolution rollup : List.of(Resolution.HOURLY, Resolution.DAILY)) {
			assertThat(store().read(rollup, List.of(endpoint), null, DAY, DAY.plus(Duration.ofDays(1))))
				.as(rollup.name())
				.singleElement()
				.satisfies((bucket) -> {
					assertThat(bucket.stats().checks()).isEqualTo(1);
					assertThat(bucket.stats().tolerating()).isEqualTo(1);
					assertThat(bucket.stats().satisfied()).isZero();
				});
		}
	}

	@Test
	void countsFailedChecksAsDownAndFrustratedWithoutTimings() {
		UUID endpoint = UUID.randomUUID();
		store().write(List.of(up(endpoint, "eu-west", DAY.plusSeconds(60), 100, 500),
				refused(endpoint, "eu-west", DAY.plusSeconds(120))));

		Stats hour = merged(store().read(Resolution.HOURLY, List.of(endpoint), null, DAY, DAY.plusSeconds(3600)));

		assertThat(hour.checks()).isEqualTo(2);
		assertThat(hour.up()).isEqualTo(1);
		assertThat(hour.frustrated()).isEqualTo(1);
		assertThat(hour.uptime()).isEqualTo(0.5);
		assertThat(hour.apdex()).isEqualTo(0.5);
		assertThat(hour.toPoint(DAY).meanMs()).isEqualTo(100);
		assertThat(hour.dnsCount()).isEqualTo(1);
	}

	@Test
	void keepsLocationsApartAndPoolsThemOnRequest() {
		UUID endpoint = UUID.randomUUID();
		store().write(List.of(up(endpoint, "eu-west", DAY.plusSeconds(60), 100, 500),
				up(endpoint, "us-east", DAY.plusSeconds(60), 900, 500),
				up(endpoint, "us-east", DAY.plusSeconds(120), 3000, 500)));

		for (Resolution resolution : Resolution.values()) {
			Stats usEast = merged(
					store().read(resolution, List.of(endpoint), "us-east", DAY, DAY.plus(Duration.ofDays(1))));
			Stats pooled = merged(store().read(resolution, List.of(endpoint), null, DAY, DAY.plus(Duration.ofDays(1))));
			assertThat(usEast.checks()).as(resolution.name()).isEqualTo(2);
			assertThat(usEast.satisfied()).as(resolution.name()).isZero();
			assertThat(pooled.checks()).as(resolution.name()).isEqualTo(3);
			assertThat(pooled.satisfied()).as(resolution.name()).isEqualTo(1);
		}
	}

	@Test
	void rollupsAddUpExactlyToTheRawChecks() {
		UUID endpoint = UUID.randomUUID();
		UUID other = UUID.randomUUID();
		List<CheckResult> checks = series(endpoint, new Random(7), DAY.plus(Duration.ofHours(22)), 180);
		checks.addAll(series(other, new Random(8), DAY.plus(Duration.ofHours(23)), 60));
		// Written minute by minute like the probes send them, so the rollups are
		// recomputed many times.
		for (int i = 0; i < checks.size(); i += 6) {
			store().write(checks.subList(i, Math.min(checks.size(), i + 6)));
		}
		Instant from = DAY;
		Instant to = DAY.plus(Duration.ofDays(2));

		Stats raw = merged(store().read(Resolution.RAW, List.of(endpoint), null, from, to));
		Stats hourly = merged(store().read(Resolution.HOURLY, List.of(endpoint), null, from, to));
		Stats daily = merged(store().read(Resolution.DAILY, List.of(endpoint), null, from, to));

		assertThat(raw.checks()).isEqualTo(360);
		for (Stats rollup : List.of(hourly, daily)) {
			assertThat(rollup.checks()).isEqualTo(raw.checks());
			assertThat(rollup.up()).isEqualTo(raw.up());
			assertThat(rollup.satisfied()).isEqualTo(raw.satisfied());
			assertThat(rollup.tolerating()).isEqualTo(raw.tolerating());
			assertThat(rollup.frustrated()).isEqualTo(raw.frustrated());
			assertThat(rollup.totalSum()).isCloseTo(raw.totalSum(), within(1e-6));
			assertThat(rollup.tlsCount()).isEqualTo(raw.tlsCount());
			assertThat(rollup.tlsSum()).isCloseTo(raw.tlsSum(), within(1e-6));
			for (double percentile : new double[] { 50, 95, 99 }) {
				assertThat(rollup.percentileMs(percentile)).isEqualTo(raw.percentileMs(percentile));
			}
		}
		// Merged histograms give the true percentiles to within their 1% precision.
		double[] sorted = checks.stream()
			.filter((c) -> c.endpointId().equals(endpoint) && c.outcome().isUp())
			.mapToDouble((c) -> c.timings().totalMs())
			.sorted()
			.toArray();
		double trueP95 = sorted[(int) Math.ceil(0.95 * sorted.length) - 1];
		assertThat(daily.percentileMs(95)).isCloseTo(trueP95, within(trueP95 * 0.01));
		assertThat(store().read(Resolution.HOURLY, List.of(endpoint), "eu-west", from, to)).hasSize(3);
		assertThat(store().read(Resolution.DAILY, List.of(endpoint), "eu-west", from, to)).hasSize(2);
		assertThat(store().read(Resolution.HOURLY, List.of(endpoint), "eu-west", from, to))
			.allSatisfy((bucket) -> assertThat(bucket.stats().checks()).isEqualTo(60));
	}

	@Test
	void reportsTheThresholdOfTheLatestCheckWhenItChanged() {
		UUID endpoint = UUID.randomUUID();
		store().write(List.of(up(endpoint, "eu-west", DAY.plusSeconds(60), 400, 500)));
		store().write(List.of(up(endpoint, "eu-west", DAY.plus(Duration.ofHours(2)), 400, 250)));

		Stats day = merged(store().read(Resolution.DAILY, List.of(endpoint), null, DAY, DAY.plus(Duration.ofDays(1))));
		Stats hours = merged(
				store().read(Resolution.HOURLY, List.of(endpoint), null, DAY, DAY.plus(Duration.ofDays(1))));

		// Each check keeps the class it got with the T of its time.
		assertThat(day.satisfied()).isEqualTo(1);
		assertThat(day.tolerating()).isEqualTo(1);
		assertThat(day.apdexThresholdMs()).isEqualTo(250);
		assertThat(hours.apdexThresholdMs()).isEqualTo(250);
	}

	@Test
	void talliesPageOfEndpointsPooledAcrossLocations() {
		UUID first = UUID.randomUUID();
		UUID second = UUID.randomUUID();
		UUID silent = UUID.randomUUID();
		store().write(List.of(up(first, "eu-west", DAY.plusSeconds(60), 100, 500),
				up(first, "us-east", DAY.plusSeconds(60), 1000, 500), refused(first, "us-east", DAY.plusSeconds(120)),
				up(second, "eu-west", DAY.plus(Duration.ofHours(5)), 100, 300)));

		for (Resolution resolution : List.of(Resolution.HOURLY, Resolution.DAILY)) {
			Map<UUID, Tally> tallies = store().tally(resolution, List.of(first, second, silent), DAY,
					DAY.plus(Duration.ofDays(1)));
			assertThat(tallies).as(resolution.name()).containsOnlyKeys(first, second);
			assertThat(tallies.get(first)).isEqualTo(new Tally(3, 2, 1, 1, 500));
			assertThat(tallies.get(first).apdex()).isEqualTo(0.5);
			assertThat(tallies.get(second)).isEqualTo(new Tally(1, 1, 1, 0, 300));
		}
		assertThat(store().tally(Resolution.HOURLY, List.of(first), DAY.plusSeconds(3600), DAY.plusSeconds(7200)))
			.isEmpty();
	}

	@Test
	void findsTheLatestCheckOfEachEndpointAtEachLocation() {
		UUID first = UUID.randomUUID();
		UUID second = UUID.randomUUID();
		Instant expires = Instant.parse("2027-03-01T00:00:00Z");
		store().write(List.of(up(first, "eu-west", DAY.plusSeconds(60), 100, 500),
				refused(first, "us-east", DAY.plusSeconds(120)), refused(first, "us-east", DAY.plusSeconds(60)),
				withCertificate(up(second, "eu-west", DAY.plusSeconds(60), 100, 500), expires),
				up(second, "eu-west", DAY.plusSeconds(30), 100, 500)));

		List<LastCheck> last = store().lastChecks(List.of(first, second, UUID.randomUUID()), DAY);

		assertThat(last).containsExactlyInAnyOrder(
				new LastCheck(first, "eu-west", OutcomeKind.UP, 200, "OK", DAY.plusSeconds(60), null),
				new LastCheck(first, "us-east", OutcomeKind.CONNECTION_REFUSED, null, "connection refused",
						DAY.plusSeconds(120), null),
				new LastCheck(second, "eu-west", OutcomeKind.UP, 200, "OK", DAY.plusSeconds(60), expires));
		assertThat(store().lastChecks(List.of(first), DAY.plusSeconds(90))).extracting(LastCheck::location)
			.containsExactly("us-east");
	}

	@Test
	void findsTheLatestCheckOfALocationThatStoppedHoursBeforeTheOthers() {
		UUID endpoint = UUID.randomUUID();
		UUID quiet = UUID.randomUUID();
		Instant now = Resolution.RAW.floor(Instant.now());
		store().write(
				List.of(up(endpoint, "eu-west", now, 100, 500), up(endpoint, "eu-west", now.minusSeconds(60), 100, 500),
						refused(endpoint, "us-east", now.minus(Duration.ofHours(5))),
						up(endpoint, "us-east", now.minus(Duration.ofHours(6)), 100, 500),
						up(quiet, "ap-south", now.minus(Duration.ofDays(3)), 100, 500)));

		List<LastCheck> last = store().lastChecks(List.of(endpoint, quiet), now.minus(Duration.ofDays(10)));

		assertThat(last).containsExactlyInAnyOrder(
				new LastCheck(endpoint, "eu-west", OutcomeKind.UP, 200, "OK", now, null),
				new LastCheck(endpoint, "us-east", OutcomeKind.CONNECTION_REFUSED, null, "connection refused",
						now.minus(Duration.ofHours(5)), null),
				new LastCheck(quiet, "ap-south", OutcomeKind.UP, 200, "OK", now.minus(Duration.ofDays(3)), null));
	}

	@Test
	void readsRecentChecksBackAsTheyWereSentNewestFirst() {
		UUID endpoint = UUID.randomUUID();
		CheckResult secure = withCertificate(up(endpoint, "us-east", DAY.plusSeconds(60), 250.25, 500),
				Instant.parse("2027-03-01T00:00:00Z"));
		CheckResult failed = refused(endpoint, "eu-west", DAY.plusSeconds(120));
		CheckResult older = up(endpoint, "eu-west", DAY.plusSeconds(60), 100, 500);
		store().write(List.of(older, failed, secure, up(UUID.randomUUID(), "eu-west", DAY.plusSeconds(90), 1, 500)));

		List<CheckResult> checks = store().checks(endpoint, null, DAY, DAY.plusSeconds(3600), 10);

		assertThat(checks).containsExactly(failed, older, secure);
		assertThat(checks.get(0).outcome().reason()).isEqualTo("connection refused");
		assertThat(checks.get(2).tlsCertExpiresAt()).isEqualTo(Instant.parse("2027-03-01T00:00:00Z"));
		assertThat(checks.get(2).protocol()).isEqualTo("h2");
	}

	@Test
	void keepsChecksOfOtherKindsWhosePhasesDidNotHappen() {
		UUID endpoint = UUID.randomUUID();
		UUID organization = UUID.randomUUID();
		// A DNS check: only the DNS phase, no status, no bytes, no protocol.
		CheckResult dnsUp = new CheckResult(endpoint, organization, "eu-west", DAY.plusSeconds(60), DAY.plusSeconds(60),
				new PhaseTimings(3.5, null, null, null, 4.0), null, 0, null, Outcome.up(), 100, ApdexClass.SATISFIED,
				null);
		CheckResult dnsMismatch = new CheckResult(endpoint, organization, "eu-west", DAY.plusSeconds(120),
				DAY.plusSeconds(120), new PhaseTimings(2.0, null, null, null, 2.5), null, 0, null,
				Outcome.failed(OutcomeKind.DNS_ANSWER_MISMATCH, Phase.DNS,
						"expected any of ['192.0.2.1'] but got ['192.0.2.2']"),
				100, ApdexClass.FRUSTRATED, null);
		// A TCP check: connect only, no phase at all on its failure.
		CheckResult tcpRefused = new CheckResult(endpoint, organization, "eu-west", DAY.plusSeconds(180),
				DAY.plusSeconds(180), new PhaseTimings(null, null, null, null, 0.5), null, 0, null,
				Outcome.failed(OutcomeKind.DNS_RCODE_MISMATCH, null, "expected rcode NOERROR but got SERVFAIL"), 100,
				ApdexClass.FRUSTRATED, null);
		store().write(List.of(dnsUp, dnsMismatch, tcpRefused));

		assertThat(store().checks(endpoint, null, DAY, DAY.plusSeconds(3600), 10)).containsExactly(tcpRefused,
				dnsMismatch, dnsUp);
		Stats stats = merged(store().read(Resolution.RAW, List.of(endpoint), null, DAY, DAY.plusSeconds(3600)));
		assertThat(stats.checks()).isEqualTo(3);
		assertThat(stats.satisfied()).isEqualTo(1);
	}

	@Test
	void readsRecentChecksOfOneLocationUpToTheLimitInTheRangeAsked() {
		UUID endpoint = UUID.randomUUID();
		List<CheckResult> written = new ArrayList<>();
		for (int minute = 0; minute < 5; minute++) {
			written.add(up(endpoint, "eu-west", DAY.plusSeconds(60L * minute), 100 + minute, 500));
			written.add(up(endpoint, "us-east", DAY.plusSeconds(60L * minute), 200 + minute, 500));
		}
		store().write(written);

		assertThat(store().checks(endpoint, "us-east", DAY, DAY.plusSeconds(240), 2))
			.extracting(CheckResult::scheduledAt, CheckResult::location)
			.containsExactly(org.assertj.core.groups.Tuple.tuple(DAY.plusSeconds(180), "us-east"),
					org.assertj.core.groups.Tuple.tuple(DAY.plusSeconds(120), "us-east"));
		assertThat(store().checks(endpoint, null, DAY.plusSeconds(60), DAY.plusSeconds(120), 10))
			.extracting(CheckResult::location)
			.containsExactly("eu-west", "us-east");
		assertThat(store().checks(endpoint, null, DAY.plusSeconds(600), DAY.plusSeconds(900), 10)).isEmpty();
	}

	@Test
	void keepsNothingOfACheckOlderThanTheRawRetention() {
		UUID endpoint = UUID.randomUUID();
		Instant old = Resolution.HOURLY.floor(Instant.now()).minus(Duration.ofDays(45));

		store().write(List.of(up(endpoint, "eu-west", old, 100, 500), up(endpoint, "eu-west", DAY, 100, 500)));

		assertThat(store().read(Resolution.RAW, List.of(endpoint), null, old, old.plusSeconds(60))).isEmpty();
		assertThat(store().read(Resolution.RAW, List.of(endpoint), null, DAY, DAY.plusSeconds(60))).hasSize(1);
	}

	@Test
	void replayedBatchesLeaveTheRollupsAsTheRawChecksAddUp() {
		UUID endpoint = UUID.randomUUID();
		List<CheckResult> checks = series(endpoint, new Random(11), DAY.plus(Duration.ofMinutes(50)), 30);
		for (int i = 0; i < checks.size(); i += 6) {
			store().write(checks.subList(i, i + 6));
		}
		// The same entry delivered again, a batch posted twice, and a replay whose
		// checks changed (a probe that re-measured): each counted once, as last sent.
		store().write(checks.subList(12, 18));
		store().write(checks.subList(0, 30));
		List<CheckResult> changed = new ArrayList<>();
		for (CheckResult check : checks.subList(40, 46)) {
			changed.add(up(endpoint, check.location(), check.scheduledAt(), 2600, 500));
		}
		store().write(changed);
		// The same check twice in one write, as when two deliveries of a batch are
		// stored together.
		store().write(List.of(checks.get(50), checks.get(51), checks.get(50)));
		store().write(checks.subList(54, 60));

		assertRollupsAsRawChecksAddUp(endpoint);
		assertThat(merged(store().read(Resolution.DAILY, List.of(endpoint), null, DAY, DAY.plus(Duration.ofDays(1))))
			.checks()).isEqualTo(60);
	}

	@Test
	void lateCheckInAClosedHourLeavesTheRollupsAsTheRawChecksAddUp() {
		UUID endpoint = UUID.randomUUID();
		List<CheckResult> checks = series(endpoint, new Random(12), DAY.plus(Duration.ofHours(3)), 90);
		// Minute 20 of the first hour arrives late, after its hour closed.
		List<CheckResult> late = checks.subList(40, 42);
		List<CheckResult> onTime = new ArrayList<>(checks);
		onTime.removeAll(late);
		for (int i = 0; i < onTime.size(); i += 10) {
			store().write(onTime.subList(i, Math.min(onTime.size(), i + 10)));
		}
		assertThat(merged(store().read(Resolution.HOURLY, List.of(endpoint), null, DAY.plus(Duration.ofHours(3)),
				DAY.plus(Duration.ofHours(4))))
			.checks()).isEqualTo(118);

		store().rollupGrace(Duration.ZERO);
		store().write(late);
		store().write(List.of(late.get(0), up(endpoint, "ap-south", DAY.plus(Duration.ofHours(3)), 80, 500)));

		assertRollupsAsRawChecksAddUp(endpoint);
		assertThat(merged(store().read(Resolution.HOURLY, List.of(endpoint), null, DAY.plus(Duration.ofHours(3)),
				DAY.plus(Duration.ofHours(4))))
			.checks()).isEqualTo(121);
		// The next write to an open hour of the day adds to the recomputed day.
		store().rollupGrace(OPEN_FOR);
		store().write(List.of(up(endpoint, "eu-west", DAY.plus(Duration.ofHours(9)), 120, 500)));
		assertRollupsAsRawChecksAddUp(endpoint);
	}

	@Test
	void crashBetweenTheRawWriteAndTheRollupsLeavesThemAsTheRawChecksAddUpOnceRetried() {
		UUID endpoint = UUID.randomUUID();
		List<CheckResult> checks = series(endpoint, new Random(13), DAY.plus(Duration.ofMinutes(55)), 20);
		store().write(checks.subList(0, 10));
		// The worker wrote the raw checks of an entry and died before the rollups; the
		// entry is retried after another worker stored the next one.
		store().writeChecks(checks.subList(10, 20));
		store().write(checks.subList(20, 30));
		store().write(checks.subList(10, 20));
		store().write(checks.subList(30, 40));
		// Died again, this time with a batch of checks already counted.
		store().writeChecks(checks.subList(30, 40));
		store().write(checks.subList(30, 40));

		assertRollupsAsRawChecksAddUp(endpoint);
		assertThat(merged(store().read(Resolution.DAILY, List.of(endpoint), null, DAY, DAY.plus(Duration.ofDays(1))))
			.checks()).isEqualTo(40);
	}

	/**
	 * Every hourly and daily bucket of {@code endpoint} on {@link #DAY} equals what its
	 * raw checks add up to, and there is no bucket without raw checks.
	 */
	protected void assertRollupsAsRawChecksAddUp(UUID endpoint) {
		Instant to = DAY.plus(Duration.ofDays(1));
		for (Resolution rollup : List.of(Resolution.HOURLY, Resolution.DAILY)) {
			Map<String, Stats> expected = new java.util.TreeMap<>();
			for (Bucket check : store().read(Resolution.RAW, List.of(endpoint), null, DAY, to)) {
				expected.computeIfAbsent(check.location() + "@" + rollup.floor(check.time()), (k) -> new Stats())
					.add(check.stats());
			}
			Map<String, Stats> actual = new java.util.TreeMap<>();
			for (Bucket bucket : store().read(rollup, List.of(endpoint), null, DAY, to)) {
				actual.put(bucket.location() + "@" + bucket.time(), bucket.stats());
			}
			assertThat(actual.keySet()).as(rollup.name()).isEqualTo(expected.keySet());
			expected.forEach((key, raw) -> {
				Stats stored = actual.get(key);
				String what = rollup.name() + " " + key;
				assertThat(stored.checks()).as(what).isEqualTo(raw.checks());
				assertThat(stored.up()).as(what).isEqualTo(raw.up());
				assertThat(stored.satisfied()).as(what).isEqualTo(raw.satisfied());
				assertThat(stored.tolerating()).as(what).isEqualTo(raw.tolerating());
				assertThat(stored.frustrated()).as(what).isEqualTo(raw.frustrated());
				assertThat(stored.totalSum()).as(what).isCloseTo(raw.totalSum(), within(1e-6));
				assertThat(stored.dnsCount()).as(what).isEqualTo(raw.dnsCount());
				assertThat(stored.dnsSum()).as(what).isCloseTo(raw.dnsSum(), within(1e-6));
				assertThat(stored.firstByteCount()).as(what).isEqualTo(raw.firstByteCount());
				assertThat(stored.latestAtMs()).as(what).isEqualTo(raw.latestAtMs());
				assertThat(stored.apdexThresholdMs()).as(what).isEqualTo(raw.apdexThresholdMs());
				for (double percentile : new double[] { 50, 95, 99 }) {
					assertThat(stored.percentileMs(percentile)).as(what + " p" + percentile)
						.isEqualTo(raw.percentileMs(percentile));
				}
			});
		}
	}

	protected static Stats merged(List<Bucket> buckets) {
		Stats stats = new Stats();
		buckets.forEach((bucket) -> stats.add(bucket.stats()));
		return stats;
	}

	/** One check a minute at two locations, log-normal-ish times, 3% failures. */
	protected static List<CheckResult> series(UUID endpoint, Random random, Instant start, int minutes) {
		List<CheckResult> checks = new ArrayList<>();
		for (int minute = 0; minute < minutes; minute++) {
			for (String location : List.of("eu-west", "us-east")) {
				Instant at = start.plusSeconds(60L * minute);
				if (random.nextDouble() < 0.03) {
					checks.add(refused(endpoint, location, at));
				}
				else {
					checks.add(up(endpoint, location, at, Math.exp(5 + random.nextGaussian() * 0.8), 500));
				}
			}
		}
		return checks;
	}

	public static CheckResult up(UUID endpoint, String location, Instant at, double totalMs, int thresholdMs) {
		return new CheckResult(endpoint, Checks.ORGANIZATION, location, at, at.plusMillis(12),
				new PhaseTimings(1.5, 2.25, 10.0, 40.5, totalMs), 200, 1234L, null, Outcome.up(), thresholdMs,
				ApdexClass.of(Outcome.up(), totalMs, thresholdMs));
	}

	public static CheckResult withCertificate(CheckResult check, Instant expires) {
		return new CheckResult(check.endpointId(), check.organizationId(), check.location(), check.scheduledAt(),
				check.startedAt(), check.timings(), check.status(), check.bytes(), expires, check.outcome(),
				check.apdexThresholdMs(), check.apdex(), "h2");
	}

	public static CheckResult refused(UUID endpoint, String location, Instant at) {
		Outcome outcome = Outcome.failed(OutcomeKind.CONNECTION_REFUSED, Phase.CONNECT, "connection refused");
		return new CheckResult(endpoint, Checks.ORGANIZATION, location, at, at.plusMillis(3),
				new PhaseTimings(0.5, null, null, null, 3.0), null, 0L, null, outcome, 500, ApdexClass.FRUSTRATED);
	}

}
