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

import io.pepper.contracts.auth.BearerTokens;
import io.pepper.contracts.v1.CheckResult;
import io.pepper.contracts.v1.EndpointSummary;
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
 * 90-day history reads through the HTTP API, for each store, against the aim p95 < 50 ms:
 * daily series (step 1 d), hourly series (hourly rollups at step 1 d, and at step 1 h),
 * each cold (an endpoint this receiver never read: nothing decoded or cached yet) and
 * warm (read before), and the summaries of a page of 50 endpoints. The honest peer of
 * each is the store answering the same query for the same rows without the receiver (JDBC
 * or InfluxDB's HTTP API), so the ratio is what the receiver adds. Also the same question
 * asked of raw 1-minute checks. Every bucket's histogram is different, so a cold read
 * really decodes. For PostgreSQL it prints the plans (EXPLAIN ANALYZE) of the reads.
 * Prints figures; asserts only that answers are complete.
 */
@Tag("benchmark")
class HistoryQueryBenchmark {

	private static final int ENDPOINTS = Integer.getInteger("bench.endpoints", 300);

	private static final int HOURLY_ENDPOINTS = Integer.getInteger("bench.hourlyEndpoints", 81);

	private static final int RAW_ENDPOINTS = Integer.getInteger("bench.rawEndpoints", 1);

	private static final int QUERIES = Integer.getInteger("bench.queries", 35);

	private static final int RAW_QUERIES = Integer.getInteger("bench.rawQueries", 4);

	private static final int SUMMARY_ENDPOINTS = Integer.getInteger("bench.summaryEndpoints", 1000);

	private static final int PAGE = 50;

	private static final int WARM_UP = 10;

	private static final List<String> LOCATIONS = List.of("eu-west", "us-east", "ap-south");

	private static final int DAYS = 90;

	private static final String TOKEN = "bench-query-token";

	private static final Instant TO = Resolution.DAILY.floor(Instant.now());

	private static final Instant FROM = TO.minus(Duration.ofDays(DAYS));

	private static final ReceiverProperties.Retention RETENTION = new ReceiverProperties.Retention(Duration.ofDays(120),
			Duration.ofDays(400), Duration.ofDays(1825), Duration.ofHours(1));

	private final List<UUID> endpoints = new ArrayList<>();

	private final List<UUID> summarized = new ArrayList<>();

	private final HttpClient http = HttpClient.newHttpClient();

	private final Map<String, Map<String, Figure>> figures = new LinkedHashMap<>();

	private final Map<String, String> seeding = new LinkedHashMap<>();

	private final List<String> plans = new ArrayList<>();

	@Test
	void ninetyDaysOfHistoryThroughTheApi() throws Exception {
		Random random = new Random(90);
		for (int i = 0; i < ENDPOINTS; i++) {
			this.endpoints.add(new UUID(random.nextLong(), random.nextLong()));
		}
		for (int i = 0; i < SUMMARY_ENDPOINTS; i++) {
			this.summarized.add(new UUID(random.nextLong(), random.nextLong()));
		}
		LocalRedis redis = LocalRedis.fromEnvironment();
		try (TestRedisNamespace keys = redis.createNamespace("bench_history");
				TestInfluxDatabase influxDb = LocalInflux.fromEnvironment().createDatabase("bench_history")) {
			ReceiverProperties.Influx settings = new ReceiverProperties.Influx(URI.create(influxDb.server().url()),
					influxDb.name(), "autogen", null, true, true, Duration.ofSeconds(120), "pepper_hourly",
					"pepper_daily");
			try (InfluxMetricStore influx = new InfluxMetricStore(settings, RETENTION)) {
				influx.prepare();
				seed("InfluxDB 1.6", influx, 7);
			}
			measure("InfluxDB 1.6", keys, new InfluxPeer(influxDb.server().url(), settings),
					"pepper.receiver.store=influx", "pepper.receiver.influx.url=" + influxDb.server().url(),
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
			JdbcTemplate jdbc = new JdbcTemplate(dataSource);
			// Another seed than InfluxDB's, so no histogram decoded there is met again
			// here.
			seed("PostgreSQL 15", new PostgresMetricStore(jdbc, RETENTION, Clock.systemUTC()), 8);
			jdbc.execute("VACUUM ANALYZE receiver.checks");
			jdbc.execute("VACUUM ANALYZE receiver.rollups_hourly");
			jdbc.execute("VACUUM ANALYZE receiver.rollups_daily");
			PostgresPeer peer = new PostgresPeer(jdbc);
			measure("PostgreSQL 15", keys, peer, "pepper.receiver.store=postgres", "spring.datasource.url=" + url,
					"spring.datasource.username=" + database.username(),
					"spring.datasource.password=" + database.password());
			explain(peer);
		}
		print();
	}

	/**
	 * Raw checks for the first endpoints (written like the worker writes, so their
	 * rollups are computed from them), synthetic rollups for the rest, and 48 hours and
	 * 31 days of rollups up to now for the endpoints the summaries read.
	 */
	private void seed(String store, RollupMetricStore target, long seed) {
		long started = System.nanoTime();
		Random random = new Random(seed);
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
		for (int day = 0; day < DAYS; day++) {
			for (int e = RAW_ENDPOINTS; e < ENDPOINTS; e++) {
				UUID endpoint = this.endpoints.get(e);
				for (String location : LOCATIONS) {
					pending.add(new Bucket(endpoint, location, FROM.plus(Duration.ofDays(day)), unique(days, random)));
					daily++;
				}
				flush(target, Resolution.DAILY, pending, 5_000);
			}
		}
		flush(target, Resolution.DAILY, pending, 1);
		// Hour by hour, as the worker writes them, so that in PostgreSQL an endpoint's
		// rows
		// are spread over the table as in production.
		for (int hour = 0; hour < DAYS * 24; hour++) {
			for (int e = RAW_ENDPOINTS; e < HOURLY_ENDPOINTS; e++) {
				UUID endpoint = this.endpoints.get(e);
				for (String location : LOCATIONS) {
					pending
						.add(new Bucket(endpoint, location, FROM.plus(Duration.ofHours(hour)), unique(hours, random)));
					hourly++;
				}
			}
			flush(target, Resolution.HOURLY, pending, 5_000);
		}
		flush(target, Resolution.HOURLY, pending, 1);
		Instant thisHour = Resolution.HOURLY.floor(Instant.now());
		List<Bucket> pendingDaily = new ArrayList<>();
		for (UUID endpoint : this.summarized) {
			for (String location : LOCATIONS) {
				for (int hour = 0; hour < 48; hour++) {
					pending.add(new Bucket(endpoint, location, thisHour.minus(Duration.ofHours(hour)),
							unique(hours, random)));
					hourly++;
				}
				for (int day = 1; day <= 31; day++) {
					pendingDaily
						.add(new Bucket(endpoint, location, TO.minus(Duration.ofDays(day)), unique(days, random)));
					daily++;
				}
			}
			flush(target, Resolution.HOURLY, pending, 5_000);
			flush(target, Resolution.DAILY, pendingDaily, 5_000);
		}
		flush(target, Resolution.HOURLY, pending, 1);
		flush(target, Resolution.DAILY, pendingDaily, 1);
		long done = System.nanoTime();
		long rawChecks = (long) RAW_ENDPOINTS * LOCATIONS.size() * DAYS * 1440;
		this.seeding.put(store, String.format(
				"%,d raw checks (%d endpoints x 3 locations x 90 d x 1/min, rollups computed from them) in %.0f s;"
						+ " %,d hourly and %,d daily synthetic rollups, each histogram different, in %.0f s",
				rawChecks, RAW_ENDPOINTS, (raw - started) / 1e9, hourly, daily, (done - raw) / 1e9));
		System.out.println(store + ": seeded " + this.seeding.get(store));
	}

	/**
	 * A pooled rollup with two checks of its own, so that no two histograms are alike.
	 */
	private static Stats unique(List<Stats> pool, Random random) {
		Stats stats = new Stats().add(pool.get(random.nextInt(pool.size())));
		for (int i = 0; i < 2; i++) {
			double total = Math.exp(5 + 0.6 * random.nextGaussian());
			stats.add(Stats.ofCheck(FROM, true, io.pepper.contracts.v1.ApdexClass.SATISFIED, 500, total, 1.5, 2.0, 10.0,
					total / 2));
		}
		return stats;
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

	private void measure(String store, TestRedisNamespace keys, Peer peer, String... storeProperties) throws Exception {
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
			Map<String, Figure> rows = new LinkedHashMap<>();
			List<UUID> hourly = this.endpoints.subList(RAW_ENDPOINTS, HOURLY_ENDPOINTS);
			List<UUID> daily = this.endpoints.subList(HOURLY_ENDPOINTS, ENDPOINTS);
			int hourlyCold = Math.min(QUERIES, (hourly.size() - WARM_UP) / 2);
			int dailyCold = Math.min(QUERIES, (daily.size() - WARM_UP) / 2);
			// Warm up the JVM on endpoints not measured.
			for (UUID endpoint : hourly.subList(0, WARM_UP)) {
				series(port, endpoint, "hourly", "1d", DAYS).verify();
				series(port, endpoint, "auto", "1d", DAYS).verify();
				series(port, endpoint, "hourly", "1h", DAYS * 24).verify();
				peer.read(Resolution.HOURLY, List.of(endpoint), FROM, TO).verify();
				peer.read(Resolution.DAILY, List.of(endpoint), FROM, TO).verify();
			}
			List<UUID> dailyApi = daily.subList(WARM_UP, WARM_UP + dailyCold);
			List<UUID> dailyPeer = daily.subList(WARM_UP + dailyCold, WARM_UP + 2 * dailyCold);
			rows.put("daily 90 d (step 1 d), cold",
					new Figure(time(dailyApi, (e) -> series(port, e, "auto", "1d", DAYS)),
							time(dailyPeer, (e) -> peer.read(Resolution.DAILY, List.of(e), FROM, TO))));
			rows.put("daily 90 d (step 1 d), warm",
					new Figure(warm(dailyApi, (e) -> series(port, e, "auto", "1d", DAYS)),
							time(dailyApi, (e) -> peer.read(Resolution.DAILY, List.of(e), FROM, TO))));
			List<UUID> hourlyApi = hourly.subList(WARM_UP, WARM_UP + hourlyCold);
			List<UUID> hourlyPeer = hourly.subList(WARM_UP + hourlyCold, WARM_UP + 2 * hourlyCold);
			rows.put("hourly 90 d (step 1 d), cold",
					new Figure(time(hourlyApi, (e) -> series(port, e, "hourly", "1d", DAYS)),
							time(hourlyPeer, (e) -> peer.read(Resolution.HOURLY, List.of(e), FROM, TO))));
			rows.put("hourly 90 d (step 1 d), warm",
					new Figure(warm(hourlyApi, (e) -> series(port, e, "hourly", "1d", DAYS)),
							time(hourlyApi, (e) -> peer.read(Resolution.HOURLY, List.of(e), FROM, TO))));
			rows.put("hourly 90 d (step 1 h, 2,160 points), cold",
					new Figure(time(hourlyPeer, (e) -> series(port, e, "hourly", "1h", DAYS * 24)),
							time(hourlyPeer, (e) -> peer.read(Resolution.HOURLY, List.of(e), FROM, TO))));
			rows.put("hourly 90 d (step 1 h, 2,160 points), warm",
					new Figure(warm(hourlyPeer, (e) -> series(port, e, "hourly", "1h", DAYS * 24)),
							time(hourlyPeer, (e) -> peer.read(Resolution.HOURLY, List.of(e), FROM, TO))));
			List<List<UUID>> pages = new ArrayList<>();
			for (int i = 0; i + PAGE <= this.summarized.size(); i += PAGE) {
				pages.add(this.summarized.subList(i, i + PAGE));
			}
			summaries(port, pages.getFirst());
			List<List<UUID>> coldPages = pages.subList(1, pages.size());
			rows.put("summaries, page of 50 of " + SUMMARY_ENDPOINTS + ", cold", new Figure(
					time(coldPages, (p) -> summaries(port, p)), time(coldPages, (p) -> summaryPeer(peer, p))));
			rows.put("summaries, page of 50 of " + SUMMARY_ENDPOINTS + ", warm", new Figure(
					warm(coldPages, (p) -> summaries(port, p)), time(coldPages, (p) -> summaryPeer(peer, p))));
			List<UUID> rawEndpoints = this.endpoints.subList(0, RAW_ENDPOINTS);
			List<UUID> rawQueries = new ArrayList<>();
			for (int i = 0; i < RAW_QUERIES; i++) {
				rawQueries.add(rawEndpoints.get(i % rawEndpoints.size()));
			}
			if (!rawQueries.isEmpty()) {
				rows.put("raw 1-minute checks 90 d (step 1 d)",
						new Figure(time(rawQueries, (e) -> series(port, e, "raw", "1d", DAYS)),
								time(rawQueries, (e) -> series(port, e, "auto", "1d", DAYS))));
			}
			this.figures.put(store, rows);
			long[] cache = io.pepper.receiver.store.DecodedHistograms.shared().hitsAndMisses();
			System.out.printf("%s: decoded histograms so far: %,d from the cache, %,d decoded%n", store, cache[0],
					cache[1]);
		}
	}

	private Verify series(int port, UUID endpoint, String resolution, String step, int points) throws Exception {
		URI uri = URI.create("http://127.0.0.1:" + port + "/v1/history/" + endpoint + "?from=" + FROM + "&to=" + TO
				+ "&step=" + step + "&resolution=" + resolution);
		HttpResponse<String> response = this.http.send(
				HttpRequest.newBuilder(uri).header("Authorization", "Bearer " + TOKEN).build(),
				HttpResponse.BodyHandlers.ofString());
		return () -> {
			assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
			HistorySeries series = WireJson.mapper().readValue(response.body(), HistorySeries.class);
			assertThat(series.points()).hasSize(points);
		};
	}

	private Verify summaries(int port, List<UUID> page) throws Exception {
		String body = WireJson.mapper().writeValueAsString(new EndpointSummary.Request(page));
		HttpResponse<String> response = this.http
			.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + EndpointSummary.PATH))
				.header("Authorization", "Bearer " + TOKEN)
				.header("Content-Type", "application/json")
				.POST(HttpRequest.BodyPublishers.ofString(body))
				.build(), HttpResponse.BodyHandlers.ofString());
		return () -> {
			assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
			List<EndpointSummary> summaries = WireJson.mapper()
				.readValue(response.body(), new tools.jackson.core.type.TypeReference<List<EndpointSummary>>() {
				});
			assertThat(summaries).hasSize(page.size()).allSatisfy((s) -> assertThat(s.p95Ms24h()).isNotNull());
		};
	}

	/**
	 * The rollup rows a page's summaries are made of: 24 hours and the 14 days before
	 * today.
	 */
	private static Verify summaryPeer(Peer peer, List<UUID> page) throws Exception {
		Instant nextHour = Resolution.HOURLY.floor(Instant.now()).plus(Duration.ofHours(1));
		peer.read(Resolution.HOURLY, page, nextHour.minus(Duration.ofHours(24)), nextHour);
		return peer.read(Resolution.DAILY, page, TO.minus(Duration.ofDays(13)), TO);
	}

	/** Each item once; what an answer holds is checked after the clock stopped. */
	private static <T> Latency time(List<T> items, Read<T> read) throws Exception {
		return time(items, read, false);
	}

	/** Each item read just before, so the timed read is one of a page read again. */
	private static <T> Latency warm(List<T> items, Read<T> read) throws Exception {
		return time(items, read, true);
	}

	private static <T> Latency time(List<T> items, Read<T> read, boolean readBefore) throws Exception {
		long[] nanos = new long[items.size()];
		for (int i = 0; i < items.size(); i++) {
			if (readBefore) {
				read.read(items.get(i)).verify();
			}
			long started = System.nanoTime();
			Verify answer = read.read(items.get(i));
			nanos[i] = System.nanoTime() - started;
			answer.verify();
		}
		Arrays.sort(nanos);
		int n = nanos.length;
		return new Latency(n, nanos[(int) Math.ceil(0.5 * n) - 1] / 1e6, nanos[(int) Math.ceil(0.95 * n) - 1] / 1e6);
	}

	/**
	 * The plans of the reads the history and the summaries make, on the seeded tables.
	 */
	private void explain(PostgresPeer peer) {
		UUID hourly = this.endpoints.get(HOURLY_ENDPOINTS - 1);
		UUID daily = this.endpoints.get(ENDPOINTS - 1);
		Instant nextHour = Resolution.HOURLY.floor(Instant.now()).plus(Duration.ofHours(1));
		List<UUID> page = this.summarized.subList(this.summarized.size() - PAGE, this.summarized.size());
		this.plans.add(peer.explain("hourly 90 d of one endpoint", Resolution.HOURLY, List.of(hourly), FROM, TO));
		this.plans.add(peer.explain("daily 90 d of one endpoint", Resolution.DAILY, List.of(daily), FROM, TO));
		this.plans.add(peer.explain("summaries: 24 h of hourly rollups of a page of 50", Resolution.HOURLY, page,
				nextHour.minus(Duration.ofHours(24)), nextHour));
		this.plans.add(peer.explain("summaries: 14 d of daily rollups of a page of 50", Resolution.DAILY, page,
				TO.minus(Duration.ofDays(13)), TO));
	}

	private void print() {
		System.out.println();
		System.out.printf(java.util.Locale.ROOT,
				"90-day history through GET /v1/history/{id}, all 3 locations pooled, and summaries through POST %s;"
						+ " aim p95 < 50 ms (%d cores, load average at the end %.2f)%n",
				EndpointSummary.PATH, Runtime.getRuntime().availableProcessors(),
				java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
		System.out.println("  cold: an endpoint this receiver never read (nothing decoded or cached; the store's"
				+ " own page cache may hold it); warm: the same read again right after. Times are the HTTP or JDBC"
				+ " exchange; answers are parsed and checked after the clock stopped.");
		System.out.println("  peer: the store answering the same query for the same rows, read in full over JDBC or"
				+ " InfluxDB's HTTP API, without decoding;");
		System.out.println("        for the raw checks row the peer is the daily rollups of the same endpoint.");
		this.seeding.forEach((store, seeded) -> System.out.println("  " + store + " seeded: " + seeded));
		System.out.printf("%-14s %-44s %5s %8s %8s %6s %9s %9s %8s%n", "store", "read", "n", "p50 ms", "p95 ms", "aim",
				"peer p50", "peer p95", "p95/peer");
		this.figures.forEach((store, rows) -> rows.forEach((what, figure) -> {
			Latency api = figure.api();
			Latency peer = figure.peer();
			System.out.printf(java.util.Locale.ROOT, "%-14s %-44s %5d %8.1f %8.1f %6s %9.1f %9.1f %7.2fx%n", store,
					what, api.queries(), api.p50(), api.p95(),
					what.startsWith("raw") ? "-" : (api.p95() < 50) ? "met" : "missed", peer.p50(), peer.p95(),
					api.p95() / peer.p95());
		}));
		System.out.println();
		this.plans.forEach(System.out::println);
	}

	private record Latency(int queries, double p50, double p95) {

	}

	private record Figure(Latency api, Latency peer) {

	}

	@FunctionalInterface
	private interface Read<T> {

		Verify read(T item) throws Exception;

	}

	@FunctionalInterface
	private interface Verify {

		void verify() throws Exception;

	}

	/** The store answering a read of rollup rows by itself. */
	private interface Peer {

		Verify read(Resolution resolution, List<UUID> endpoints, Instant from, Instant to) throws Exception;

	}

	/** The SQL the PostgreSQL store sends, over plain JDBC, every column read. */
	private record PostgresPeer(JdbcTemplate jdbc) implements Peer {

		private static final String COLUMNS = "endpoint_id, location, bucket_start, checks, up, satisfied, tolerating,"
				+ " frustrated, total_sum, dns_sum, dns_n, connect_sum, connect_n, tls_sum, tls_n, ttfb_sum, ttfb_n,"
				+ " apdex_t_ms, last_at, histogram";

		private static String sql(Resolution resolution, List<UUID> endpoints, Instant from, Instant to) {
			String table = (resolution == Resolution.HOURLY) ? "receiver.rollups_hourly" : "receiver.rollups_daily";
			return "SELECT " + COLUMNS + " FROM " + table + " WHERE endpoint_id IN ("
					+ endpoints.stream().map((e) -> "'" + e + "'").collect(java.util.stream.Collectors.joining(", "))
					+ ") AND bucket_start >= '" + from + "' AND bucket_start < '" + to + "'";
		}

		@Override
		public Verify read(Resolution resolution, List<UUID> endpoints, Instant from, Instant to) {
			long[] rows = new long[1];
			this.jdbc.query(sql(resolution, endpoints, from, to), (java.sql.ResultSet rs) -> {
				for (int column = 1; column <= 20; column++) {
					rs.getObject(column);
				}
				rows[0]++;
			});
			return () -> assertThat(rows[0]).isPositive();
		}

		String explain(String what, Resolution resolution, List<UUID> endpoints, Instant from, Instant to) {
			String plan = String.join("\n", this.jdbc
				.queryForList("EXPLAIN (ANALYZE, BUFFERS) " + sql(resolution, endpoints, from, to), String.class));
			return "EXPLAIN ANALYZE, " + what + ":\n" + plan.indent(2);
		}

	}

	/**
	 * The InfluxQL the InfluxDB store sends, over InfluxDB's HTTP API, the CSV read in
	 * full.
	 */
	private record InfluxPeer(String url, ReceiverProperties.Influx settings) implements Peer {

		private static final HttpClient HTTP = HttpClient.newHttpClient();

		@Override
		public Verify read(Resolution resolution, List<UUID> endpoints, Instant from, Instant to) throws Exception {
			String measurement = (resolution == Resolution.HOURLY) ? InfluxMetricStore.HOURLY_MEASUREMENT
					: InfluxMetricStore.DAILY_MEASUREMENT;
			String query = "SELECT checks, up, satisfied, tolerating, frustrated, total_sum, dns_sum, dns_n, connect_sum,"
					+ " connect_n, tls_sum, tls_n, ttfb_sum, ttfb_n, apdex_t_ms, last_at_ms, histogram, endpoint, location"
					+ " FROM \"" + this.settings.database() + "\".\"" + resolution.retentionPolicy(this.settings)
					+ "\".\"" + measurement + "\" WHERE endpoint =~ /^("
					+ endpoints.stream().map(UUID::toString).collect(java.util.stream.Collectors.joining("|"))
					+ ")$/ AND time >= " + from.toEpochMilli() + "ms AND time < " + to.toEpochMilli() + "ms";
			URI uri = URI.create(this.url + "/query?db=" + this.settings.database() + "&q="
					+ java.net.URLEncoder.encode(query, java.nio.charset.StandardCharsets.UTF_8));
			HttpResponse<String> response = HTTP.send(
					HttpRequest.newBuilder(uri).header("Accept", "application/csv").build(),
					HttpResponse.BodyHandlers.ofString());
			return () -> {
				assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
				assertThat(response.body().lines().count()).isGreaterThan(1);
			};
		}

	}

}
