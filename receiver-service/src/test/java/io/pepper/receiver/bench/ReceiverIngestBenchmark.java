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
import java.util.concurrent.atomic.AtomicLong;

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
import com.zaxxer.hikari.HikariDataSource;
import io.pepper.receiver.store.MetricStore;
import io.pepper.receiver.store.ObservingMetricStore;
import io.pepper.receiver.store.Resolution;
import io.pepper.receiver.store.StoreObserver;
import io.pepper.receiver.store.influx.InfluxMetricStore;
import io.pepper.receiver.store.postgres.PostgresMetricStore;
import io.pepper.testsupport.LocalInflux;
import io.pepper.testsupport.LocalPostgres;
import io.pepper.testsupport.TestDatabase;
import io.pepper.testsupport.TestInfluxDatabase;
import org.flywaydb.core.Flyway;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.redis.core.RedisCallback;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The receiver's ingest rate beside its peers, in one run on the same servers: results
 * per second accepted with 201 by {@code POST /v1/results} into Redis against
 * {@code redis-benchmark} XADD of entries of the same size, and results per second the
 * workers drain, rollups and store observers on, into InfluxDB and into PostgreSQL with 1
 * and 2 workers, at a 1-minute and a 10-second interval, against each store's raw write
 * rate: check-shaped points (3 tags, 15 fields) as line protocol posted to
 * {@code /write}, and {@code COPY} of the same rows into the PostgreSQL store's checks
 * table, in batches of the worker's size with 1 and 2 clients. Our own InfluxDB adapter
 * alone (no Redis, no HTTP) is printed too, labelled as such. Redis is a private
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

	private static final int WARM_UP = 40;

	/** Where the figures go besides standard output, which the build may redirect. */
	private static final Path REPORT = Path.of("target", "receiver-ingest-benchmark.txt");

	private static final int ENDPOINTS = 1000;

	private static final List<String> LOCATIONS = List.of("eu-west", "us-east", "ap-south");

	private static final String TOKEN = "bench-token";

	/** The longest argument Linux passes to a process is 128 KiB. */
	private static final int MAX_ARGUMENT = 100_000;

	private static final RedisProcess REDIS = new RedisProcess();

	private static final TestInfluxDatabase DATABASE = LocalInflux.fromEnvironment().createDatabase("bench_ingest");

	/** Where the raw line protocol goes, apart from the receiver's database. */
	private static final TestInfluxDatabase RAW_INFLUX = LocalInflux.fromEnvironment().createDatabase("bench_raw");

	private static final TestDatabase POSTGRES = LocalPostgres.fromEnvironment().createDatabase("bench_ingest");

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
		// The checks are scheduled in the last hours: their buckets stay open for the
		// run.
		registry.add("pepper.receiver.rollups.grace", () -> "6h");
		// One instance writes, so it may keep the buckets it wrote (bench.rollup-cache=0:
		// every update reads them back).
		registry.add("pepper.receiver.rollups.cache-buckets", () -> System.getProperty("bench.rollup-cache", "200000"));
	}

	@LocalServerPort
	private int port;

	@Autowired
	private ResultWorker worker;

	@Autowired
	private ResultQueue queue;

	@Autowired
	private InfluxMetricStore influxStore;

	@Autowired
	private ObjectProvider<StoreObserver> observers;

	private final AtomicLong runs = new AtomicLong();

	private @Nullable HikariDataSource dataSource;

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
		RAW_INFLUX.close();
		if (this.dataSource != null) {
			this.dataSource.close();
		}
		POSTGRES.close();
	}

	@Test
	void ingestAndDrainBesideRawRedisInfluxAndPostgresWrites() throws Exception {
		this.worker.stop();
		// The adapters themselves, rollups on; the store observers (trend detection) are
		// measured apart, once.
		MetricStore influx = this.influxStore;
		MetricStore postgres = postgresStore();
		MetricStore observed = new ObservingMetricStore(this.influxStore, this.observers.orderedStream().toList());
		// Warm-up: JIT, connections, the databases; not measured.
		ingest(batches(WARM_UP, 60));
		progress("warm-up drain into InfluxDB", drain(influx, 1, WARM_UP));
		ingest(batches(WARM_UP, 60));
		progress("warm-up drain into PostgreSQL", drain(postgres, 1, WARM_UP));
		progress("warm-up line protocol", rawLineProtocol(1, 20));
		progress("warm-up COPY", rawCopy(1, 20));

		line("Receiver ingest benchmark: %d batches of %d results per run, %d endpoints x %d locations, "
				+ "%d HTTP clients, %d CPU cores, load average at the start %.2f", BATCHES, BATCH_SIZE, ENDPOINTS,
				LOCATIONS.size(), CLIENTS, Runtime.getRuntime().availableProcessors(), loadAverage());
		line("Redis %s on loopback, appendonly yes, appendfsync always; InfluxDB at %s; PostgreSQL %s", redisVersion(),
				DATABASE.server().url(), POSTGRES.jdbcUrl().replaceAll("\\?.*", ""));
		line("Checks scheduled in the last hours (rollups open, updated incrementally); every drain with rollups"
				+ " on, worker batch-size %d, read-count %d, rollup cache %d buckets",
				this.properties.worker().batchSize(), this.properties.queue().readCount(),
				this.properties.rollups().cacheBuckets());

		// Each raw peer runs right before its drain, so both see about the same load.
		double ingest1 = ingest(batches(BATCHES, 60));
		double rawInflux1 = progress("rawInflux1", rawLineProtocol(1, BATCHES));
		double influx1 = progress("influx1", drain(influx, 1, BATCHES));
		double ingest2 = ingest(batches(BATCHES, 60));
		double rawInflux2 = progress("rawInflux2", rawLineProtocol(2, BATCHES));
		double influx2 = progress("influx2", drain(influx, 2, BATCHES));
		ingest(batches(BATCHES, 10));
		double influx10s = progress("influx10s", drain(influx, 1, BATCHES));
		ingest(batches(BATCHES, 60));
		double rawPostgres1 = progress("rawPostgres1", rawCopy(1, BATCHES));
		double postgres1 = progress("postgres1", drain(postgres, 1, BATCHES));
		ingest(batches(BATCHES, 60));
		double rawPostgres2 = progress("rawPostgres2", rawCopy(2, BATCHES));
		double postgres2 = progress("postgres2", drain(postgres, 2, BATCHES));
		ingest(batches(BATCHES, 10));
		double postgres10s = progress("postgres10s", drain(postgres, 1, BATCHES));
		double xadd = redisBenchmark(entryBytes());
		double adapter = progress("adapter", ownAdapter(BATCHES / 4));
		ingest(batches(BATCHES / 4, 60));
		double withObservers = progress("withObservers", drain(observed, 1, BATCHES / 4));

		double ingest = (ingest1 + ingest2) / 2;
		line("load average at the end %.2f", loadAverage());
		line("");
		line("%-66s %,12.0f results/s", "POST /v1/results -> Redis stream (201), mean of 2 runs", ingest);
		line("%-66s %,12.0f results/s", "  run 1 / run 2", ingest1);
		line("%-66s %,12.0f results/s", "", ingest2);
		line("%-66s %,12.0f results/s", "redis-benchmark XADD, same entry size, -P 16, " + CLIENTS + " clients", xadd);
		line("%-66s %12.2f", "  ratio receiver / raw XADD", ingest / xadd);
		line("");
		line("InfluxDB");
		line("%-66s %,12.0f points/s", "raw line protocol POST /write, batches of " + BATCH_SIZE + ", 1 client",
				rawInflux1);
		line("%-66s %,12.0f points/s", "raw line protocol POST /write, batches of " + BATCH_SIZE + ", 2 clients",
				rawInflux2);
		line("%-66s %,12.0f results/s", "drain, 1 worker, 1-minute interval", influx1);
		line("%-66s %12.2f", "  ratio / raw, 1 client", influx1 / rawInflux1);
		line("%-66s %,12.0f results/s", "drain, 2 workers, 1-minute interval", influx2);
		line("%-66s %12.2f", "  ratio / raw, 2 clients", influx2 / rawInflux2);
		line("%-66s %,12.0f results/s", "drain, 1 worker, 10-second interval", influx10s);
		line("%-66s %12.2f", "  ratio 10-second / 1-minute interval", influx10s / influx1);
		line("%-66s %,12.0f results/s", "our own adapter (InfluxMetricStore.write, rollups), 1 thread", adapter);
		line("%-66s %,12.0f results/s", "drain, 1 worker, with the store observers (trend detection)", withObservers);
		line("");
		line("PostgreSQL");
		line("%-66s %,12.0f rows/s", "raw COPY into receiver.checks, batches of " + BATCH_SIZE + ", 1 client",
				rawPostgres1);
		line("%-66s %,12.0f rows/s", "raw COPY into receiver.checks, batches of " + BATCH_SIZE + ", 2 clients",
				rawPostgres2);
		line("%-66s %,12.0f results/s", "drain, 1 worker, 1-minute interval", postgres1);
		line("%-66s %12.2f", "  ratio / raw, 1 client", postgres1 / rawPostgres1);
		line("%-66s %,12.0f results/s", "drain, 2 workers, 1-minute interval", postgres2);
		line("%-66s %12.2f", "  ratio / raw, 2 clients", postgres2 / rawPostgres2);
		line("%-66s %,12.0f results/s", "drain, 1 worker, 10-second interval", postgres10s);
		line("%-66s %12.2f", "  ratio 10-second / 1-minute interval", postgres10s / postgres1);
		String figures = String.join(System.lineSeparator(), this.report) + System.lineSeparator();
		System.out.print(figures);
		Files.writeString(REPORT, figures);
	}

	private PostgresMetricStore postgresStore() {
		HikariDataSource dataSource = new HikariDataSource();
		dataSource.setJdbcUrl(POSTGRES.jdbcUrl());
		dataSource.setUsername(POSTGRES.username());
		dataSource.setPassword(POSTGRES.password());
		dataSource.setMaximumPoolSize(4);
		// As application.yml configures the store's pool.
		dataSource.addDataSourceProperty("reWriteBatchedInserts", "true");
		this.dataSource = dataSource;
		Flyway.configure()
			.dataSource(dataSource)
			.schemas(PostgresMetricStore.SCHEMA)
			.defaultSchema(PostgresMetricStore.SCHEMA)
			.createSchemas(true)
			.load()
			.migrate();
		PostgresMetricStore store = new PostgresMetricStore(new JdbcTemplate(dataSource), this.properties.retention(),
				java.time.Clock.systemUTC());
		store.rollupGrace(this.properties.rollups().grace());
		store.rollupCache(this.properties.rollups().cacheBuckets());
		return store;
	}

	private static double loadAverage() {
		return java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
	}

	private int entryBytes() {
		List<byte[]> sample = batches(10, 60);
		return sample.stream().mapToInt((body) -> body.length).sum() / sample.size();
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

	/**
	 * Starts this many workers on {@code store}, waits until every entry is stored and
	 * acknowledged.
	 */
	private double drain(MetricStore store, int workers, long entries) throws InterruptedException {
		List<ResultWorker> running = new ArrayList<>();
		long start = System.nanoTime();
		for (int i = 0; i < workers; i++) {
			ResultWorker worker = new ResultWorker(this.queue, store, "bench-" + UUID.randomUUID(),
					this.properties.queue(), this.properties.worker());
			running.add(worker);
			worker.start();
		}
		while (!allDelivered() || pending() > 0) {
			Thread.sleep(5);
		}
		long elapsed = System.nanoTime() - start;
		running.forEach(ResultWorker::stop);
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
		// With pipelining redis-benchmark may send a few more than -n.
		assertThat(this.redis.opsForStream().size(key)).isGreaterThanOrEqualTo(BATCHES);
		this.redis.delete(key);
		// --csv prints "test","rps",...; the last line holds the figures.
		String[] cells = output.strip().lines().reduce((a, b) -> b).orElseThrow().split(",");
		return Double.parseDouble(cells[1].replace("\"", "")) * BATCH_SIZE;
	}

	/**
	 * The store's own limit: check-shaped points (3 tags, 15 fields) as line protocol
	 * posted to InfluxDB's {@code /write} in batches of BATCH_SIZE by this many clients,
	 * into a database of their own; no Pepper code.
	 */
	private double rawLineProtocol(int clients, int count) throws Exception {
		List<byte[]> bodies = new ArrayList<>(count);
		for (List<CheckResult> batch : resultBatches(count, 60)) {
			StringBuilder lines = new StringBuilder(batch.size() * 400);
			batch.forEach((result) -> lineProtocol(lines, result));
			bodies.add(lines.toString().getBytes(StandardCharsets.UTF_8));
		}
		URI write = URI.create(RAW_INFLUX.server().url() + "/write?db=" + RAW_INFLUX.name() + "&precision=ms");
		return parallel(clients, bodies.size(), (i) -> {
			HttpResponse<String> response = this.http.send(
					HttpRequest.newBuilder(write).POST(HttpRequest.BodyPublishers.ofByteArray(bodies.get(i))).build(),
					HttpResponse.BodyHandlers.ofString());
			if (response.statusCode() != 204) {
				throw new IllegalStateException("InfluxDB answered " + response.statusCode() + ": " + response.body());
			}
		}) * BATCH_SIZE;
	}

	private static void lineProtocol(StringBuilder out, CheckResult result) {
		PhaseTimings timings = result.timings();
		out.append("checks,endpoint=")
			.append(result.endpointId())
			.append(",location=")
			.append(result.location())
			.append(",organization=")
			.append(result.organizationId())
			.append(" total_ms=")
			.append(timings.totalMs());
		field(out, "dns_ms", timings.dnsMs());
		field(out, "connect_ms", timings.connectMs());
		field(out, "tls_ms", timings.tlsMs());
		field(out, "ttfb_ms", timings.firstByteMs());
		if (result.status() != null) {
			out.append(",status=").append(result.status()).append('i');
		}
		if (result.tlsCertExpiresAt() != null) {
			out.append(",tls_expires_at_ms=").append(result.tlsCertExpiresAt().toEpochMilli()).append('i');
		}
		out.append(",bytes=")
			.append(result.bytes())
			.append("i,started_at_ms=")
			.append(result.startedAt().toEpochMilli())
			.append("i,reason=\"")
			.append(result.outcome().reason().replace("\"", "\\\""))
			.append("\",outcome=\"")
			.append(result.outcome().kind().name())
			.append("\",apdex=\"")
			.append(result.apdex().name())
			.append("\",apdex_t_ms=")
			.append(result.apdexThresholdMs())
			.append("i,up=")
			.append(result.outcome().isUp())
			.append(' ')
			.append(result.scheduledAt().toEpochMilli())
			.append('\n');
	}

	private static void field(StringBuilder out, String name, @Nullable Double value) {
		if (value != null) {
			out.append(',').append(name).append('=').append(value.doubleValue());
		}
	}

	/**
	 * The store's own limit: the same rows loaded by {@code COPY} into the PostgreSQL
	 * store's checks table, one COPY per batch of BATCH_SIZE, by this many clients.
	 */
	private double rawCopy(int clients, int count) throws Exception {
		List<String> bodies = new ArrayList<>(count);
		for (List<CheckResult> batch : resultBatches(count, 60)) {
			StringBuilder csv = new StringBuilder(batch.size() * 300);
			for (CheckResult r : batch) {
				PhaseTimings t = r.timings();
				csv.append(String.join(",", r.endpointId().toString(), r.location(), r.scheduledAt().toString(),
						r.organizationId().toString(), r.startedAt().toString(), text(t.dnsMs()), text(t.connectMs()),
						text(t.tlsMs()), text(t.firstByteMs()), String.valueOf(t.totalMs()), text(r.status()),
						String.valueOf(r.bytes()),
						(r.tlsCertExpiresAt() != null) ? r.tlsCertExpiresAt().toString() : "",
						r.outcome().kind().name(), r.apdex().name(), String.valueOf(r.apdexThresholdMs()),
						String.valueOf(r.outcome().isUp()),
						(r.outcome().phase() != null) ? r.outcome().phase().name() : "",
						"\"" + r.outcome().reason().replace("\"", "\"\"") + "\"", ""))
					.append('\n');
			}
			bodies.add(csv.toString());
		}
		String copy = "COPY receiver.checks (endpoint_id, location, scheduled_at, organization_id, started_at, dns_ms,"
				+ " connect_ms, tls_ms, ttfb_ms, total_ms, status, bytes, tls_cert_expires_at, outcome, apdex,"
				+ " apdex_t_ms, up, outcome_phase, outcome_reason, protocol) FROM STDIN (FORMAT csv)";
		return parallel(clients, bodies.size(), (i) -> {
			try (java.sql.Connection connection = this.dataSource.getConnection()) {
				connection.unwrap(org.postgresql.PGConnection.class)
					.getCopyAPI()
					.copyIn(copy, new java.io.StringReader(bodies.get(i)));
			}
		}) * BATCH_SIZE;
	}

	private static String text(@Nullable Object value) {
		return (value != null) ? value.toString() : "";
	}

	/**
	 * Our own InfluxDB adapter, rollups on, without Redis, HTTP or the store observers:
	 * what the drain costs beyond the store's raw write.
	 */
	private double ownAdapter(int count) throws Exception {
		List<List<CheckResult>> batches = resultBatches(count, 60);
		try (InfluxMetricStore direct = new InfluxMetricStore(this.properties.influx(), this.properties.retention())) {
			direct.rollupGrace(this.properties.rollups().grace());
			direct.rollupCache(this.properties.rollups().cacheBuckets());
			return parallel(1, batches.size(), (i) -> direct.write(batches.get(i))) * BATCH_SIZE;
		}
	}

	/** Runs {@code task} for 0 to count - 1 on this many threads; tasks per second. */
	private static double parallel(int threads, int count, Task task) throws Exception {
		AtomicInteger next = new AtomicInteger();
		long start = System.nanoTime();
		try (ExecutorService pool = Executors.newFixedThreadPool(threads)) {
			List<Future<?>> running = new ArrayList<>();
			for (int t = 0; t < threads; t++) {
				running.add(pool.submit(() -> {
					for (int i = next.getAndIncrement(); i < count; i = next.getAndIncrement()) {
						task.run(i);
					}
					return null;
				}));
			}
			for (Future<?> thread : running) {
				thread.get();
			}
		}
		return perSecond(count, System.nanoTime() - start);
	}

	@FunctionalInterface
	private interface Task {

		void run(int index) throws Exception;

	}

	/**
	 * Request bodies of BATCH_SIZE results each, of endpoints no run used before:
	 * ENDPOINTS endpoints from every location, one check per interval each, a twentieth
	 * of them failed.
	 */
	private List<byte[]> batches(int count, int intervalSeconds) {
		return resultBatches(count, intervalSeconds).stream()
			.map((results) -> WireJson.mapper()
				.writeValueAsBytes(new ResultBatch(UUID.randomUUID(), "bench-probe", results)))
			.toList();
	}

	/**
	 * The results of {@link #batches(int, int)}, scheduled from two hours before the
	 * current hour on, so their hours are still open for rollups.
	 */
	private List<List<CheckResult>> resultBatches(int count, int intervalSeconds) {
		long run = this.runs.incrementAndGet();
		UUID organization = UUID.randomUUID();
		Instant first = Resolution.HOURLY.floor(Instant.now()).minus(Duration.ofHours(2));
		List<List<CheckResult>> batches = new ArrayList<>(count);
		for (int i = 0; i < count; i++) {
			batches.add(results(run, organization, first, intervalSeconds, i));
		}
		return batches;
	}

	private static List<CheckResult> results(long run, UUID organization, Instant first, int intervalSeconds,
			int batch) {
		List<CheckResult> results = new ArrayList<>(BATCH_SIZE);
		int perSlot = ENDPOINTS * LOCATIONS.size();
		for (int i = 0; i < BATCH_SIZE; i++) {
			long n = (long) batch * BATCH_SIZE + i;
			Instant scheduledAt = first.plusSeconds(intervalSeconds * (n / perSlot));
			int series = (int) (n % perSlot);
			UUID endpoint = new UUID(0x5eed0000L + run, series % ENDPOINTS);
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

	/** Says what was just measured, while the run goes on. */
	private double progress(String what, double figure) {
		System.out.printf(Locale.ROOT, "measured %s: %,.0f/s%n", what, figure);
		System.out.flush();
		return figure;
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
