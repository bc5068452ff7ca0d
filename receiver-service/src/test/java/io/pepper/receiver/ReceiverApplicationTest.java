package io.pepper.receiver;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.stream.Stream;

import io.pepper.contracts.v1.ResultBatch;
import io.pepper.contracts.v1.WireJson;
import io.pepper.receiver.queue.ResultQueue;
import io.pepper.receiver.queue.ResultWorker;
import io.pepper.testsupport.LocalInflux;
import io.pepper.testsupport.LocalRedis;
import io.pepper.testsupport.TestInfluxDatabase;
import io.pepper.testsupport.TestRedisNamespace;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.redis.connection.stream.MapRecord;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The whole service on real Redis and InfluxDB: HTTP intake, the stream and the worker.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReceiverApplicationTest {

	private static final String TOKEN = "receiver-test-token";

	private static final String SCRAPE_TOKEN = "scrape-token-for-the-drain-metrics";

	private static final int MAX_BATCH_BYTES = 64 * 1024;

	private static final LocalRedis REDIS = LocalRedis.fromEnvironment();

	private static final LocalInflux INFLUX = LocalInflux.fromEnvironment();

	private static final TestRedisNamespace KEYS = REDIS.createNamespace("receiver_app");

	private static final TestInfluxDatabase DATABASE = INFLUX.createDatabase("receiver_app");

	@DynamicPropertySource
	static void servers(DynamicPropertyRegistry registry) {
		registry.add("spring.data.redis.host", REDIS::host);
		registry.add("spring.data.redis.port", REDIS::port);
		registry.add("pepper.receiver.redis-key-prefix", KEYS::prefix);
		registry.add("pepper.receiver.ingest-token-sha256", () -> sha256(TOKEN));
		registry.add("pepper.metrics.scrape-token-sha256", () -> sha256(SCRAPE_TOKEN));
		registry.add("pepper.receiver.max-batch-bytes", () -> MAX_BATCH_BYTES + "B");
		registry.add("pepper.receiver.influx.url", INFLUX::url);
		registry.add("pepper.receiver.influx.database", DATABASE::name);
		registry.add("pepper.receiver.influx.v1-compat", () -> "true");
		registry.add("pepper.receiver.queue.retry-backoff", () -> "100ms");
		registry.add("pepper.receiver.queue.max-retry-backoff", () -> "1s");
	}

	@LocalServerPort
	private int port;

	@Autowired
	private StringRedisTemplate redis;

	@Autowired
	private ResultQueue queue;

	@Autowired
	private ResultWorker worker;

	private final HttpClient http = HttpClient.newHttpClient();

	@AfterAll
	void cleanUp() {
		// Stop the worker first so it cannot recreate the stream after the keys are gone.
		this.worker.stop();
		this.http.close();
		KEYS.close();
		DATABASE.close();
	}

	@Test
	void acceptsABatchOnlyOnceItIsInTheStream() throws Exception {
		ResultBatch batch = Checks.batch(Checks.up(UUID.randomUUID(), "eu-west", 90),
				Checks.up(UUID.randomUUID(), "eu-west", 95));

		HttpResponse<String> response = post(json(batch), "Bearer " + TOKEN);

		assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
		JsonNode body = WireJson.mapper().readTree(response.body());
		assertThat(body.get("batchId").asString()).isEqualTo(batch.batchId().toString());
		assertThat(body.get("accepted").asInt()).isEqualTo(2);
		List<MapRecord<String, Object, Object>> entries = this.redis.opsForStream()
			.range(this.queue.stream(), org.springframework.data.domain.Range.unbounded());
		assertThat(entries).filteredOn((entry) -> batch.batchId().toString().equals(entry.getValue().get("id")))
			.singleElement()
			.satisfies((entry) -> assertThat(WireJson.mapper()
				.readValue((String) entry.getValue().get(ResultQueue.BATCH_FIELD), ResultBatch.class))
				.isEqualTo(batch));
	}

	static Stream<Arguments> malformedBatches() {
		return Stream.of(
				malformed("a result without its location", (batch) -> result(batch).remove("location"),
						"location is required"),
				malformed("an unknown outcome kind",
						(batch) -> ((ObjectNode) result(batch).get("outcome")).put("kind", "MAYBE"),
						"results[0].outcome.kind"),
				malformed("a text where bytes are counted", (batch) -> result(batch).put("bytes", "many"),
						"results[0].bytes"),
				malformed("a result without bytes", (batch) -> result(batch).remove("bytes"), "bytes"),
				malformed("no results", (batch) -> batch.putArray("results"),
						"results size must be between 1 and 5000 but was 0"),
				malformed("a bad endpoint id", (batch) -> result(batch).put("endpointId", "not-a-uuid"),
						"results[0].endpointId"),
				malformed("a failed check counted as satisfied", (batch) -> {
					result(batch).putObject("outcome").put("kind", "TIMEOUT").put("reason", "too slow");
					result(batch).put("apdex", "SATISFIED");
				}, "apdex of a failed check must be FRUSTRATED but was SATISFIED"),
				malformed("a status no server sends", (batch) -> result(batch).put("status", 600),
						"status must be between 100 and 599"),
				malformed("negative timings",
						(batch) -> ((ObjectNode) result(batch).get("timings")).put("totalMs", -1.0), "timings.totalMs"),
				malformed("an infinite total time (1e400)",
						(batch) -> second(batch).putObject("timings").put("totalMs", new java.math.BigDecimal("1e400")),
						"results[1].timings.totalMs: must be a finite number"),
				malformed("a total time of \"Infinity\"",
						(batch) -> ((ObjectNode) result(batch).get("timings")).put("totalMs", "Infinity"),
						"results[0].timings.totalMs"),
				malformed("a check in year 999999999",
						(batch) -> second(batch).put("scheduledAt", "+999999999-01-01T00:00:00Z"),
						"results[1]: scheduledAt must be between"),
				malformed("NUL in the location", (batch) -> second(batch).put("location", "eu\u0000west"),
						"results[1].location: must not contain the NUL character"),
				malformed("a second result that is broken while the first is fine", (batch) -> {
					ObjectNode second = result(batch).deepCopy();
					second.remove("scheduledAt");
					((tools.jackson.databind.node.ArrayNode) batch.get("results")).add(second);
				}, "scheduledAt"), malformed("an empty probe name", (batch) -> batch.put("probe", " "), "probe"));
	}

	private static Arguments malformed(String name, Consumer<ObjectNode> damage, String detail) {
		ObjectNode batch = (ObjectNode) WireJson.mapper()
			.valueToTree(Checks.batch(Checks.up(UUID.randomUUID(), "eu-west", 90)));
		damage.accept(batch);
		return Arguments.of(name, batch.toString(), detail);
	}

	private static ObjectNode result(ObjectNode batch) {
		return (ObjectNode) batch.get("results").get(0);
	}

	/** A second result beside a valid first one, so the error must name its index. */
	private static ObjectNode second(ObjectNode batch) {
		ObjectNode second = result(batch).deepCopy();
		((tools.jackson.databind.node.ArrayNode) batch.get("results")).add(second);
		return second;
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("malformedBatches")
	void rejectsMalformedBatchesWithoutQueueingThem(String name, String body, String detail) throws Exception {
		long before = streamLength();

		HttpResponse<String> response = post(body, "Bearer " + TOKEN);

		assertProblem(response, 400);
		assertThat(WireJson.mapper().readTree(response.body()).get("detail").asString()).contains(detail);
		assertThat(streamLength()).isEqualTo(before);
	}

	@ParameterizedTest
	@ValueSource(strings = { "text/plain", "application/x-www-form-urlencoded" })
	void refusesABatchThatIsNotSentAsJson(String contentType) throws Exception {
		long before = streamLength();
		HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + ResultBatch.PATH))
			.header("Content-Type", contentType)
			.header("Authorization", "Bearer " + TOKEN)
			.POST(HttpRequest.BodyPublishers.ofString(json(Checks.batch(Checks.up(UUID.randomUUID(), "eu-west", 90)))))
			.build();

		HttpResponse<String> response = this.http.send(request, HttpResponse.BodyHandlers.ofString());

		assertProblem(response, 415);
		assertThat(streamLength()).isEqualTo(before);
	}

	@Test
	void rejectsABodyThatIsNotJson() throws Exception {
		long before = streamLength();

		HttpResponse<String> response = post("{\"batchId\": ", "Bearer " + TOKEN);

		assertProblem(response, 400);
		assertThat(streamLength()).isEqualTo(before);
	}

	@ParameterizedTest
	@NullSource
	@ValueSource(strings = { "Bearer wrong-token", "Basic cmVjZWl2ZXI6dGVzdA==", "Bearer " })
	void rejectsRequestsWithoutAnAcceptedToken(String authorization) throws Exception {
		long before = streamLength();

		HttpResponse<String> response = post(json(Checks.batch(Checks.up(UUID.randomUUID(), "eu-west", 90))),
				authorization);

		assertProblem(response, 401);
		assertThat(response.headers().firstValue("WWW-Authenticate")).hasValue("Bearer");
		assertThat(streamLength()).isEqualTo(before);
	}

	@Test
	void rejectsABodyLargerThanTheLimitByItsContentLength() throws Exception {
		long before = streamLength();

		HttpResponse<String> response = post(oversized(), "Bearer " + TOKEN);

		assertProblem(response, 413);
		assertThat(streamLength()).isEqualTo(before);
	}

	@Test
	void rejectsABodyLargerThanTheLimitSentWithoutContentLength() throws Exception {
		long before = streamLength();
		byte[] body = oversized().getBytes(StandardCharsets.UTF_8);
		HttpRequest request = request("Bearer " + TOKEN)
			.POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body)))
			.build();

		HttpResponse<String> response = this.http.send(request, HttpResponse.BodyHandlers.ofString());

		assertProblem(response, 413);
		assertThat(streamLength()).isEqualTo(before);
	}

	@Test
	void workerStoresAcceptedResultsAndAcknowledgesThem() throws Exception {
		UUID endpoint = UUID.randomUUID();
		ResultBatch batch = Checks.batch(Checks.up(endpoint, "eu-west", 120.5), Checks.refused(endpoint, "us-east"));

		assertThat(post(json(batch), "Bearer " + TOKEN).statusCode()).isEqualTo(201);

		await("both points in InfluxDB").atMost(Duration.ofSeconds(30)).until(() -> pointsOf(endpoint).size() == 2);
		assertThat(pointsOf(endpoint)).filteredOn("location", "eu-west")
			.singleElement()
			.satisfies((row) -> assertThat(row).containsEntry("total_ms", "120.5")
				.containsEntry("ttfb_ms", "40.5")
				.containsEntry("status", "200")
				.containsEntry("outcome", "UP")
				.containsEntry("apdex", "SATISFIED")
				.containsEntry("up", "true")
				.containsEntry("organization", Checks.ORGANIZATION.toString())
				.containsEntry("time", String.valueOf(Checks.SCHEDULED_AT.toEpochMilli() * 1_000_000)));
		assertThat(pointsOf(endpoint)).filteredOn("location", "us-east")
			.singleElement()
			.satisfies((row) -> assertThat(row).containsEntry("outcome", "CONNECTION_REFUSED")
				.containsEntry("up", "false")
				.extracting((fields) -> fields.get("status"))
				.asString()
				.isNullOrEmpty());
		await("nothing pending").atMost(Duration.ofSeconds(10)).until(() -> pendingEntries() == 0);
	}

	@Test
	void storesABatchOfFailedChecksAsDownSoUptimeCountsThem() throws Exception {
		UUID endpoint = UUID.randomUUID();
		ResultBatch failures = Checks.batch(Checks.timedOut(endpoint, "eu-west"),
				Checks.unexpectedStatus(endpoint, "us-east", 503), Checks.refused(endpoint, "ap-south"));

		HttpResponse<String> response = post(json(failures), "Bearer " + TOKEN);

		assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
		assertThat(WireJson.mapper().readTree(response.body()).get("accepted").asInt()).isEqualTo(3);
		await("all three failures in InfluxDB").atMost(Duration.ofSeconds(30))
			.until(() -> pointsOf(endpoint).size() == 3);
		assertThat(pointsOf(endpoint)).allSatisfy((row) -> assertThat(row).containsEntry("up", "false")
			.containsEntry("apdex", "FRUSTRATED")
			.containsEntry("apdex_t_ms", "500"));
		assertThat(pointsOf(endpoint)).extracting((row) -> row.get("outcome"))
			.containsExactlyInAnyOrder("TIMEOUT", "UNEXPECTED_STATUS", "CONNECTION_REFUSED");
		assertThat(pointsOf(endpoint)).filteredOn("location", "us-east")
			.singleElement()
			.satisfies((row) -> assertThat(row).containsEntry("status", "503").containsEntry("total_ms", "31.5"));
		assertThat(pointsOf(endpoint)).filteredOn("location", "eu-west")
			.singleElement()
			.satisfies((row) -> assertThat(row).containsEntry("total_ms", "10000").containsEntry("tls_ms", "9"));
	}

	@Test
	void replayedResultsKeepOnePointPerEndpointLocationAndTime() throws Exception {
		UUID endpoint = UUID.randomUUID();
		ResultBatch first = Checks.batch(Checks.up(endpoint, "eu-west", 100));
		assertThat(post(json(first), "Bearer " + TOKEN).statusCode()).isEqualTo(201);
		await().atMost(Duration.ofSeconds(30)).until(() -> pointsOf(endpoint).size() == 1);

		assertThat(post(json(first), "Bearer " + TOKEN).statusCode()).isEqualTo(201);
		ResultBatch corrected = Checks.batch(Checks.up(endpoint, "eu-west", 200));
		assertThat(post(json(corrected), "Bearer " + TOKEN).statusCode()).isEqualTo(201);

		await("the replay overwrote the point").atMost(Duration.ofSeconds(30))
			.until(() -> pendingEntries() == 0 && "200".equals(pointsOf(endpoint).getFirst().get("total_ms")));
		assertThat(pointsOf(endpoint)).hasSize(1);
	}

	@Test
	void servesTheDrainRateAndTheBacklogAsMetrics() throws Exception {
		// What other tests queued is stored first, so only this batch is counted below.
		await("earlier batches stored").atMost(Duration.ofSeconds(30))
			.until(() -> metric("pepper_receiver_queue_backlog_entries") == 0);
		double before = metric("pepper_receiver_drain_results_total");
		UUID endpoint = UUID.randomUUID();
		assertThat(post(json(Checks.batch(Checks.up(endpoint, "eu-west", 90), Checks.up(endpoint, "us-east", 95),
				Checks.refused(endpoint, "ap-south"))), "Bearer " + TOKEN)
			.statusCode()).isEqualTo(201);

		await("the three results counted").atMost(Duration.ofSeconds(30))
			.until(() -> metric("pepper_receiver_drain_results_total") - before >= 3);
		assertThat(metric("pepper_receiver_drain_results_total") - before).isEqualTo(3);
		await("nothing left to store").atMost(Duration.ofSeconds(10))
			.until(() -> metric("pepper_receiver_queue_backlog_entries") == 0
					&& metric("pepper_receiver_queue_pending_entries") == 0);
	}

	/** The value of a metric without labels at /actuator/prometheus. */
	private double metric(String name) throws IOException, InterruptedException {
		HttpResponse<String> response = this.http
			.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + "/actuator/prometheus"))
				.header("Authorization", "Bearer " + SCRAPE_TOKEN)
				.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).isEqualTo(200);
		return response.body()
			.lines()
			.filter((line) -> line.startsWith(name + " ") || line.startsWith(name + "{"))
			.map((line) -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
			.findFirst()
			.orElseThrow(() -> new AssertionError(name + " not in " + response.body()));
	}

	@Test
	void healthIsUpWithoutAToken() throws Exception {
		HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + "/actuator/health"))
			.build();

		HttpResponse<String> response = this.http.send(request, HttpResponse.BodyHandlers.ofString());

		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(WireJson.mapper().readTree(response.body()).get("status").asString()).isEqualTo("UP");
	}

	private HttpResponse<String> post(String body, String authorization) throws IOException, InterruptedException {
		HttpRequest request = request(authorization).POST(HttpRequest.BodyPublishers.ofString(body)).build();
		return this.http.send(request, HttpResponse.BodyHandlers.ofString());
	}

	private HttpRequest.Builder request(String authorization) {
		HttpRequest.Builder request = HttpRequest
			.newBuilder(URI.create("http://127.0.0.1:" + this.port + ResultBatch.PATH))
			.header("Content-Type", "application/json");
		if (authorization != null) {
			request.header("Authorization", authorization);
		}
		return request;
	}

	private static void assertProblem(HttpResponse<String> response, int status) {
		assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
		assertThat(response.headers().firstValue("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).startsWith("application/problem+json"));
		assertThat(WireJson.mapper().readTree(response.body()).get("status").asInt()).isEqualTo(status);
	}

	/** A valid batch padded past the limit with results. */
	private static String oversized() {
		UUID endpoint = UUID.randomUUID();
		ResultBatch batch = new ResultBatch(UUID.randomUUID(), "test-probe",
				Stream.generate(() -> Checks.up(endpoint, "eu-west", 90)).limit(300).toList());
		String json = json(batch);
		assertThat(json.length()).isGreaterThan(MAX_BATCH_BYTES);
		return json;
	}

	private static String json(ResultBatch batch) {
		return WireJson.mapper().writeValueAsString(batch);
	}

	private long streamLength() {
		Long length = this.redis.opsForStream().size(this.queue.stream());
		return (length != null) ? length : 0;
	}

	private long pendingEntries() {
		return this.redis.opsForStream().pending(this.queue.stream(), "writers").getTotalPendingMessages();
	}

	private List<Map<String, String>> pointsOf(UUID endpoint) {
		return Checks.rows(DATABASE.query("SELECT * FROM checks WHERE endpoint = '" + endpoint + "'"));
	}

	private static String sha256(String token) {
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
