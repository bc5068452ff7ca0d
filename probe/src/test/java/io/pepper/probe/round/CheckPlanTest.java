package io.pepper.probe.round;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import io.pepper.contracts.v1.EndpointSpec;
import io.pepper.probe.Specs;
import io.pepper.probe.round.CheckPlan.PlannedCheck;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class CheckPlanTest {

	private static final Instant HOUR = Instant.parse("2026-01-01T12:00:00Z");

	private static final Duration MINUTE = Duration.ofSeconds(60);

	@ParameterizedTest
	@CsvSource(delimiter = '|', textBlock = """
			00000000-0000-0000-0000-000000000000 | 41348 | 161348
			00000000-0000-0000-0000-000000000001 | 45712 | 105712
			3f1c2a5e-8b7d-4c9e-a1f2-0d3e4b5c6a7f | 43999 | 163999
			018f3a2b-7c4d-7e5f-9a0b-1c2d3e4f5a6b | 12522 | 72522
			""")
	void placesAnEndpointAtTheSameOffsetInEveryProcessAndRelease(UUID id, long offsetIn60s, long offsetIn300s) {
		// Pinned values: a change of hash would move every endpoint's check time.
		assertThat(CheckPlan.offset(id, MINUTE)).hasMillis(offsetIn60s);
		assertThat(CheckPlan.offset(id, Duration.ofSeconds(300))).hasMillis(offsetIn300s);
	}

	@ParameterizedTest
	@ValueSource(ints = { 10, 60, 90, 300, 3600 })
	void spreadsRandomIdsEvenlyOverTheInterval(int intervalSeconds) {
		Random random = new Random(42);
		List<UUID> ids = IntStream.range(0, 60_000)
			.mapToObj((i) -> new UUID(random.nextLong(), random.nextLong()))
			.toList();

		assertEvenlySpread(ids, Duration.ofSeconds(intervalSeconds));
	}

	@Test
	void spreadsSequentialIdsEvenlyToo() {
		List<UUID> ids = IntStream.range(0, 60_000).mapToObj((i) -> new UUID(0x018f3a2b7c4d7000L, i)).toList();

		assertEvenlySpread(ids, MINUTE);
	}

	@Test
	void startsEachCheckAtItsSlotPlusItsOffsetWithinTheRound() {
		List<EndpointSpec> endpoints = endpoints(500, 60);

		List<PlannedCheck> plan = CheckPlan.spread(endpoints, HOUR, MINUTE);

		assertThat(plan).hasSize(500);
		assertThat(plan).allSatisfy((check) -> {
			assertThat(check.slot()).isEqualTo(HOUR);
			assertThat(check.startAt()).isEqualTo(HOUR.plus(CheckPlan.offset(check.endpoint().id(), MINUTE)))
				.isBetween(HOUR, HOUR.plus(MINUTE).minusMillis(1));
		});
		assertThat(plan).extracting(PlannedCheck::startAt).isSorted();
	}

	@Test
	void checksAFiveMinuteEndpointInOneMinuteRoundOutOfFiveWithItsSlotAsScheduledTime() {
		for (EndpointSpec endpoint : endpoints(200, 300)) {
			List<Integer> rounds = new ArrayList<>();
			for (int round = 0; round < 5; round++) {
				for (PlannedCheck check : CheckPlan.spread(List.of(endpoint), HOUR.plus(MINUTE.multipliedBy(round)),
						MINUTE)) {
					rounds.add(round);
					assertThat(check.slot()).isEqualTo(HOUR);
				}
			}
			long offset = CheckPlan.offset(endpoint.id(), Duration.ofSeconds(300)).toMillis();
			assertThat(rounds).containsExactly((int) (offset / 60_000));
		}
	}

	@Test
	void consecutiveRoundsRunEverySlotOfEveryIntervalExactlyOnce() {
		List<EndpointSpec> endpoints = new ArrayList<>();
		for (int interval : new int[] { 10, 45, 60, 90, 300, 3600 }) {
			endpoints.addAll(endpoints(20, interval));
		}
		Instant from = HOUR.minus(Duration.ofHours(1));
		List<PlannedCheck> all = new ArrayList<>();
		for (Instant round = from; round.isBefore(HOUR.plus(Duration.ofHours(1))); round = round.plus(MINUTE)) {
			List<PlannedCheck> plan = CheckPlan.spread(endpoints, round, MINUTE);
			Instant start = round;
			assertThat(plan)
				.allSatisfy((check) -> assertThat(check.startAt()).isBetween(start, start.plus(MINUTE).minusMillis(1)));
			all.addAll(plan);
		}

		Map<UUID, List<Instant>> slots = all.stream()
			.collect(Collectors.groupingBy((check) -> check.endpoint().id(),
					Collectors.mapping(PlannedCheck::slot, Collectors.toList())));
		for (EndpointSpec endpoint : endpoints) {
			long interval = endpoint.intervalSeconds() * 1000L;
			long offset = CheckPlan.offset(endpoint.id(), Duration.ofMillis(interval)).toMillis();
			List<Long> expected = new ArrayList<>();
			for (long slot = Math.ceilDiv(from.toEpochMilli() - offset, interval) * interval; slot
					+ offset < HOUR.plus(Duration.ofHours(1)).toEpochMilli(); slot += interval) {
				expected.add(slot);
			}
			assertThat(slots.get(endpoint.id())).as("slots of a %d s endpoint", endpoint.intervalSeconds())
				.extracting(Instant::toEpochMilli)
				.containsExactlyElementsOf(expected)
				.allSatisfy((slot) -> assertThat(slot % interval).isZero());
			assertThat(expected).hasSize((int) (Duration.ofHours(2).toMillis() / interval));
		}
	}

	@Test
	void onceRunsEveryDueEndpointOnceAndNow() {
		EndpointSpec everyTenSeconds = endpoints(1, 10).getFirst();
		EndpointSpec everyMinute = endpoints(1, 60).getFirst();
		EndpointSpec notThisRound = endpoints(200, 3600).stream()
			.filter((endpoint) -> CheckPlan.offset(endpoint.id(), Duration.ofHours(1)).toMillis() >= 60_000)
			.findFirst()
			.orElseThrow();
		Instant now = HOUR.plusMillis(1_500);

		List<PlannedCheck> plan = CheckPlan.immediate(List.of(everyTenSeconds, notThisRound, everyMinute), HOUR, MINUTE,
				now);

		assertThat(plan).extracting((check) -> check.endpoint().id())
			.containsExactly(everyTenSeconds.id(), everyMinute.id());
		assertThat(plan).extracting(PlannedCheck::startAt).containsOnly(now);
		assertThat(plan).extracting(PlannedCheck::slot).containsOnly(HOUR);
	}

	private static void assertEvenlySpread(List<UUID> ids, Duration interval) {
		int buckets = 50;
		long width = interval.toMillis() / buckets;
		int[] counts = new int[buckets];
		for (UUID id : ids) {
			Duration offset = CheckPlan.offset(id, interval);
			assertThat(offset).isBetween(Duration.ZERO, interval.minusMillis(1));
			counts[(int) Math.min(buckets - 1, offset.toMillis() / width)]++;
		}
		int expected = ids.size() / buckets;
		assertThat(IntStream.of(counts).min().orElseThrow()).isGreaterThanOrEqualTo(expected * 85 / 100);
		assertThat(IntStream.of(counts).max().orElseThrow()).isLessThanOrEqualTo(expected * 115 / 100);
	}

	private static List<EndpointSpec> endpoints(int count, int intervalSeconds) {
		Random random = new Random(intervalSeconds);
		return IntStream.range(0, count)
			.mapToObj((i) -> Specs.withInterval(Specs.withId(Specs.get(URI.create("http://127.0.0.1/" + i)),
					new UUID(random.nextLong(), random.nextLong())), intervalSeconds))
			.toList();
	}

}
