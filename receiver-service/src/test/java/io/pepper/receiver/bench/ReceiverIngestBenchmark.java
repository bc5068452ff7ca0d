package io.pepper.receiver.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

import io.pepper.contracts.v1.ApdexClass;
import io.pepper.contracts.v1.CheckResult;
import io.pepper.contracts.v1.Outcome;
import io.pepper.contracts.v1.OutcomeKind;
import io.pepper.contracts.v1.Phase;
import io.pepper.contracts.v1.PhaseTimings;
import io.pepper.contracts.v1.ResultBatch;
import io.pepper.contracts.v1.WireJson;
import io.pepper.receiver.ReceiverProperties;
import io.pepper.receiver.queue.ResultQueue;
import io.pepper.receiver.queue.ResultWorker;
import io.pepper.receiver.servers.RedisProcess;
import io.pepper.receiver.store.MetricStore;
import io.pepper.receiver.store.influx.InfluxMetricStore;
import io.pepper.testsupport.LocalInflux;
import io.pepper.testsupport.TestInfluxDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.redis.core.RedisCallback;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The receiver's ingest rate beside its peers, in one run on the same servers: results
 * per second accepted with 201 by {@code POST /v1/results} into Redis against
 * {@code redis-benchmark} XADD of entries of the same size, and results per second the
 * workers drain into InfluxDB against direct batch writes of the same results through
 * WriteApiBlocking (the InfluxDB adapter, no HTTP, no Redis). Redis is a private
 * redis-server with the append-only file fsynced on every write, as production runs it;
 * InfluxDB is the one scripts/lib.sh's start_influx started. Run with
 * {@code scripts/bench/receiver-ingest}.
 */
@Tag("benchmark")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReceiverIngestBenchmark {

	private static final int BATCHES = Integer.getInteger("bench.batches", 400);

	private static final int BATCH_SIZE = Integer.getInteger("bench.batch-size", 500);

	private static final int CLIENTS = Integer.getInteger("bench.clients", 8);

	private static final int WARM_UP = 150;

	/** Where the figures go besides standard output, which the build may redirect. */
	private static final Path REPORT = Path.of("target", "receiver-ingest-benchmark.txt");

	private static final int ENDPOINTS = 1000;

	private static final List<UUID> ENDPOINT_IDS = IntStream.range(0, ENDPOINTS)
		.mapToObj((i) -> new UUID(0x5eedL, i))
		.toList();

	private static final List<String> LOCATIONS = List.of("eu-west", "us-east", "ap-south");

	private static final String TOKEN = "bench-token";

	/** The longest argument Linux passes to a process is 128 KiB. */
	private static final int MAX_ARGUMENT = 100_000;

	private static final RedisProcess REDIS = new RedisProcess();

	private static final TestInfluxDatabase DATABASE = LocalInflux.fromEnvironment().createDatabase("bench_ingest");

	static {
		REDIS.start();
	}

	@DynamicPropertySource
	static void servers(DynamicPropertyRegistry registry) {
		registry.add("spring.data.redis.host", () -> "127.0.0.1");
		registry.add("spring.data.redis.port", REDIS::port);
		registry.add("pepper.receiver.ingest-token-sha256", () -> sha256(TOKEN));
		registry.add("pepper.receiver.max-batch-bytes", () -> "64MB");
		registry.add("pepper.receiver.influx.url", () -> DATABASE.server().url());
		registry.add("pepper.receiver.influx.database", DATABASE::name);
		registry.add("pepper.receiver.influx.v1-compat", () -> "true");
		registry.add("pepper.receiver.queue.read-count", () -> "10");
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

	private final List<String> report = new ArrayList<>();

	@AfterAll
	void cleanUp() {
		this.worker.stop();
		this.http.close();
		REDIS.close();
		DATABASE.close();
	}

	@Test
	void ingestAndDrainBesideRawRedisAndInfluxWrites() throws Exception {
		this.worker.stop();
		// Warm-up: JIT, connections, the database; not measured.
		ingest(batches(WARM_UP, UUID.randomUUID()));
		drain(1, WARM_UP);

		List<byte[]> first = batches(BATCHES, UUID.randomUUID());
		int entryBytes = first.stream().mapToInt((body) -> body.length).sum() / first.size();
		line("Receiver ingest benchmark: %d batches of %d results (%,d bytes each as JSON), %d HTTP clients, "
				+ "%d CPU cores, load average at the start %.2f", BATCHES, BATCH_SIZE, entryBytes, CLIENTS,
				Runtime.getRuntime().availableProcessors(),
				java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
		line("Redis %s on loopback, appendonly yes, appendfsync always; InfluxDB at %s", redisVersion(),
				DATABASE.server().url());

		double ingest1 = ingest(first);
		double drain1 = drain(1, BATCHES);
		double ingest2 = ingest(batches(BATCHES, UUID.randomUUID()));
		double drain2 = drain(2, BATCHES);
		double xadd = redisBenchmark(entryBytes);
		double direct1 = directWrites(1);
		double direct2 = directWrites(2);

		double ingest = (ingest1 + ingest2) / 2;
		line("");
		line("%-60s %,12.0f results/s", "POST /v1/results -> Redis stream (201), mean of 2 runs", ingest);
		line("%-60s %,12.0f results/s", "  run 1 / run 2", ingest1);
		line("%-60s %,12.0f results/s", "", ingest2);
		line("%-60s %,12.0f results/s", "redis-benchmark XADD, same entry size, -P 16, " + CLIENTS + " clients", xadd);
		line("%-60s %12.2f", "  ratio receiver / raw XADD", ingest / xadd);
		line("%-60s %,12.0f results/s", "drain Redis -> InfluxDB, 1 worker", drain1);
		line("%-60s %,12.0f results/s", "direct WriteApiBlocking batches of " + BATCH_SIZE + ", 1 thread", direct1);
		line("%-60s %12.2f", "  ratio 1 worker / direct", drain1 / direct1);
		line("%-60s %,12.0f results/s", "drain Redis -> InfluxDB, 2 workers", drain2);
		line("%-60s %,12.0f results/s", "direct WriteApiBlocking batches of " + BATCH_SIZE + ", 2 threads", direct2);
		line("%-60s %12.2f", "  ratio 2 workers / direct", drain2 / direct2);
		String figures = String.join(System.lineSeparator(), this.report) + System.lineSeparator();
		System.out.print(figures);
		Files.writeString(REPORT, figures);
	}

	/** Posts every body with CLIENTS concurrent clients; results per second accepted. */
	private double ingest(List<byte[]> bodies) throws Exception {
		AtomicInteger next = new AtomicInteger();
		long start = System.nanoTime();
		try (ExecutorService clients = Executors.newFixedThreadPool(CLIENTS)) {
			List<Future<?>> running = new ArrayList<>();
			for (int c = 0; c < CLIENTS; c++) {
				running.add(clients.submit(() -> {
					for (int i = next.getAndIncrement(); i < bodies.size(); i = next.getAndIncrement()) {
						int status = post(bodies.get(i));
						if (status != 201) {
							throw new IllegalStateException("POST answered " + status);
						}
					}
					return null;
				}));
			}
			for (Future<?> client : running) {
				client.get();
			}
		}
		return perSecond((long) bodies.size() * BATCH_SIZE, System.nanoTime() - start);
	}

	/** Starts the workers, waits until every entry is stored and acknowledged. */
	private double drain(int workers, long entries) throws InterruptedException {
		List<ResultWorker> extra = new ArrayList<>();
		long start = System.nanoTime();
		this.worker.start();
		for (int i = 1; i < workers; i++) {
			ResultWorker another = new ResultWorker(this.queue, this.store, "bench-extra-" + i,
					this.properties.queue());
			extra.add(another);
			another.start();
		}
		while (!allDelivered() || pending() > 0) {
			Thread.sleep(5);
		}
		long elapsed = System.nanoTime() - start;
		this.worker.stop();
		extra.forEach(ResultWorker::stop);
		return perSecond(entries * BATCH_SIZE, elapsed);
	}

	/**
	 * redis-benchmark appending the same number of entries of the same size, the batch
	 * split over fields below the argument limit.
	 */
	private double redisBenchmark(int entryBytes) throws IOException, InterruptedException {
		String key = "bench:xadd:" + UUID.randomUUID();
		List<String> command = new ArrayList<>(List.of("redis-benchmark", "-h", "127.0.0.1", "-p",
				String.valueOf(REDIS.port()), "-n", String.valueOf(BATCHES), "-c", String.valueOf(CLIENTS), "-P", "16",
				"--csv", "XADD", key, "*", "id", UUID.randomUUID().toString()));
		for (int remaining = entryBytes, field = 0; remaining > 0; remaining -= MAX_ARGUMENT, field++) {
			command.add("batch" + field);
			command.add("x".repeat(Math.min(remaining, MAX_ARGUMENT)));
		}
		Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
		String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		assertThat(process.waitFor()).as(output).isZero();
		assertThat(this.redis.opsForStream().size(key)).isEqualTo(BATCHES);
		this.redis.delete(key);
		// --csv prints "test","rps",...; the last line holds the figures.
		String[] cells = output.strip().lines().reduce((a, b) -> b).orElseThrow().split(",");
		return Double.parseDouble(cells[1].replace("\"", "")) * BATCH_SIZE;
	}

	/** The same results written straight to InfluxDB in batches, by this many threads. */
	private double directWrites(int threads) throws Exception {
		List<List<CheckResult>> batches = new ArrayList<>();
		UUID organization = UUID.randomUUID();
		for (int i = 0; i < BATCHES; i++) {
			batches.add(results(organization, i));
		}
		AtomicInteger next = new AtomicInteger();
		long start = System.nanoTime();
		try (ExecutorService writers = Executors.newFixedThreadPool(threads)) {
			List<Future<?>> running = new ArrayList<>();
			for (int t = 0; t < threads; t++) {
				running.add(writers.submit(() -> {
					try (InfluxMetricStore direct = new InfluxMetricStore(this.properties.influx())) {
						for (int i = next.getAndIncrement(); i < batches.size(); i = next.getAndIncrement()) {
							direct.write(batches.get(i));
						}
					}
					return null;
				}));
			}
			for (Future<?> writer : running) {
				writer.get();
			}
		}
		return perSecond((long) BATCHES * BATCH_SIZE, System.nanoTime() - start);
	}

	/**
	 * Request bodies of BATCH_SIZE results each of one organization: ENDPOINTS endpoints
	 * from every location, minute after minute, a twentieth of them failed.
	 */
	private static List<byte[]> batches(int count, UUID organization) {
		List<byte[]> bodies = new ArrayList<>(count);
		for (int i = 0; i < count; i++) {
			bodies.add(WireJson.mapper()
				.writeValueAsBytes(new ResultBatch(UUID.randomUUID(), "bench-probe", results(organization, i))));
		}
		return bodies;
	}

	private static List<CheckResult> results(UUID organization, int batch) {
		List<CheckResult> results = new ArrayList<>(BATCH_SIZE);
		int perMinute = ENDPOINTS * LOCATIONS.size();
		for (int i = 0; i < BATCH_SIZE; i++) {
			long n = (long) batch * BATCH_SIZE + i;
			Instant scheduledAt = Instant.parse("2026-03-01T00:00:00Z").plus(Duration.ofMinutes(n / perMinute));
			int series = (int) (n % perMinute);
			UUID endpoint = ENDPOINT_IDS.get(series % ENDPOINTS);
			String location = LOCATIONS.get(series / ENDPOINTS);
			boolean failed = n % 20 == 19;
			double total = failed ? 10_000 : 80 + (n % 37) * 7.5;
			Outcome outcome = failed ? Outcome.failed(OutcomeKind.TIMEOUT, Phase.FIRST_BYTE, "no first byte")
					: Outcome.up();
			results.add(new CheckResult(endpoint, organization, location, scheduledAt, scheduledAt.plusMillis(n % 997),
					new PhaseTimings(1.25, 3.5, 12.0, failed ? null : total - 20, total), failed ? null : 200, 18_432L,
					scheduledAt.plus(Duration.ofDays(60)), outcome, 500, ApdexClass.of(outcome, total, 500)));
		}
		return results;
	}

	private int post(byte[] body) {
		HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + ResultBatch.PATH))
			.header("Content-Type", "application/json")
			.header("Authorization", "Bearer " + TOKEN)
			.POST(HttpRequest.BodyPublishers.ofByteArray(body))
			.build();
		try {
			return this.http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/** Whether the group read every entry of the stream. */
	private boolean allDelivered() {
		String last = this.redis.opsForStream().info(this.queue.stream()).lastGeneratedId();
		return this.redis.opsForStream()
			.groups(this.queue.stream())
			.stream()
			.anyMatch((group) -> group.groupName().equals(this.queue.group()) && last.equals(group.lastDeliveredId()));
	}

	private long pending() {
		return this.redis.opsForStream().pending(this.queue.stream(), this.queue.group()).getTotalPendingMessages();
	}

	private String redisVersion() {
		Properties info = this.redis
			.execute((RedisCallback<Properties>) (connection) -> connection.serverCommands().info("server"));
		return (info != null) ? info.getProperty("redis_version", "?") : "?";
	}

	private static double perSecond(long count, long nanos) {
		return count * 1e9 / nanos;
	}

	private void line(String format, Object... args) {
		this.report.add(String.format(Locale.ROOT, format, args));
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
