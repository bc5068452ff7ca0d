package io.pepper.receiver.recovery;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import io.pepper.contracts.v1.CheckResult;
import io.pepper.contracts.v1.ResultBatch;
import io.pepper.contracts.v1.WireJson;
import io.pepper.receiver.Checks;
import io.pepper.receiver.queue.ResultWorker;
import io.pepper.receiver.servers.FailureServiceStandIn;
import io.pepper.testsupport.LocalInflux;
import io.pepper.testsupport.LocalRedis;
import io.pepper.testsupport.TestInfluxDatabase;
import io.pepper.testsupport.TestRedisNamespace;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The whole receiver on real Redis and InfluxDB, forwarding stored successes to a local
 * stand-in for failure-service.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RecoveryApplicationTest {

	private static final String TOKEN = "receiver-test-token";

	private static final LocalRedis REDIS = LocalRedis.fromEnvironment();

	private static final LocalInflux INFLUX = LocalInflux.fromEnvironment();

	private static final TestRedisNamespace KEYS = REDIS.createNamespace("receiver_recovery");

	private static final TestInfluxDatabase DATABASE = INFLUX.createDatabase("receiver_recovery");

	private static final FailureServiceStandIn FAILURE_SERVICE = FailureServiceStandIn.start();

	@DynamicPropertySource
	static void servers(DynamicPropertyRegistry registry) {
		registry.add("spring.data.redis.host", REDIS::host);
		registry.add("spring.data.redis.port", REDIS::port);
		registry.add("pepper.receiver.redis-key-prefix", KEYS::prefix);
		registry.add("pepper.receiver.ingest-token-sha256", () -> sha256(TOKEN));
		registry.add("pepper.receiver.influx.url", INFLUX::url);
		registry.add("pepper.receiver.influx.database", DATABASE::name);
		registry.add("pepper.receiver.influx.v1-compat", () -> "true");
		registry.add("pepper.receiver.failure-url", FAILURE_SERVICE::url);
		registry.add("pepper.receiver.failure-token", () -> "failure-token");
		registry.add("pepper.receiver.recovery.poll-interval", () -> "100ms");
		registry.add("pepper.receiver.recovery.send-interval", () -> "200ms");
	}

	@LocalServerPort
	private int port;

	@Autowired
	private StringRedisTemplate redis;

	@Autowired
	private ResultWorker worker;

	@Autowired
	private WatchedEndpoints watched;

	private final HttpClient http = HttpClient.newHttpClient();

	@AfterAll
	void cleanUp() {
		this.worker.stop();
		this.http.close();
		FAILURE_SERVICE.close();
		KEYS.close();
		DATABASE.close();
	}

	@Test
	void forwardsTheStoredSuccessesOfFollowedEndpointsOnly() throws Exception {
		UUID followed = UUID.randomUUID();
		UUID other = UUID.randomUUID();
		follow(followed);
		CheckResult success = Checks.up(followed, "eu-west", 90);

		post(Checks.batch(success, Checks.refused(followed, "us-east"), Checks.up(other, "eu-west", 90)));

		await().atMost(Duration.ofSeconds(20)).until(() -> !successesOf(followed).isEmpty());
		assertThat(successesOf(followed)).containsExactly(success);
		assertThat(FAILURE_SERVICE.accepted()).flatExtracting(ResultBatch::results)
			.noneMatch((result) -> result.endpointId().equals(other));
		// Forwarded only after the store confirmed the write.
		assertThat(Checks.rows(DATABASE.query("SELECT * FROM checks WHERE endpoint = '" + followed + "'"))).hasSize(2);
	}

	@Test
	void keepsSuccessesQueuedInRedisWhileFailureServiceRefusesThem() throws Exception {
		UUID followed = UUID.randomUUID();
		follow(followed);
		FAILURE_SERVICE.answerSuccessesWith(503, 503, 503);
		int attemptsBefore = FAILURE_SERVICE.attempts().size();
		CheckResult success = Checks.up(followed, "ap-south", 120);

		post(Checks.batch(success));

		await().atMost(Duration.ofSeconds(20)).until(() -> FAILURE_SERVICE.attempts().size() > attemptsBefore);
		assertThat(this.redis.opsForList().range(KEYS.prefix() + "successes", 0, -1))
			.anyMatch((json) -> json.contains(followed.toString()));
		await().atMost(Duration.ofSeconds(20)).until(() -> !successesOf(followed).isEmpty());
		assertThat(successesOf(followed)).containsExactly(success);
		UUID batchId = FAILURE_SERVICE.accepted()
			.stream()
			.filter((batch) -> batch.results().contains(success))
			.findFirst()
			.orElseThrow()
			.batchId();
		assertThat(FAILURE_SERVICE.attempts().subList(attemptsBefore, FAILURE_SERVICE.attempts().size()))
			.containsOnly(batchId)
			.hasSize(4);
	}

	private void follow(UUID endpoint) {
		FAILURE_SERVICE.follow(List.of(endpoint));
		await().atMost(Duration.ofSeconds(10)).until(() -> this.watched.contains(endpoint));
	}

	private static List<CheckResult> successesOf(UUID endpoint) {
		return FAILURE_SERVICE.accepted()
			.stream()
			.flatMap((batch) -> batch.results().stream())
			.filter((result) -> result.endpointId().equals(endpoint))
			.toList();
	}

	private void post(ResultBatch batch) throws Exception {
		HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + ResultBatch.PATH))
			.header("Content-Type", "application/json")
			.header("Authorization", "Bearer " + TOKEN)
			.POST(HttpRequest.BodyPublishers.ofString(WireJson.mapper().writeValueAsString(batch)))
			.build();
		HttpResponse<String> response = this.http.send(request, HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
	}

	private static String sha256(String token) {
		try {
			return java.util.HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
		}
		catch (java.security.NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
