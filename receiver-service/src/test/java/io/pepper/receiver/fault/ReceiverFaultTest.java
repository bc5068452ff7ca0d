package io.pepper.receiver.fault;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import io.pepper.contracts.v1.ApdexClass;
import io.pepper.contracts.v1.CheckResult;
import io.pepper.contracts.v1.Outcome;
import io.pepper.contracts.v1.OutcomeKind;
import io.pepper.contracts.v1.Phase;
import io.pepper.contracts.v1.PhaseTimings;
import io.pepper.contracts.v1.ResultBatch;
import io.pepper.contracts.v1.WireJson;
import io.pepper.receiver.Checks;
import io.pepper.receiver.ReceiverProperties;
import io.pepper.receiver.queue.ResultQueue;
import io.pepper.receiver.queue.ResultWorker;
import io.pepper.receiver.servers.InfluxProcess;
import io.pepper.receiver.servers.RedisProcess;
import io.pepper.receiver.store.MetricStore;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
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
 * The receiver against servers of its own that the test kills and restarts. Each case
 * checks the ingest promise: every result answered with 201 is in the store afterwards,
 * once per endpoint, location and scheduled time.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReceiverFaultTest {

	private static final String TOKEN = "fault-test-token";

	private static final String DATABASE = "faults";

	private static final Duration PATIENCE = Duration.ofSeconds(30);

	private static final RedisProcess REDIS = new RedisProcess();

	private static final InfluxProcess INFLUX = new InfluxProcess();

	static {
		REDIS.start();
		INFLUX.start();
	}

	@DynamicPropertySource
	static void servers(DynamicPropertyRegistry registry) {
		registry.add("spring.data.redis.host", () -> "127.0.0.1");
		registry.add("spring.data.redis.port", REDIS::port);
		registry.add("pepper.receiver.ingest-token-sha256", () -> sha256(TOKEN));
		registry.add("pepper.receiver.influx.url", INFLUX::url);
		registry.add("pepper.receiver.influx.database", () -> DATABASE);
		registry.add("pepper.receiver.influx.v1-compat", () -> "true");
		registry.add("pepper.receiver.influx.timeout", () -> "2s");
		registry.add("pepper.receiver.queue.block", () -> "200ms");
		registry.add("pepper.receiver.queue.retry-backoff", () -> "50ms");
		registry.add("pepper.receiver.queue.max-retry-backoff", () -> "300ms");
		registry.add("pepper.receiver.queue.claim-idle", () -> "1s");
		registry.add("pepper.receiver.queue.housekeeping-interval", () -> "200ms");
	}

	@LocalServerPort
	private int port;

	@Autowired
	private ResultWorker worker;

	@Autowired
	private ResultQueue queue;

	@Autowired
	private MetricStore store;

	@Autowired
	private ReceiverProperties properties;

	@Autowired
	private StringRedisTemplate redis;

	private final HttpClient http = HttpClient.newHttpClient();

	/** Each case's results carry an organization of their own. */
	private UUID organization = UUID.randomUUID();

	/** The results the receiver answered with 201 in this case. */
	private final List<CheckResult> accepted = new ArrayList<>();

	private final AtomicInteger minute = new AtomicInteger();

	@BeforeEach
	void newCase() {
		this.organization = UUID.randomUUID();
		this.accepted.clear();
		this.minute.set(0);
	}

	private final List<ResultWorker> extraWorkers = new ArrayList<>();

	@AfterEach
	void restoreServersAndWorker() {
		this.extraWorkers.forEach(ResultWorker::stop);
		REDIS.start();
		INFLUX.start();
		this.worker.start();
	}

	@AfterAll
	void stopServers() {
		this.worker.stop();
		this.http.close();
		REDIS.close();
		INFLUX.close();
	}

	@Test
	void aWorkerKilledBetweenTheStoreWriteAndTheAcknowledgementLosesNothing() throws Exception {
		this.worker.stop();
		for (int i = 0; i < 5; i++) {
			assertThat(post(nextBatch(20))).isEqualTo(201);
		}
		// A worker whose process dies right after the store confirmed its first write.
		AtomicInteger written = new AtomicInteger();
		ResultWorker doomed = new ResultWorker(this.queue, (results) -> {
			this.store.write(results);
			written.incrementAndGet();
			throw new SimulatedCrash();
		}, "doomed", this.properties.queue());
		this.extraWorkers.add(doomed);
		doomed.start();
		await("the doomed worker wrote once and died").atMost(PATIENCE)
			.dontCatchUncaughtExceptions()
			.until(() -> written.get() == 1 && !threadAlive("results-worker-doomed"));
		assertThat(storedKeys()).hasSize(20);
		assertThat(pending()).as("all five entries, the written one too, still pending").isEqualTo(5);

		this.worker.start();

		assertEveryAcceptedResultStoredOnce();
	}

	@Test
	void resultsIngestedWhileInfluxIsDownArriveOnceItIsBack() throws Exception {
		assertThat(post(nextBatch(10))).isEqualTo(201);
		await().atMost(PATIENCE).until(() -> storedKeys().size() == 10);

		INFLUX.kill();
		for (int i = 0; i < 5; i++) {
			assertThat(post(nextBatch(10))).as("accepted while InfluxDB is down").isEqualTo(201);
		}
		await("the worker holding entries it cannot store").atMost(PATIENCE).until(() -> pending() > 0);
		INFLUX.start();
		assertThat(post(nextBatch(10))).isEqualTo(201);

		assertEveryAcceptedResultStoredOnce();
	}

	@Test
	void aRedisCrashWithTheAppendOnlyFileLosesNoAcceptedBatch() throws Exception {
		this.worker.stop();
		for (int i = 0; i < 5; i++) {
			assertThat(post(nextBatch(20))).isEqualTo(201);
		}

		REDIS.kill();
		this.worker.start();
		ResultBatch refused = nextBatch(5);
		assertThat(post(refused)).as("refused while Redis is down, so the probe keeps it").isEqualTo(503);
		REDIS.start();
		await("the receiver talks to Redis again").atMost(PATIENCE).until(() -> post(nextBatch(10)) == 201);

		assertEveryAcceptedResultStoredOnce();
	}

	@Test
	void aRedisWithTheAppendOnlyFileFsyncedOnEveryWriteRaisesNoDurabilityWarning() {
		assertThat(this.queue.durabilityWarning()).isEmpty();
	}

	@Test
	void everyBatchSentTwiceIsStoredOnce() throws Exception {
		for (int i = 0; i < 10; i++) {
			ResultBatch batch = nextBatch(15);
			assertThat(post(batch)).isEqualTo(201);
			assertThat(post(batch)).isEqualTo(201);
		}

		assertEveryAcceptedResultStoredOnce();
		assertThat(this.accepted).hasSize(150);
	}

	private void assertEveryAcceptedResultStoredOnce() {
		Set<String> expected = new HashSet<>();
		this.accepted.forEach((result) -> expected.add(key(result.endpointId().toString(), result.location(),
				String.valueOf(result.scheduledAt().toEpochMilli() * 1_000_000))));
		await("every accepted result stored").atMost(PATIENCE)
			.until(() -> pending() == 0 && storedKeys().size() == expected.size());
		List<String> stored = storedKeys();
		assertThat(stored).doesNotHaveDuplicates();
		assertThat(new HashSet<>(stored)).isEqualTo(expected);
		assertThat(deadLetters()).isZero();
	}

	/** A batch of fresh results of this case's organization, a tenth of them failed. */
	private ResultBatch nextBatch(int size) {
		Instant scheduledAt = Checks.SCHEDULED_AT.plus(Duration.ofMinutes(this.minute.getAndIncrement()));
		List<CheckResult> results = new ArrayList<>();
		for (int i = 0; i < size; i++) {
			results.add(result(UUID.randomUUID(), (i % 2 == 0) ? "eu-west" : "us-east", scheduledAt, i % 10 == 9));
		}
		ResultBatch batch = new ResultBatch(UUID.randomUUID(), "fault-probe", results);
		this.accepted.addAll(results);
		return batch;
	}

	private CheckResult result(UUID endpoint, String location, Instant scheduledAt, boolean failed) {
		Outcome outcome = failed ? Outcome.failed(OutcomeKind.TIMEOUT, Phase.FIRST_BYTE, "no first byte")
				: Outcome.up();
		double total = failed ? 10_000 : 120;
		return new CheckResult(endpoint, this.organization, location, scheduledAt, scheduledAt.plusMillis(7),
				new PhaseTimings(1.0, 2.0, 8.0, failed ? null : 60.0, total), failed ? null : 200, 512L, null, outcome,
				500, ApdexClass.of(outcome, total, 500));
	}

	private int post(ResultBatch batch) throws IOException, InterruptedException {
		HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + ResultBatch.PATH))
			.header("Content-Type", "application/json")
			.header("Authorization", "Bearer " + TOKEN)
			.timeout(Duration.ofSeconds(10))
			.POST(HttpRequest.BodyPublishers.ofString(WireJson.mapper().writeValueAsString(batch)))
			.build();
		int status = this.http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
		if (status != 201) {
			this.accepted.removeAll(batch.results());
		}
		return status;
	}

	/** Endpoint, location and time of every point stored for this case's organization. */
	private List<String> storedKeys() {
		String csv = INFLUX.query(
				"SELECT total_ms, endpoint, location FROM checks WHERE organization = '" + this.organization + "'",
				DATABASE);
		return Checks.rows(csv)
			.stream()
			.map((row) -> key(row.get("endpoint"), row.get("location"), row.get("time")))
			.toList();
	}

	private static String key(String endpoint, String location, String time) {
		return endpoint + "|" + location + "|" + time;
	}

	private long pending() {
		return this.redis.opsForStream().pending(this.queue.stream(), this.queue.group()).getTotalPendingMessages();
	}

	private long deadLetters() {
		Long length = this.redis.opsForStream().size(this.queue.deadLetterStream());
		return (length != null) ? length : 0;
	}

	private static boolean threadAlive(String name) {
		return Thread.getAllStackTraces().keySet().stream().anyMatch((thread) -> thread.getName().equals(name));
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

	/** Ends the worker's thread the way a dying process ends its work: abruptly. */
	private static final class SimulatedCrash extends Error {

		SimulatedCrash() {
			super("worker killed after the store write, before the acknowledgement", null, false, false);
		}

	}

}
