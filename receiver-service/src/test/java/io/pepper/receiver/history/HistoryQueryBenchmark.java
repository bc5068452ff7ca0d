package io.pepper.receiver.history;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.function.Consumer;

import io.pepper.contracts.auth.BearerTokens;
import io.pepper.contracts.v1.CheckResult;
import io.pepper.contracts.v1.HistorySeries;
import io.pepper.contracts.v1.WireJson;
import io.pepper.receiver.ReceiverApplication;
import io.pepper.receiver.ReceiverProperties;
import io.pepper.receiver.store.Bucket;
import io.pepper.receiver.store.MetricStoreContract;
import io.pepper.receiver.store.Resolution;
import io.pepper.receiver.store.RollupMetricStore;
import io.pepper.receiver.store.Stats;
import io.pepper.receiver.store.influx.InfluxMetricStore;
import io.pepper.receiver.store.postgres.PostgresMetricStore;
import io.pepper.testsupport.LocalInflux;
import io.pepper.testsupport.LocalPostgres;
import io.pepper.testsupport.LocalRedis;
import io.pepper.testsupport.TestDatabase;
import io.pepper.testsupport.TestInfluxDatabase;
import io.pepper.testsupport.TestRedisNamespace;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * 90-day history query latency through the HTTP API, for each store: daily rollups (what
 * the API picks for a 1-day step), hourly rollups, and the same question asked of the raw
 * 1-minute checks. Seeds rollups for {@code bench.endpoints} endpoints x 3 locations,
 * hourly ones for {@code bench.hourlyEndpoints} of them and raw checks for
 * {@code bench.rawEndpoints}. Prints figures; asserts only that answers are complete.
 */
@Tag("benchmark")
class HistoryQueryBenchmark {

	private static final int ENDPOINTS = Integer.getInteger("bench.endpoints", 1000);

	private static final int HOURLY_ENDPOINTS = Integer.getInteger("bench.hourlyEndpoints", 100);

	private static final int RAW_ENDPOINTS = Integer.getInteger("bench.rawEndpoints", 3);

	private static final int QUERIES = Integer.getInteger("bench.queries", 100);

	private static final int RAW_QUERIES = Integer.getInteger("bench.rawQueries", 6);

	private static final List<String> LOCATIONS = List.of("eu-west", "us-east", "ap-south");

	private static final int DAYS = 90;

	private static final String TOKEN = "bench-query-token";

	private static final Instant TO = Resolution.DAILY.floor(Instant.now());

	private static final Instant FROM = TO.minus(Duration.ofDays(DAYS));

	private static final ReceiverProperties.Retention RETENTION = new ReceiverProperties.Retention(Duration.ofDays(120),
			Duration.ofDays(400), Duration.ofDays(1825), Duration.ofHours(1));

	private final List<UUID> endpoints = new ArrayList<>();

	private final HttpClient http = HttpClient.newHttpClient();

	private final Map<String, Map<String, Latency>> figures = new LinkedHashMap<>();

	private final Map<String, String> seeding = new LinkedHashMap<>();

	@Test
	void ninetyDaysOfHistoryThroughTheApi() throws Exception {
		Random random = new Random(90);
		for (int i = 0; i < ENDPOINTS; i++) {
			this.endpoints.add(new UUID(random.nextLong(), random.nextLong()));
		}
		LocalRedis redis = LocalRedis.fromEnvironment();
		try (TestRedisNamespace keys = redis.createNamespace("bench_history");
				TestInfluxDatabase influxDb = LocalInflux.fromEnvironment().createDatabase("bench_history")) {
			ReceiverProperties.Influx settings = new ReceiverProperties.Influx(URI.create(influxDb.server().url()),
					influxDb.name(), "autogen", null, true, true, Duration.ofSeconds(120), "pepper_hourly",
					"pepper_daily");
			try (InfluxMetricStore influx = new InfluxMetricStore(settings, RETENTION)) {
				influx.prepare();
				seed("InfluxDB 1.6", influx);
			}
			measure("InfluxDB 1.6", keys, "pepper.receiver.store=influx",
					"pepper.receiver.influx.url=" + influxDb.server().url(),
					"pepper.receiver.influx.database=" + influxDb.name(), "pepper.receiver.influx.v1-compat=true",
					"pepper.receiver.influx.timeout=120s");
		}
		try (TestRedisNamespace keys = redis.createNamespace("bench_history");
				TestDatabase database = LocalPostgres.fromEnvironment().createDatabase("bench_history")) {
			String url = database.jdbcUrl() + "?reWriteBatchedInserts=true";
			SimpleDriverDataSource dataSource = new SimpleDriverDataSource(new org.postgresql.Driver(), url,
					database.username(), database.password());
			Flyway.configure()
				.dataSource(dataSource)
				.schemas(PostgresMetricStore.SCHEMA)
				.defaultSchema(PostgresMetricStore.SCHEMA)
				.createSchemas(true)
				.load()
				.migrate();
			seed("PostgreSQL 15", new PostgresMetricStore(new JdbcTemplate(dataSource), RETENTION, Clock.systemUTC()));
			new JdbcTemplate(dataSource).execute("VACUUM ANALYZE receiver.checks");
			new JdbcTemplate(dataSource).execute("VACUUM ANALYZE receiver.rollups_hourly");
			new JdbcTemplate(dataSource).execute("VACUUM ANALYZE receiver.rollups_daily");
			measure("PostgreSQL 15", keys, "pepper.receiver.store=postgres", "spring.datasource.url=" + url,
					"spring.datasource.username=" + database.username(),
					"spring.datasource.password=" + database.password());
		}
		print();
	}

	/**
	 * Raw checks for the first endpoints (written like the worker writes, so their
	 * rollups are computed from them), and synthetic rollups for the rest.
	 */
	private void seed(String store, RollupMetricStore target) {
		long started = System.nanoTime();
		Random random = new Random(7);
		for (int e = 0; e < RAW_ENDPOINTS; e++) {
			UUID endpoint = this.endpoints.get(e);
			for (int day = 0; day < DAYS; day++) {
				List<CheckResult> checks = new ArrayList<>(LOCATIONS.size() * 1440);
				for (int minute = 0; minute < 1440; minute++) {
					Instant at = FROM.plus(Duration.ofDays(day)).plusSeconds(60L * minute);
					for (String location : LOCATIONS) {
						checks.add((random.nextDouble() < 0.01) ? MetricStoreContract.refused(endpoint, location, at)
								: MetricStoreContract.up(endpoint, location, at,
										Math.exp(5 + 0.6 * random.nextGaussian()), 500));
					}
				}
				target.write(checks);
			}
		}
		long raw = System.nanoTime();
		List<Stats> hours = new ArrayList<>();
		for (int i = 0; i < 256; i++) {
			hours.add(hour(random));
		}
		List<Stats> days = new ArrayList<>();
		for (int i = 0; i < 64; i++) {
			Stats day = new Stats();
			for (int h = 0; h < 24; h++) {
				day.add(hours.get(random.nextInt(hours.size())));
			}
			days.add(day);
		}
		long hourly = 0;
		long daily = 0;
		List<Bucket> pending = new ArrayList<>();
		for (int e = RAW_ENDPOINTS; e < ENDPOINTS; e++) {
			UUID endpoint = this.endpoints.get(e);
			for (String location : LOCATIONS) {
				for (int day = 0; day < DAYS; day++) {
					Instant start = FROM.plus(Duration.ofDays(day));
					pending.add(new Bucket(endpoint, location, start, days.get(random.nextInt(days.size()))));
					daily++;
				}
			}
			flush(target, Resolution.DAILY, pending, 5_000);
		}
		flush(target, Resolution.DAILY, pending, 1);
		for (int e = RAW_ENDPOINTS; e < HOURLY_ENDPOINTS; e++) {
			UUID endpoint = this.endpoints.get(e);
			for (String location : LOCATIONS) {
				for (int hour = 0; hour < DAYS * 24; hour++) {
					pending.add(new Bucket(endpoint, location, FROM.plus(Duration.ofHours(hour)),
							hours.get(random.nextInt(hours.size()))));
					hourly++;
				}
				flush(target, Resolution.HOURLY, pending, 5_000);
			}
		}
		flush(target, Resolution.HOURLY, pending, 1);
		long done = System.nanoTime();
		long rawChecks = (long) RAW_ENDPOINTS * LOCATIONS.size() * DAYS * 1440;
		this.seeding.put(store, String.format(
				"%,d raw checks (%d endpoints x 3 locations x 90 d x 1/min, rollups computed from them) in %.0f s;"
						+ " %,d hourly and %,d daily synthetic rollups in %.0f s",
				rawChecks, RAW_ENDPOINTS, (raw - started) / 1e9, hourly, daily, (done - raw) / 1e9));
		System.out.println(store + ": seeded " + this.seeding.get(store));
	}

	private static void flush(RollupMetricStore target, Resolution resolution, List<Bucket> pending, int atLeast) {
		if (pending.size() >= atLeast && !pending.isEmpty()) {
			target.writeRollups(resolution, List.copyOf(pending));
			pending.clear();
		}
	}

	/** One hour of one location: 60 checks, about 1% failed. */
	private static Stats hour(Random random) {
		Stats stats = new Stats();
		Instant at = FROM;
		for (int minute = 0; minute < 60; minute++) {
			double total = Math.exp(5 + 0.6 * random.nextGaussian());
			boolean up = random.nextDouble() >= 0.01;
			stats.add(
					Stats
						.ofCheck(at.plusSeconds(60L * minute), up,
								io.pepper.contracts.v1.ApdexClass.of(
										up ? io.pepper.contracts.v1.Outcome.up()
												: io.pepper.contracts.v1.Outcome.failed(
														io.pepper.contracts.v1.OutcomeKind.TIMEOUT, null, "timeout"),
										total, 500),
								500, total, 1.5, 2.0, 10.0, total / 2));
		}
		return Stats.ofRollup(stats.checks(), stats.up(), stats.satisfied(), stats.tolerating(), stats.frustrated(),
				stats.totalSum(), stats.dnsSum(), stats.dnsCount(), stats.connectSum(), stats.connectCount(),
				stats.tlsSum(), stats.tlsCount(), stats.firstByteSum(), stats.firstByteCount(), 500, 0,
				stats.encodedHistogram());
	}

	private void measure(String store, TestRedisNamespace keys, String... storeProperties) throws Exception {
		List<String> properties = new ArrayList<>(List.of(storeProperties));
		properties.addAll(List.of("server.port=0", "spring.data.redis.host=" + LocalRedis.fromEnvironment().host(),
				"spring.data.redis.port=" + LocalRedis.fromEnvironment().port(),
				"pepper.receiver.redis-key-prefix=" + keys.prefix(),
				"pepper.receiver.ingest-token-sha256=" + BearerTokens.sha256Hex("ingest"),
				"pepper.receiver.query-token-sha256=" + BearerTokens.sha256Hex(TOKEN),
				"pepper.receiver.trend.enabled=false", "pepper.receiver.retention.raw=120d",
				"logging.level.root=WARN"));
		try (ConfigurableApplicationContext app = new SpringApplicationBuilder(ReceiverApplication.class)
			.properties(properties.toArray(String[]::new))
			.run()) {
			int port = Integer.parseInt(app.getEnvironment().getProperty("local.server.port", "0"));
			Map<String, Latency> latencies = new LinkedHashMap<>();
			// Warm up the JVM and the store's caches on endpoints not measured.
			time(port, "auto", 20, HOURLY_ENDPOINTS, ENDPOINTS, (series) -> {
			});
			latencies.put("daily rollups (auto), " + ENDPOINTS + " endpoints", time(port, "auto", QUERIES,
					RAW_ENDPOINTS, ENDPOINTS, (series) -> assertThat(series.points()).hasSize(DAYS)));
			latencies.put("hourly rollups", time(port, "hourly", QUERIES / 2, RAW_ENDPOINTS, HOURLY_ENDPOINTS,
					(series) -> assertThat(series.points()).hasSize(DAYS)));
			latencies.put("raw 1-minute checks",
					time(port, "raw", RAW_QUERIES, 0, RAW_ENDPOINTS,
							(series) -> assertThat(series.points().stream().mapToLong((p) -> p.checks()).sum())
								.isEqualTo(DAYS * 1440L * LOCATIONS.size())));
			latencies.put("daily rollups of the raw endpoints", time(port, "auto", QUERIES / 2, 0, RAW_ENDPOINTS,
					(series) -> assertThat(series.points()).hasSize(DAYS)));
			this.figures.put(store, latencies);
		}
	}

	private Latency time(int port, String resolution, int queries, int first, int end, Consumer<HistorySeries> check)
			throws Exception {
		long[] nanos = new long[queries];
		for (int i = 0; i < queries; i++) {
			UUID endpoint = this.endpoints.get(first + i % (end - first));
			URI uri = URI.create("http://127.0.0.1:" + port + "/v1/history/" + endpoint + "?from=" + FROM + "&to=" + TO
					+ "&step=1d&resolution=" + resolution);
			HttpRequest request = HttpRequest.newBuilder(uri).header("Authorization", "Bearer " + TOKEN).build();
			long started = System.nanoTime();
			HttpResponse<String> response = this.http.send(request, HttpResponse.BodyHandlers.ofString());
			nanos[i] = System.nanoTime() - started;
			assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
			check.accept(WireJson.mapper().readValue(response.body(), HistorySeries.class));
		}
		Arrays.sort(nanos);
		return new Latency(queries, nanos[(int) Math.ceil(0.5 * queries) - 1] / 1e6,
				nanos[(int) Math.ceil(0.95 * queries) - 1] / 1e6);
	}

	private void print() {
		System.out.println();
		System.out.printf(java.util.Locale.ROOT,
				"90-day history, step 1 day, all 3 locations pooled, through GET /v1/history/{id}"
						+ " (%d cores, load average at the end %.2f)%n",
				Runtime.getRuntime().availableProcessors(),
				java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
		this.seeding.forEach((store, seeded) -> System.out.println("  " + store + " seeded: " + seeded));
		System.out.printf("%-15s %-40s %8s %10s %10s%n", "store", "data read", "queries", "p50 ms", "p95 ms");
		this.figures.forEach((store, latencies) -> {
			latencies.forEach((what, latency) -> System.out.printf("%-15s %-40s %8d %10.1f %10.1f%n", store, what,
					latency.queries(), latency.p50(), latency.p95()));
			Latency rollups = latencies.get("daily rollups of the raw endpoints");
			Latency raw = latencies.get("raw 1-minute checks");
			System.out.printf("%-15s raw / daily rollups, same endpoints: p50 x%.0f, p95 x%.0f%n", store,
					raw.p50() / rollups.p50(), raw.p95() / rollups.p95());
		});
	}

	private record Latency(int queries, double p50, double p95) {

	}

}
