package io.pepper.receiver.history;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.stream.Stream;

import io.micrometer.core.instrument.MeterRegistry;
import io.pepper.contracts.auth.BearerTokens;
import io.pepper.contracts.v1.CheckResult;
import io.pepper.contracts.v1.EndpointSummary;
import io.pepper.contracts.v1.HistoryPoint;
import io.pepper.contracts.v1.HistoryResolution;
import io.pepper.contracts.v1.HistorySeries;
import io.pepper.contracts.v1.LocationHistory;
import io.pepper.contracts.v1.RecentChecks;
import io.pepper.contracts.v1.OutcomeKind;
import io.pepper.contracts.v1.WireJson;
import io.pepper.receiver.queue.ResultWorker;
import io.pepper.receiver.store.MetricStore;
import io.pepper.receiver.store.MetricStoreContract;
import io.pepper.receiver.store.Resolution;
import io.pepper.testsupport.LocalRedis;
import io.pepper.testsupport.TestRedisNamespace;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static io.pepper.receiver.store.MetricStoreContract.refused;
import static io.pepper.receiver.store.MetricStoreContract.up;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The history API over HTTP, the same scenarios for each metric store; a subclass per
 * store configures it.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class HistoryApiContract {

	static final String QUERY_TOKEN = "history-query-token";

	private static final LocalRedis REDIS = LocalRedis.fromEnvironment();

	private static final TestRedisNamespace KEYS = REDIS.createNamespace("history_api");

	/** Two days ago at midnight UTC. */
	private static final Instant DAY = Resolution.DAILY.floor(Instant.now()).minus(Duration.ofDays(2));

	@DynamicPropertySource
	static void common(DynamicPropertyRegistry registry) {
		registry.add("spring.data.redis.host", REDIS::host);
		registry.add("spring.data.redis.port", REDIS::port);
		registry.add("pepper.receiver.redis-key-prefix", KEYS::prefix);
		registry.add("pepper.receiver.ingest-token-sha256", () -> BearerTokens.sha256Hex("ingest"));
		registry.add("pepper.receiver.query-token-sha256", () -> BearerTokens.sha256Hex(QUERY_TOKEN));
	}

	@LocalServerPort
	private int port;

	@Autowired
	private MetricStore store;

	@Autowired
	private ResultWorker worker;

	@Autowired
	private StringRedisTemplate redis;

	@Autowired
	private MeterRegistry meters;

	private final HttpClient http = HttpClient.newHttpClient();

	@AfterAll
	void closeAll() {
		this.worker.stop();
		this.http.close();
		KEYS.close();
	}

	@Test
	void answersHourlyStepsPooledAndPerLocationWithApdexAndItsThreshold() throws Exception {
		UUID endpoint = UUID.randomUUID();
		this.store.write(List.of(up(endpoint, "eu-west", DAY.plusSeconds(60), 100, 500),
				up(endpoint, "us-east", DAY.plusSeconds(60), 1000, 500),
				refused(endpoint, "us-east", DAY.plusSeconds(120)),
				up(endpoint, "eu-west", DAY.plus(Duration.ofHours(3)), 200, 500)));

		HistorySeries pooled = series(endpoint, DAY, DAY.plus(Duration.ofDays(1)), "1h", null, null);
		HistorySeries usEast = series(endpoint, DAY, DAY.plus(Duration.ofDays(1)), "3600", "us-east", null);

		assertThat(pooled.stepSeconds()).isEqualTo(3600);
		assertThat(pooled.apdexThresholdMs()).isEqualTo(500);
		assertThat(pooled.points()).extracting(HistoryPoint::time).containsExactly(DAY, DAY.plus(Duration.ofHours(3)));
		HistoryPoint first = pooled.points().getFirst();
		assertThat(first.checks()).isEqualTo(3);
		assertThat(first.up()).isEqualTo(2);
		assertThat(first.uptime()).isCloseTo(2 / 3.0, within(1e-9));
		assertThat(first.apdex()).isCloseTo(1.5 / 3, within(1e-9));
		assertThat(first.meanMs()).isEqualTo(550);
		assertThat(first.dnsMeanMs()).isEqualTo(1.5);
		assertThat(first.firstByteMeanMs()).isEqualTo(40.5);
		assertThat(first.p99Ms()).isCloseTo(1000, within(10.0));
		assertThat(usEast.location()).isEqualTo("us-east");
		assertThat(usEast.points()).singleElement().satisfies((point) -> {
			assertThat(point.checks()).isEqualTo(2);
			assertThat(point.tolerating()).isEqualTo(1);
			assertThat(point.frustrated()).isEqualTo(1);
		});
	}

	@Test
	void answersTheSameFromRollupsAsFromRawChecks() throws Exception {
		UUID endpoint = UUID.randomUUID();
		Random random = new Random(11);
		List<CheckResult> checks = new ArrayList<>();
		for (int minute = 0; minute < 3 * 24 * 60; minute += 7) {
			Instant at = DAY.minus(Duration.ofDays(1)).plusSeconds(60L * minute);
			checks.add((random.nextDouble() < 0.05) ? refused(endpoint, "eu-west", at)
					: up(endpoint, "eu-west", at, Math.exp(5.5 + random.nextGaussian()), 500));
		}
		for (int i = 0; i < checks.size(); i += 200) {
			this.store.write(checks.subList(i, Math.min(checks.size(), i + 200)));
		}
		Instant from = DAY.minus(Duration.ofDays(1));
		Instant to = DAY.plus(Duration.ofDays(2));

		HistorySeries daily = series(endpoint, from, to, "1d", null, null);
		HistorySeries hourly = series(endpoint, from, to, "1d", null, "hourly");
		HistorySeries raw = series(endpoint, from, to, "P1D", null, "raw");

		assertThat(daily.points()).hasSize(3);
		assertThat(daily.points()).usingRecursiveFieldByFieldElementComparatorIgnoringFields("meanMs")
			.isEqualTo(raw.points())
			.isEqualTo(hourly.points());
		for (int i = 0; i < 3; i++) {
			assertThat(daily.points().get(i).meanMs()).isCloseTo(raw.points().get(i).meanMs(), within(1e-6));
		}
		assertThat(daily.points().stream().mapToLong(HistoryPoint::checks).sum()).isEqualTo(checks.size());
	}

	@Test
	void feedsEveryStoredCheckToTheTrendDetector() {
		UUID endpoint = UUID.randomUUID();

		this.store.write(List.of(up(endpoint, "eu-west", DAY.plusSeconds(60), 100, 500),
				up(endpoint, "us-east", DAY.plusSeconds(60), 100, 500)));

		assertThat(this.redis.<String, String>opsForHash().get(KEYS.prefix() + "trend:" + endpoint, "state"))
			.contains("\"observed\":2");
	}

	@Test
	void reportsTheLatestThresholdWhenItChangedInTheWindow() throws Exception {
		UUID endpoint = UUID.randomUUID();
		this.store.write(List.of(up(endpoint, "eu-west", DAY.plusSeconds(60), 400, 500)));
		this.store.write(List.of(up(endpoint, "eu-west", DAY.plus(Duration.ofHours(5)), 400, 200)));

		HistorySeries window = series(endpoint, DAY, DAY.plus(Duration.ofDays(1)), "1d", null, null);

		assertThat(window.apdexThresholdMs()).isEqualTo(200);
		assertThat(window.points()).singleElement().satisfies((point) -> {
			assertThat(point.satisfied()).isEqualTo(1);
			assertThat(point.tolerating()).isEqualTo(1);
			assertThat(point.apdex()).isEqualTo(0.75);
		});
	}

	@Test
	void summarizesAPageOfEndpointsInTheOrderAsked() throws Exception {
		UUID busy = UUID.randomUUID();
		UUID quiet = UUID.randomUUID();
		UUID unknown = UUID.randomUUID();
		Instant now = Instant.now();
		Instant thisHour = Resolution.HOURLY.floor(now);
		this.store.write(List.of(up(busy, "eu-west", thisHour, 100, 500), up(busy, "us-east", thisHour, 1000, 500),
				refused(busy, "eu-west", thisHour.minus(Duration.ofDays(3))),
				refused(busy, "eu-west", thisHour.minus(Duration.ofDays(20))),
				up(quiet, "eu-west", thisHour.minus(Duration.ofDays(10)), 100, 300)));

		List<EndpointSummary> summaries = summaries(
				"{\"endpointIds\": [\"" + unknown + "\", \"" + busy + "\", \"" + quiet + "\"]}");

		assertThat(summaries).extracting(EndpointSummary::endpointId).containsExactly(unknown, busy, quiet);
		EndpointSummary none = summaries.get(0);
		assertThat(none).usingRecursiveComparison()
			.ignoringFields("hours")
			.isEqualTo(new EndpointSummary(unknown, null, null, null, null, null, null, null, null));
		assertThat(none.hours()).hasSize(24).allSatisfy((hour) -> assertThat(hour.uptime()).isNull());
		EndpointSummary busySummary = summaries.get(1);
		assertThat(busySummary.uptime24h()).isEqualTo(1.0);
		assertThat(busySummary.apdex24h()).isEqualTo(0.75);
		assertThat(busySummary.apdexThresholdMs()).isEqualTo(500);
		assertThat(busySummary.uptime7d()).isCloseTo(2 / 3.0, within(1e-9));
		assertThat(busySummary.uptime30d()).isEqualTo(0.5);
		assertThat(busySummary.lastOutcome()).isEqualTo(OutcomeKind.UP);
		assertThat(busySummary.lastStatus()).isEqualTo(200);
		assertThat(busySummary.lastCheckAt()).isEqualTo(thisHour);
		EndpointSummary quietSummary = summaries.get(2);
		assertThat(quietSummary.uptime24h()).isNull();
		assertThat(quietSummary.apdex24h()).isNull();
		assertThat(quietSummary.uptime7d()).isNull();
		assertThat(quietSummary.uptime30d()).isEqualTo(1.0);
		assertThat(quietSummary.lastCheckAt()).isEqualTo(thisHour.minus(Duration.ofDays(10)));
		assertThat(quietSummary.hours()).hasSize(24).allSatisfy((hour) -> assertThat(hour.checks()).isZero());
		assertThat(quietSummary.p95Ms24h()).isNull();
	}

	@Test
	void summarizesHoursLocationsPercentilesAndTheCertificate() throws Exception {
		UUID endpoint = UUID.randomUUID();
		Instant thisHour = Resolution.HOURLY.floor(Instant.now());
		Instant expires = Instant.parse("2027-03-01T00:00:00Z");
		Instant lastWeek = Resolution.DAILY.floor(thisHour).minus(Duration.ofDays(9));
		CheckResult secure = MetricStoreContract.withCertificate(up(endpoint, "eu-west", thisHour, 100, 500), expires);
		this.store.write(List.of(secure, up(endpoint, "us-east", thisHour.minusSeconds(3600), 1000, 500),
				refused(endpoint, "us-east", thisHour), up(endpoint, "eu-west", lastWeek, 50, 500)));

		EndpointSummary summary = summaries("{\"endpointIds\": [\"" + endpoint + "\"]}").getFirst();

		assertThat(summary.hours()).hasSize(24);
		assertThat(summary.hours().getLast().start()).isEqualTo(thisHour);
		assertThat(summary.hours().getLast()).isEqualTo(EndpointSummary.Hour.of(thisHour, 2, 1));
		assertThat(summary.hours().get(22)).isEqualTo(EndpointSummary.Hour.of(thisHour.minusSeconds(3600), 1, 1));
		assertThat(summary.hours().get(0).checks()).isZero();
		assertThat(summary.uptime24h()).isCloseTo(2 / 3.0, within(1e-9));
		assertThat(summary.p95Ms24h()).isCloseTo(1000, within(10.0));
		assertThat(summary.p95MsPrevious7d()).isCloseTo(50, within(1.0));
		assertThat(summary.locations()).containsExactly(
				new EndpointSummary.LocationStatus("eu-west", OutcomeKind.UP, 200, "OK", thisHour),
				new EndpointSummary.LocationStatus("us-east", OutcomeKind.CONNECTION_REFUSED, null,
						"connection refused", thisHour));
		assertThat(summary.lastOutcome()).as("a failure in the newest slot").isEqualTo(OutcomeKind.CONNECTION_REFUSED);
		assertThat(summary.tlsCertExpiresAt()).isEqualTo(expires);
	}

	@Test
	void pagesRecentChecksWithoutLosingAnyBetweenPages() throws Exception {
		UUID endpoint = UUID.randomUUID();
		List<CheckResult> written = new ArrayList<>();
		for (int minute = 0; minute < 3; minute++) {
			written.add(up(endpoint, "eu-west", DAY.plusSeconds(60L * minute), 100, 500));
			written.add(refused(endpoint, "us-east", DAY.plusSeconds(60L * minute)));
		}
		this.store.write(written);

		RecentChecks first = recent(endpoint, "limit=3");
		assertThat(first.checks()).as("the page is completed to its oldest slot")
			.extracting(CheckResult::scheduledAt)
			.containsExactly(DAY.plusSeconds(120), DAY.plusSeconds(120), DAY.plusSeconds(60), DAY.plusSeconds(60));
		assertThat(first.nextBefore()).isEqualTo(DAY.plusSeconds(60));
		RecentChecks second = recent(endpoint, "limit=3&before=" + first.nextBefore());
		assertThat(second.checks()).extracting(CheckResult::scheduledAt, CheckResult::location)
			.containsExactly(org.assertj.core.groups.Tuple.tuple(DAY, "eu-west"),
					org.assertj.core.groups.Tuple.tuple(DAY, "us-east"));
		assertThat(second.nextBefore()).isNull();
		assertThat(second.checks().get(1).outcome().reason()).isEqualTo("connection refused");
		assertThat(recent(endpoint, "location=us-east").checks()).hasSize(3)
			.allSatisfy((check) -> assertThat(check.location()).isEqualTo("us-east"));
	}

	@Test
	void answersPooledAndPerLocationSeriesInOneCall() throws Exception {
		UUID endpoint = UUID.randomUUID();
		this.store.write(List.of(up(endpoint, "eu-west", DAY.plusSeconds(60), 100, 500),
				up(endpoint, "us-east", DAY.plusSeconds(60), 1000, 500),
				refused(endpoint, "us-east", DAY.plusSeconds(120)),
				up(endpoint, "eu-west", DAY.plus(Duration.ofHours(3)), 200, 500)));
		Instant to = DAY.plus(Duration.ofDays(1));

		LocationHistory history = locations(endpoint, "from=" + DAY + "&to=" + to + "&step=1h");

		assertThat(history.resolution()).isEqualTo(HistoryResolution.HOURLY);
		assertThat(history.apdexThresholdMs()).isEqualTo(500);
		assertThat(history.all()).isEqualTo(series(endpoint, DAY, to, "1h", null, null).points());
		assertThat(history.locations()).extracting(LocationHistory.Series::location)
			.containsExactly("eu-west", "us-east");
		assertThat(history.locations().get(0).points())
			.isEqualTo(series(endpoint, DAY, to, "1h", "eu-west", null).points());
		assertThat(history.locations().get(1).points())
			.isEqualTo(series(endpoint, DAY, to, "1h", "us-east", null).points());
	}

	@Test
	void picksTheStepAndTheResolutionFromTheRange() throws Exception {
		UUID endpoint = UUID.randomUUID();
		this.store.write(List.of(up(endpoint, "eu-west", DAY.plusSeconds(60), 100, 500),
				up(endpoint, "eu-west", DAY.plusSeconds(7200), 300, 500)));

		LocationHistory hour = locations(endpoint, "from=" + DAY + "&to=" + DAY.plusSeconds(3600));
		LocationHistory day = locations(endpoint,
				"from=" + DAY.plusSeconds(300) + "&to=" + DAY.plus(Duration.ofDays(1)).plusSeconds(300) + "&step=auto");
		LocationHistory quarter = locations(endpoint,
				"from=" + DAY.minus(Duration.ofDays(89)) + "&to=" + DAY.plus(Duration.ofDays(1)));

		assertThat(hour.stepSeconds()).isEqualTo(60);
		assertThat(hour.resolution()).isEqualTo(HistoryResolution.RAW);
		assertThat(hour.all()).extracting(HistoryPoint::time).containsExactly(DAY.plusSeconds(60));
		assertThat(day.stepSeconds()).isEqualTo(3600);
		assertThat(day.resolution()).isEqualTo(HistoryResolution.HOURLY);
		assertThat(day.from()).as("widened to whole hours").isEqualTo(DAY);
		assertThat(day.all()).extracting(HistoryPoint::time).containsExactly(DAY, DAY.plusSeconds(7200));
		assertThat(quarter.stepSeconds()).isEqualTo(86400);
		assertThat(quarter.resolution()).isEqualTo(HistoryResolution.DAILY);
		assertThat(quarter.all()).singleElement().satisfies((point) -> assertThat(point.checks()).isEqualTo(2));
		assertThat(series(endpoint, DAY, DAY.plus(Duration.ofDays(1)), "auto", null, null).resolution())
			.isEqualTo(HistoryResolution.HOURLY);
	}

	@Test
	void showsALateCheckInAClosedHourThatWasReadBefore() throws Exception {
		UUID endpoint = UUID.randomUUID();
		Instant hour = DAY.plus(Duration.ofHours(5));
		List<CheckResult> onTime = new ArrayList<>();
		for (int minute = 0; minute < 50; minute++) {
			onTime.add(up(endpoint, (minute % 2 == 0) ? "eu-west" : "us-east", hour.plusSeconds(60L * minute),
					100 + minute, 500));
		}
		this.store.write(onTime);
		Instant to = DAY.plus(Duration.ofDays(1));
		// Read twice, so the second answer comes from what the first decoded.
		series(endpoint, DAY, to, "1h", null, "hourly");
		double cached = cachedHistograms();
		HistorySeries before = series(endpoint, DAY, to, "1h", null, "hourly");
		assertThat(cachedHistograms()).as("histograms of the second read from the cache").isGreaterThan(cached);
		series(endpoint, DAY, to, "1d", null, "daily");

		this.store.write(List.of(up(endpoint, "eu-west", hour.plusSeconds(60L * 55), 4000, 500)));

		HistorySeries hourly = series(endpoint, DAY, to, "1h", null, "hourly");
		HistorySeries daily = series(endpoint, DAY, to, "1d", null, "daily");
		HistorySeries raw = series(endpoint, DAY, to, "1h", null, "raw");
		assertThat(before.points()).singleElement().satisfies((point) -> assertThat(point.checks()).isEqualTo(50));
		assertThat(hourly.points()).singleElement().satisfies((point) -> {
			assertThat(point.checks()).isEqualTo(51);
			assertThat(point.frustrated()).isEqualTo(1);
			assertThat(point.p99Ms()).isCloseTo(4000, within(40.0));
		});
		assertThat(hourly.points()).usingRecursiveFieldByFieldElementComparatorIgnoringFields("meanMs")
			.isEqualTo(raw.points());
		assertThat(daily.points()).singleElement().satisfies((point) -> {
			assertThat(point.checks()).isEqualTo(51);
			assertThat(point.p99Ms()).isCloseTo(4000, within(40.0));
		});
	}

	@Test
	void summarizesALateCheckInAClosedHourThatWasSummarizedBefore() throws Exception {
		UUID endpoint = UUID.randomUUID();
		Instant closed = Resolution.HOURLY.floor(Instant.now()).minus(Duration.ofHours(3));
		this.store.write(List.of(up(endpoint, "eu-west", closed, 100, 500), up(endpoint, "us-east", closed, 120, 500)));
		String body = "{\"endpointIds\": [\"" + endpoint + "\"]}";
		summaries(body);
		EndpointSummary before = summaries(body).getFirst();

		this.store.write(List.of(refused(endpoint, "eu-west", closed.plusSeconds(60)),
				up(endpoint, "us-east", closed.plusSeconds(60), 3000, 500)));

		EndpointSummary after = summaries(body).getFirst();
		assertThat(before.hours().get(20)).isEqualTo(EndpointSummary.Hour.of(closed, 2, 2));
		assertThat(after.hours().get(20)).isEqualTo(EndpointSummary.Hour.of(closed, 4, 3));
		assertThat(after.uptime24h()).isEqualTo(0.75);
		assertThat(before.p95Ms24h()).isCloseTo(120, within(2.0));
		assertThat(after.p95Ms24h()).isCloseTo(3000, within(30.0));
	}

	static Stream<Arguments> badRecentRequests() {
		String id = UUID.randomUUID().toString();
		return Stream.of(Arguments.of("a zero limit", id, "limit=0", "limit must be between 1 and 500"),
				Arguments.of("a limit over the page size", id, "limit=501", "limit must be between 1 and 500"),
				Arguments.of("a limit that is no number", id, "limit=many", "limit must be a whole number"),
				Arguments.of("a before that is no instant", id, "before=yesterday",
						"before must be an ISO-8601 instant"),
				Arguments.of("a blank location", id, "location=%20", "location must not be blank"),
				Arguments.of("an endpoint id that is no UUID", "endpoint-1", "limit=5", "endpointId must be a UUID"));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("badRecentRequests")
	void rejectsBadRecentCheckRequestsWithAProblem(String name, String endpoint, String query, String detail)
			throws Exception {
		assertProblem(get("/v1/history/" + endpoint + "/checks?" + query, "Bearer " + QUERY_TOKEN), 400, detail);
	}

	@Test
	void rejectsABadLocationHistoryRequestWithAProblem() throws Exception {
		assertProblem(
				get("/v1/history/" + UUID.randomUUID() + "/locations?from=2026-03-02T00:00:00Z&to=2026-03-01T00:00:00Z",
						"Bearer " + QUERY_TOKEN),
				400, "must be before to");
		assertProblem(
				get("/v1/history/" + UUID.randomUUID() + "/locations?from=2026-03-01T00:00:00Z&to=2026-03-02T00:00:00Z",
						"Bearer wrong"),
				401, "query token");
		assertProblem(get("/v1/history/" + UUID.randomUUID() + "/checks", null), 401, "query token");
	}

	private RecentChecks recent(UUID endpoint, String query) throws Exception {
		HttpResponse<String> response = get("/v1/history/" + endpoint + "/checks?" + query, "Bearer " + QUERY_TOKEN);
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		return WireJson.mapper().readValue(response.body(), RecentChecks.class);
	}

	private LocationHistory locations(UUID endpoint, String query) throws Exception {
		HttpResponse<String> response = get("/v1/history/" + endpoint + "/locations?" + query, "Bearer " + QUERY_TOKEN);
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		return WireJson.mapper().readValue(response.body(), LocationHistory.class);
	}

	static Stream<Arguments> badSeriesRequests() {
		String id = UUID.randomUUID().toString();
		return Stream.of(
				Arguments.of("from after to", id, "from=2026-03-02T00:00:00Z&to=2026-03-01T00:00:00Z&step=1h",
						"must be before to"),
				Arguments.of("a from that is no instant", id, "from=yesterday&to=2026-03-01T00:00:00Z&step=1h",
						"from must be an ISO-8601 instant"),
				Arguments.of("a zero step", id, "from=2026-03-01T00:00:00Z&to=2026-03-02T00:00:00Z&step=0",
						"step must be a whole number of seconds"),
				Arguments.of("a step that is no duration", id,
						"from=2026-03-01T00:00:00Z&to=2026-03-02T00:00:00Z&step=often", "step must be seconds"),
				Arguments.of("too many points", id, "from=2026-01-01T00:00:00Z&to=2026-03-01T00:00:00Z&step=1m",
						"at most 10000"),
				Arguments.of("daily data for a range within a day", id,
						"from=2026-03-01T05:00:00Z&to=2026-03-02T00:00:00Z&step=1d&resolution=daily",
						"needs from, to and step on whole days"),
				Arguments.of("an unknown resolution", id,
						"from=2026-03-01T00:00:00Z&to=2026-03-02T00:00:00Z&step=1h&resolution=weekly",
						"resolution must be one of"),
				Arguments.of("a blank location", id,
						"from=2026-03-01T00:00:00Z&to=2026-03-02T00:00:00Z&step=1h&location=%20",
						"location must not be blank"),
				Arguments.of("an endpoint id that is no UUID", "endpoint-1",
						"from=2026-03-01T00:00:00Z&to=2026-03-02T00:00:00Z&step=1h", "endpointId must be a UUID"),
				Arguments.of("a missing to", id, "from=2026-03-01T00:00:00Z&step=1h", "to"));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("badSeriesRequests")
	void rejectsBadSeriesRequestsWithAProblem(String name, String endpoint, String query, String detail)
			throws Exception {
		HttpResponse<String> response = get("/v1/history/" + endpoint + "?" + query, "Bearer " + QUERY_TOKEN);

		assertProblem(response, 400, detail);
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("badSummaryBodies")
	void rejectsBadSummaryRequestsWithAProblem(String name, String body, String detail) throws Exception {
		assertProblem(post(EndpointSummary.PATH, body, "Bearer " + QUERY_TOKEN), 400, detail);
	}

	static Stream<Arguments> badSummaryBodies() {
		String tooMany = Stream.generate(() -> "\"" + UUID.randomUUID() + "\"")
			.limit(501)
			.reduce((a, b) -> a + "," + b)
			.orElseThrow();
		return Stream.of(Arguments.of("no endpoints", "{\"endpointIds\": []}", "endpointIds size"),
				Arguments.of("more than a page", "{\"endpointIds\": [" + tooMany + "]}", "endpointIds size"),
				Arguments.of("an id that is no UUID", "{\"endpointIds\": [\"x\"]}", "endpointIds"),
				Arguments.of("no JSON", "{", "endpointIds"));
	}

	@Test
	void refusesReadersWithoutTheQueryToken() throws Exception {
		String query = "/v1/history/" + UUID.randomUUID()
				+ "?from=2026-03-01T00:00:00Z&to=2026-03-02T00:00:00Z&step=1h";
		for (String authorization : new String[] { null, "Bearer ingest", "Bearer wrong" }) {
			HttpResponse<String> response = get(query, authorization);
			assertProblem(response, 401, "query token");
			assertThat(response.headers().firstValue("WWW-Authenticate")).hasValue("Bearer");
		}
		assertProblem(post(EndpointSummary.PATH, "{\"endpointIds\": [\"" + UUID.randomUUID() + "\"]}", "Bearer x"), 401,
				"query token");
	}

	private HistorySeries series(UUID endpoint, Instant from, Instant to, String step, String location,
			String resolution) throws Exception {
		String query = "from=" + from + "&to=" + to + "&step=" + step
				+ ((location != null) ? "&location=" + location : "")
				+ ((resolution != null) ? "&resolution=" + resolution : "");
		HttpResponse<String> response = get("/v1/history/" + endpoint + "?" + query, "Bearer " + QUERY_TOKEN);
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		return WireJson.mapper().readValue(response.body(), HistorySeries.class);
	}

	private double cachedHistograms() {
		return this.meters.get("pepper.receiver.history.histograms").tag("from", "cache").functionCounter().count();
	}

	private List<EndpointSummary> summaries(String body) throws Exception {
		HttpResponse<String> response = post(EndpointSummary.PATH, body, "Bearer " + QUERY_TOKEN);
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		return WireJson.mapper().readValue(response.body(), new TypeReference<List<EndpointSummary>>() {
		});
	}

	private HttpResponse<String> get(String path, String authorization) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + path));
		if (authorization != null) {
			request.header("Authorization", authorization);
		}
		return this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	private HttpResponse<String> post(String path, String body, String authorization) throws Exception {
		HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + path))
			.header("Content-Type", "application/json")
			.header("Authorization", authorization)
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build();
		return this.http.send(request, HttpResponse.BodyHandlers.ofString());
	}

	private static void assertProblem(HttpResponse<String> response, int status, String detail) {
		assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
		assertThat(response.headers().firstValue("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).startsWith("application/problem+json"));
		JsonNode problem = WireJson.mapper().readTree(response.body());
		assertThat(problem.get("detail").asString()).contains(detail);
	}

}
