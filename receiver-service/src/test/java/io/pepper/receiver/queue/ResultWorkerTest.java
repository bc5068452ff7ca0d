package io.pepper.receiver.queue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

import io.pepper.contracts.v1.CheckResult;
import io.pepper.contracts.v1.ResultBatch;
import io.pepper.contracts.v1.WireJson;
import io.pepper.receiver.Checks;
import io.pepper.receiver.ReceiverProperties;
import io.pepper.receiver.store.MetricStore;
import io.pepper.receiver.store.MetricStoreException;
import io.pepper.receiver.store.MetricStoreRejectedException;
import io.pepper.receiver.store.influx.InfluxMetricStore;
import io.pepper.testsupport.LocalInflux;
import io.pepper.testsupport.LocalRedis;
import io.pepper.testsupport.TestInfluxDatabase;
import io.pepper.testsupport.TestRedisNamespace;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.data.domain.Range;
import org.springframework.data.redis.connection.RedisStreamCommands.XClaimOptions;
import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.connection.stream.MapRecord;
import org.springframework.data.redis.connection.stream.RecordId;
import org.springframework.data.redis.connection.stream.StreamRecords;
import org.springframework.data.redis.core.StringRedisTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The worker alone, on real Redis and InfluxDB, with InfluxDB first out of reach. */
class ResultWorkerTest {

	private static final Duration PATIENCE = Duration.ofSeconds(20);

	private static final ReceiverProperties.Queue FAST_RETRIES = queue(Duration.ofMillis(500), 3);

	private final LocalRedis redisServer = LocalRedis.fromEnvironment();

	private final LocalInflux influx = LocalInflux.fromEnvironment();

	private final List<ResultWorker> workers = new ArrayList<>();

	private TestRedisNamespace keys;

	private TestInfluxDatabase database;

	private LettuceConnectionFactory connections;

	private StringRedisTemplate redis;

	private ResultQueue queue;

	private InfluxMetricStore unreachable;

	private InfluxMetricStore reachable;

	/** Fast retries, a 100 ms housekeeping interval and the given claim settings. */
	private static ReceiverProperties.Queue queue(Duration claimIdle, int maxDeliveries) {
		return new ReceiverProperties.Queue("writers", null, 50, Duration.ofMillis(200), Duration.ofMillis(50),
				Duration.ofMillis(200), claimIdle, maxDeliveries, 1000, 1000, Duration.ofMillis(100));
	}

	@BeforeEach
	void setUp() throws IOException {
		this.keys = this.redisServer.createNamespace("worker");
		this.database = this.influx.createDatabase("worker");
		this.connections = new LettuceConnectionFactory(
				new RedisStandaloneConfiguration(this.redisServer.host(), this.redisServer.port()));
		this.connections.afterPropertiesSet();
		this.connections.start();
		this.redis = new StringRedisTemplate(this.connections);
		this.queue = new ResultQueue(this.redis, this.keys.prefix() + "results", this.keys.prefix() + "results-dead",
				"writers");
		this.unreachable = new InfluxMetricStore(settings(closedPort()));
		this.reachable = new InfluxMetricStore(settings(URI.create(this.influx.url())));
	}

	private ReceiverProperties.Influx settings(URI url) {
		return new ReceiverProperties.Influx(url, this.database.name(), "autogen", null, true, false,
				Duration.ofSeconds(2));
	}

	@AfterEach
	void tearDown() {
		this.workers.forEach(ResultWorker::stop);
		this.unreachable.close();
		this.reachable.close();
		this.connections.destroy();
		this.keys.close();
		this.database.close();
	}

	private ResultWorker start(String consumer, MetricStore store, ReceiverProperties.Queue settings) {
		ResultWorker worker = new ResultWorker(this.queue, store, consumer, settings);
		this.workers.add(worker);
		worker.start();
		return worker;
	}

	@Test
	void keepsTheEntryPendingWhileTheStoreFailsAndAcknowledgesItOnceStored() {
		CountingStore store = new CountingStore(this.unreachable);
		UUID endpoint = UUID.randomUUID();
		// Queued before the group exists, as when probes post before any worker started.
		this.queue.enqueue(Checks.batch(Checks.up(endpoint, "eu-west", 87.5)));
		start("worker-under-test", store, FAST_RETRIES);

		await("several failed writes").atMost(PATIENCE).until(() -> store.failures.get() >= 3);
		assertThat(pendingEntries()).isEqualTo(1);
		assertThat(pointsOf(endpoint)).isZero();

		store.target = this.reachable;
		await("the entry stored and acknowledged").atMost(PATIENCE)
			.until(() -> pendingEntries() == 0 && pointsOf(endpoint) == 1);
		assertThat(this.database.query("SELECT total_ms FROM checks WHERE endpoint = '" + endpoint + "'"))
			.contains("87.5");
	}

	@Test
	void anOutageOfTheStoreUsesUpNoDeliveryAttempts() {
		// Two workers share the failing store; neither may claim the other's entries or
		// count the outage against them, though it lasts many claim-idle periods.
		ReceiverProperties.Queue settings = queue(Duration.ofMillis(800), 1);
		CountingStore store = new CountingStore(this.unreachable);
		List<UUID> endpoints = IntStream.range(0, 3).mapToObj((i) -> UUID.randomUUID()).toList();
		endpoints.forEach((endpoint) -> this.queue.enqueue(Checks.batch(Checks.up(endpoint, "eu-west", 90))));
		start("outage-1", store, settings);
		start("outage-2", store, settings);

		await("writes failing for several claim-idle periods").atMost(PATIENCE).until(() -> store.failures.get() >= 20);
		store.target = this.reachable;

		await("every entry stored").atMost(PATIENCE)
			.until(() -> pendingEntries() == 0 && endpoints.stream().allMatch((endpoint) -> pointsOf(endpoint) == 1));
		assertThat(deadLetters()).isEmpty();
	}

	@Test
	void claimsTheEntriesOfAWorkerThatDiedOnceTheyWereIdleLongEnough() {
		UUID endpoint = UUID.randomUUID();
		this.queue.createGroupIfAbsent();
		this.queue.enqueue(Checks.batch(Checks.up(endpoint, "eu-west", 91)));
		// A worker that read the entry and died before storing it.
		assertThat(this.queue.readNew("died", 10, Duration.ofMillis(100))).hasSize(1);

		start("survivor", this.reachable, queue(Duration.ofMillis(500), 3));

		await("the entry claimed, stored and acknowledged").atMost(PATIENCE)
			.until(() -> pendingEntries() == 0 && pointsOf(endpoint) == 1);
		assertThat(deadLetters()).isEmpty();
	}

	@Test
	void movesAnEntryThatKeepsFailingToTheDeadLetterStreamAfterMaxDeliveries() {
		UUID poisoned = UUID.randomUUID();
		UUID healthy = UUID.randomUUID();
		CountingStore store = new CountingStore(this.reachable);
		store.failingEndpoint = poisoned;
		RecordId entry = this.queue.enqueue(Checks.batch(Checks.up(poisoned, "eu-west", 90)));
		this.queue.enqueue(Checks.batch(Checks.up(healthy, "eu-west", 90)));

		start("poisoned", store, queue(Duration.ofSeconds(30), 3));

		await("the entry dead-lettered").atMost(PATIENCE).until(() -> deadLetters().size() == 1);
		await("the healthy entry stored").atMost(PATIENCE).until(() -> pendingEntries() == 0 && pointsOf(healthy) == 1);
		assertThat(store.attemptsFor(poisoned)).isEqualTo(3);
		assertThat(deadLetters().getFirst().getValue())
			.containsEntry(ResultQueue.ERROR_FIELD, "cannot convert results of " + poisoned)
			.containsEntry(ResultQueue.DELIVERIES_FIELD, "3")
			.containsEntry(ResultQueue.SOURCE_ENTRY_FIELD, entry.getValue())
			.containsEntry(ResultQueue.CONSUMER_FIELD, "poisoned")
			.containsKeys(ResultQueue.BATCH_FIELD, ResultQueue.ID_FIELD, ResultQueue.DEAD_AT_FIELD);
		assertThat(ResultQueue
			.decode(StreamRecords.newRecord()
				.in(this.queue.stream())
				.withId(entry)
				.ofMap(deadLetters().getFirst().getValue()))
			.results()).extracting(CheckResult::endpointId).containsExactly(poisoned);
	}

	@Test
	void movesAPointTheStoreRejectsToTheDeadLetterStreamAtOnce() throws Exception {
		// A string total_ms in the same shard makes InfluxDB answer 400 field type
		// conflict.
		writeLineProtocol("checks,endpoint=conflict total_ms=\"text\" " + Checks.SCHEDULED_AT.toEpochMilli());
		UUID rejected = UUID.randomUUID();
		UUID later = UUID.randomUUID();
		CountingStore store = new CountingStore(this.reachable);
		this.queue.enqueue(Checks.batch(Checks.up(rejected, "eu-west", 90)));
		CheckResult nextMonth = Checks.up(later, "eu-west", 90);
		this.queue.enqueue(Checks.batch(new CheckResult(later, nextMonth.organizationId(), nextMonth.location(),
				nextMonth.scheduledAt().plus(30, ChronoUnit.DAYS), nextMonth.startedAt().plus(30, ChronoUnit.DAYS),
				nextMonth.timings(), nextMonth.status(), nextMonth.bytes(), null, nextMonth.outcome(),
				nextMonth.apdexThresholdMs(), nextMonth.apdex())));

		start("rejecting", store, queue(Duration.ofSeconds(30), 5));

		await("the rejected entry dead-lettered, the other stored").atMost(PATIENCE)
			.until(() -> deadLetters().size() == 1 && pointsOf(later) == 1 && pendingEntries() == 0);
		assertThat(store.attemptsFor(rejected)).isEqualTo(1);
		assertThat(store.rejections.get()).isEqualTo(1);
		assertThat(deadLetters().getFirst().getValue()).containsEntry(ResultQueue.DELIVERIES_FIELD, "1")
			.hasEntrySatisfying(ResultQueue.ERROR_FIELD,
					(error) -> assertThat(error).startsWith("the metric store rejected it: ")
						.contains("field type conflict"));
	}

	@Test
	void setsAsideOnlyTheResultTheStoreRejectsAndStoresTheRestOfItsBatchWithRollups() throws Exception {
		// The first result falls into a shard where total_ms is text, so InfluxDB refuses
		// it; the two beside it, a month later, are fine.
		writeLineProtocol("checks,endpoint=conflict total_ms=\"text\" " + Checks.SCHEDULED_AT.toEpochMilli());
		UUID rejected = UUID.randomUUID();
		List<UUID> fine = List.of(UUID.randomUUID(), UUID.randomUUID());
		List<CheckResult> results = new ArrayList<>();
		results.add(Checks.up(rejected, "eu-west", 90));
		fine.forEach((endpoint) -> results.add(nextMonth(Checks.up(endpoint, "eu-west", 90))));
		ResultBatch batch = new ResultBatch(UUID.randomUUID(), "probe-test", results);
		this.queue.enqueue(batch);

		start("setting-aside", this.reachable, queue(Duration.ofSeconds(30), 5));

		await("the rejected result set aside, the others stored").atMost(PATIENCE)
			.until(() -> deadLetters().size() == 1 && pendingEntries() == 0);
		assertThat(fine).allSatisfy((endpoint) -> {
			assertThat(pointsOf(endpoint)).isEqualTo(1);
			assertThat(Checks.rows(this.database.query("SELECT checks FROM " + InfluxMetricStore.HOURLY_MEASUREMENT
					+ " WHERE endpoint = '" + endpoint + "'")))
				.singleElement()
				.satisfies((row) -> assertThat(row).containsEntry("checks", "1"));
		});
		Map<String, String> dead = deadLetters().getFirst().getValue();
		assertThat(WireJson.mapper().readValue(dead.get(ResultQueue.BATCH_FIELD), ResultBatch.class).results())
			.extracting(CheckResult::endpointId)
			.containsExactly(rejected);
		assertThat(dead).hasEntrySatisfying(ResultQueue.ERROR_FIELD,
				(error) -> assertThat(error).startsWith("the metric store rejected 1 of 3 results: results[0]: ")
					.contains("field type conflict"));
	}

	private static CheckResult nextMonth(CheckResult result) {
		return new CheckResult(result.endpointId(), result.organizationId(), result.location(),
				result.scheduledAt().plus(30, ChronoUnit.DAYS), result.startedAt().plus(30, ChronoUnit.DAYS),
				result.timings(), result.status(), result.bytes(), null, result.outcome(), result.apdexThresholdMs(),
				result.apdex());
	}

	@Test
	void movesAnEntryDeliveredTooOftenToTheDeadLetterStreamWithoutWritingIt() {
		UUID endpoint = UUID.randomUUID();
		CountingStore store = new CountingStore(this.reachable);
		this.queue.createGroupIfAbsent();
		RecordId entry = this.queue.enqueue(Checks.batch(Checks.up(endpoint, "eu-west", 90)));
		this.queue.readNew("died", 10, Duration.ofMillis(100));
		// Delivered three times already, each time to a worker that died.
		this.redis.opsForStream()
			.claim(this.queue.stream(), "writers", "died-again",
					XClaimOptions.minIdle(Duration.ZERO).ids(entry).retryCount(3).idle(Duration.ofSeconds(10)));

		start("fourth", store, queue(Duration.ofMillis(500), 3));

		await("the entry dead-lettered").atMost(PATIENCE).until(() -> deadLetters().size() == 1);
		assertThat(pendingEntries()).isZero();
		assertThat(store.attemptsFor(endpoint)).isZero();
		assertThat(deadLetters().getFirst().getValue()).containsEntry(ResultQueue.DELIVERIES_FIELD, "4")
			.containsEntry(ResultQueue.ERROR_FIELD,
					"delivered 4 times and never acknowledged: each worker it went to stopped before storing it");
	}

	@Test
	void movesAnUnreadableEntryToTheDeadLetterStream() {
		RecordId entry = this.redis.opsForStream()
			.add(StreamRecords.string(Map.of(ResultQueue.BATCH_FIELD, "{\"batchId\": 1}"))
				.withStreamKey(this.queue.stream()));

		start("reader", this.reachable, FAST_RETRIES);

		await("the entry dead-lettered").atMost(PATIENCE).until(() -> deadLetters().size() == 1);
		assertThat(pendingEntries()).isZero();
		assertThat(deadLetters().getFirst().getValue()).containsEntry(ResultQueue.SOURCE_ENTRY_FIELD, entry.getValue())
			.containsEntry(ResultQueue.BATCH_FIELD, "{\"batchId\": 1}")
			.hasEntrySatisfying(ResultQueue.ERROR_FIELD, (error) -> assertThat(error).startsWith("unreadable entry: "));
	}

	@Test
	void acknowledgesClaimedEntriesWhoseDataWasDeleted() {
		UUID kept = UUID.randomUUID();
		this.queue.createGroupIfAbsent();
		RecordId deleted = this.queue.enqueue(Checks.batch(Checks.up(UUID.randomUUID(), "eu-west", 90)));
		this.queue.enqueue(Checks.batch(Checks.up(kept, "eu-west", 90)));
		assertThat(this.queue.readNew("died", 10, Duration.ofMillis(100))).hasSize(2);
		this.redis.opsForStream().delete(this.queue.stream(), deleted);

		start("survivor", this.reachable, queue(Duration.ofMillis(300), 3));

		await("both acknowledged").atMost(PATIENCE).until(() -> pendingEntries() == 0 && pointsOf(kept) == 1);
		assertThat(deadLetters()).isEmpty();
	}

	@Test
	void acknowledgesItsOwnPendingEntriesWhoseDataWasDeletedAfterARestart() {
		UUID kept = UUID.randomUUID();
		this.queue.createGroupIfAbsent();
		RecordId deleted = this.queue.enqueue(Checks.batch(Checks.up(UUID.randomUUID(), "eu-west", 90)));
		this.queue.enqueue(Checks.batch(Checks.up(kept, "eu-west", 90)));
		// The same consumer name, read before a restart and never acknowledged.
		assertThat(this.queue.readNew("restarted", 10, Duration.ofMillis(100))).hasSize(2);
		this.redis.opsForStream().delete(this.queue.stream(), deleted);

		start("restarted", this.reachable, queue(Duration.ofSeconds(30), 3));

		await("both acknowledged").atMost(PATIENCE).until(() -> pendingEntries() == 0 && pointsOf(kept) == 1);
		assertThat(deadLetters()).isEmpty();
	}

	@Test
	void twoWorkersInOneGroupWriteEveryEntryOnce() {
		CountingStore store = new CountingStore(this.reachable);
		ReceiverProperties.Queue settings = new ReceiverProperties.Queue("writers", null, 2, Duration.ofMillis(200),
				Duration.ofMillis(50), Duration.ofMillis(200), Duration.ofSeconds(60), 3, 1000, 1000,
				Duration.ofMillis(100));
		this.queue.createGroupIfAbsent();
		start("instance-a", store, settings);
		start("instance-b", store, settings);
		List<UUID> endpoints = IntStream.range(0, 100).mapToObj((i) -> UUID.randomUUID()).toList();

		endpoints.forEach((endpoint) -> this.queue.enqueue(Checks.batch(Checks.up(endpoint, "eu-west", 90),
				Checks.up(endpoint, "us-east", 95), Checks.timedOut(endpoint, "ap-south"))));

		await("every entry acknowledged").atMost(PATIENCE)
			.until(() -> pendingEntries() == 0 && store.attempts.keySet().containsAll(endpoints));
		assertThat(store.attempts).allSatisfy((endpoint, attempts) -> assertThat(attempts.get()).isOne());
		assertThat(store.consumers).containsExactlyInAnyOrder("results-worker-instance-a", "results-worker-instance-b");
		assertThat(Checks.rows(this.database.query("SELECT count(total_ms) FROM checks")).getFirst())
			.containsEntry("count", "300");
	}

	@Test
	void storesManyEntriesInOneWriteUpToTheBatchSizeAndCountsWhatItStored() {
		CountingStore store = new CountingStore(this.reachable);
		AtomicInteger stored = new AtomicInteger();
		this.queue.createGroupIfAbsent();
		List<UUID> endpoints = IntStream.range(0, 40).mapToObj((i) -> UUID.randomUUID()).toList();
		endpoints.forEach((endpoint) -> this.queue.enqueue(Checks.batch(Checks.up(endpoint, "eu-west", 90),
				Checks.up(endpoint, "us-east", 95), Checks.timedOut(endpoint, "ap-south"))));
		ResultWorker worker = new ResultWorker(this.queue, store, "batching", FAST_RETRIES,
				new ReceiverProperties.Worker(1, 30, Duration.ofMillis(300)), stored::addAndGet);
		this.workers.add(worker);
		worker.start();

		await("every entry acknowledged").atMost(PATIENCE)
			.until(() -> pendingEntries() == 0 && store.attempts.keySet().containsAll(endpoints));
		assertThat(store.writeSizes).allSatisfy((size) -> assertThat(size).isLessThanOrEqualTo(30));
		assertThat(store.writeSizes).as("whole entries of 3 results, 10 per write").contains(30);
		assertThat(store.writeSizes.size()).isLessThanOrEqualTo(8);
		assertThat(stored.get()).isEqualTo(120);
		assertThat(store.attempts).allSatisfy((endpoint, attempts) -> assertThat(attempts.get()).isOne());
		assertThat(Checks.rows(this.database.query("SELECT count(total_ms) FROM checks")).getFirst())
			.containsEntry("count", "120");
	}

	@Test
	void leavesTheGroupOnStopOnceItHoldsNothing() {
		this.queue.enqueue(Checks.batch(Checks.up(UUID.randomUUID(), "eu-west", 90)));
		ResultWorker leaving = start("leaving", this.reachable, FAST_RETRIES);
		await("the entry stored").atMost(PATIENCE).until(() -> pendingEntries() == 0 && consumers().size() == 1);
		ResultWorker holding = start("holding", this.unreachable, FAST_RETRIES);
		await("the second worker reading").atMost(PATIENCE).until(() -> consumers().size() == 2);
		leaving.stop();
		this.queue.enqueue(Checks.batch(Checks.up(UUID.randomUUID(), "eu-west", 90)));
		await("an entry pending").atMost(PATIENCE).until(() -> pendingEntries() == 1);
		assertThat(consumers()).containsExactly("holding");

		holding.stop();

		// The worker still holding an entry stays, so that another one claims it.
		assertThat(consumers()).containsExactly("holding");
	}

	private List<String> consumers() {
		List<String> names = new ArrayList<>();
		this.redis.opsForStream()
			.consumers(this.queue.stream(), "writers")
			.forEach((consumer) -> names.add(consumer.consumerName()));
		return names;
	}

	@Test
	void stopsItsThreadOnStop() {
		ResultWorker worker = start("worker-stopping", this.reachable, FAST_RETRIES);
		assertThat(threadNamed("results-worker-worker-stopping")).isTrue();

		worker.stop();

		assertThat(worker.isRunning()).isFalse();
		assertThat(threadNamed("results-worker-worker-stopping")).isFalse();
	}

	@Test
	void backsOffExponentiallyUpToTheLongestPause() {
		ResultWorker backingOff = new ResultWorker(this.queue, this.reachable, "backoff",
				new ReceiverProperties.Queue("writers", null, 50, Duration.ofSeconds(1), Duration.ofSeconds(1),
						Duration.ofSeconds(30), Duration.ofSeconds(60), 5, 1000, 1000, Duration.ofSeconds(5)));
		assertThat(List.of(1, 2, 3, 5, 6, 40).stream().map(backingOff::backoff)).containsExactly(Duration.ofSeconds(1),
				Duration.ofSeconds(2), Duration.ofSeconds(4), Duration.ofSeconds(16), Duration.ofSeconds(30),
				Duration.ofSeconds(30));
	}

	private static boolean threadNamed(String name) {
		return Thread.getAllStackTraces().keySet().stream().anyMatch((thread) -> thread.getName().equals(name));
	}

	private long pendingEntries() {
		if (!Boolean.TRUE.equals(this.redis.hasKey(this.queue.stream()))) {
			return -1;
		}
		return this.redis.opsForStream().pending(this.queue.stream(), "writers").getTotalPendingMessages();
	}

	private List<MapRecord<String, String, String>> deadLetters() {
		List<MapRecord<String, String, String>> entries = this.redis.<String, String>opsForStream()
			.range(this.queue.deadLetterStream(), Range.unbounded());
		return (entries != null) ? entries : List.of();
	}

	private int pointsOf(UUID endpoint) {
		return Checks.rows(this.database.query("SELECT * FROM checks WHERE endpoint = '" + endpoint + "'")).size();
	}

	private void writeLineProtocol(String line) throws IOException, InterruptedException {
		try (HttpClient http = HttpClient.newHttpClient()) {
			HttpResponse<String> response = http.send(HttpRequest
				.newBuilder(URI.create(this.influx.url() + "/write?precision=ms&db=" + this.database.name()))
				.POST(HttpRequest.BodyPublishers.ofString(line))
				.build(), HttpResponse.BodyHandlers.ofString());
			assertThat(response.statusCode()).as(response.body()).isEqualTo(204);
		}
	}

	private static URI closedPort() throws IOException {
		try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
			return URI.create("http://127.0.0.1:" + socket.getLocalPort());
		}
	}

	/**
	 * A real store whose target the test switches, counting writes per endpoint and the
	 * ones that failed; it can also fail, as a bug converting one batch would, for one
	 * endpoint.
	 */
	private static final class CountingStore implements MetricStore {

		volatile MetricStore target;

		volatile UUID failingEndpoint;

		final AtomicInteger failures = new AtomicInteger();

		final AtomicInteger rejections = new AtomicInteger();

		final Map<UUID, AtomicInteger> attempts = new ConcurrentHashMap<>();

		final Set<String> consumers = ConcurrentHashMap.newKeySet();

		final List<Integer> writeSizes = java.util.Collections.synchronizedList(new ArrayList<>());

		CountingStore(MetricStore target) {
			this.target = target;
		}

		int attemptsFor(UUID endpoint) {
			AtomicInteger count = this.attempts.get(endpoint);
			return (count != null) ? count.get() : 0;
		}

		@Override
		public void write(List<CheckResult> results) {
			results.stream()
				.map(CheckResult::endpointId)
				.distinct()
				.forEach((endpoint) -> this.attempts.computeIfAbsent(endpoint, (key) -> new AtomicInteger())
					.incrementAndGet());
			this.consumers.add(Thread.currentThread().getName());
			this.writeSizes.add(results.size());
			if (results.stream().anyMatch((result) -> result.endpointId().equals(this.failingEndpoint))) {
				throw new IllegalStateException("cannot convert results of " + this.failingEndpoint);
			}
			try {
				this.target.write(results);
			}
			catch (MetricStoreRejectedException ex) {
				this.rejections.incrementAndGet();
				throw ex;
			}
			catch (MetricStoreException ex) {
				this.failures.incrementAndGet();
				throw ex;
			}
		}

	}

}
