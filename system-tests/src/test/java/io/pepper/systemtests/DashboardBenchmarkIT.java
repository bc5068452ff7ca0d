package io.pepper.systemtests;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.pepper.contracts.v1.ApdexClass;
import io.pepper.contracts.v1.EndpointSummary;
import io.pepper.contracts.v1.Outcome;
import io.pepper.contracts.v1.OutcomeKind;
import io.pepper.contracts.v1.WireJson;
import io.pepper.receiver.ReceiverProperties;
import io.pepper.receiver.store.Bucket;
import io.pepper.receiver.store.Resolution;
import io.pepper.receiver.store.Stats;
import io.pepper.receiver.store.influx.InfluxMetricStore;
import io.pepper.testsupport.Browser;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import tools.jackson.databind.JsonNode;

/**
 * The dashboards at 5,000 endpoints x 3 locations with 90 days of daily and 7 days of
 * hourly rollups (seeded through the InfluxDB store's rollup import): the endpoint list
 * page (50 rows with summaries) and the endpoint page's data for 24 h, 7 d and 90 d
 * through admin-app, each beside receiver-service's own API answering the same question,
 * and the charts' drawing time in Chromium (Performance API). Measures and prints;
 * asserts nothing about time. Sizes: {@code -Dbench.endpoints=5000 -Dbench.samples=60}.
 */
@Tag("benchmark")
@ExtendWith(Suite.Shared.class)
class DashboardBenchmarkIT {

	private static final int ENDPOINTS = Integer.getInteger("bench.endpoints", 5_000);

	private static final int SAMPLES = Integer.getInteger("bench.samples", 60);

	private static final int DRAWS = Integer.getInteger("bench.draws", 15);

	private static final List<String> LOCATIONS = Suite.OTHER_LOCATIONS;

	private static final String OWNER = "owner@bench.example";

	private static final Pattern ROW = Pattern.compile("<tr[^>]*data-endpoint-id=\"([0-9a-f-]{36})\"");

	private final HttpClient http = HttpClient.newHttpClient();

	private final Random random = new Random(5);

	@Test
	void dashboardsAtFiveThousandEndpoints(Suite suite) throws Exception {
		long started = System.nanoTime();
		String token = suite.signUpWithApiToken(OWNER, "Bench");
		List<UUID> endpoints = createEndpoints(suite, token);
		long created = System.nanoTime();
		long buckets = seedRollups(suite, endpoints);
		long seeded = System.nanoTime();
		String seeding = String.format(
				"%,d endpoints created through the API in %.0f s; %,d rollups imported in %.0f s", endpoints.size(),
				(created - started) / 1e9, buckets, (seeded - created) / 1e9);
		System.out.println(seeding);

		Browser browser = new Browser(suite.admin.url());
		browser.signIn(OWNER, Suite.PASSWORD);
		Map<String, double[]> rows = new LinkedHashMap<>();
		int pages = Math.max(1, endpoints.size() / 50);

		// The list page against receiver-service's summaries of the same 50 endpoints.
		List<Double> page = new ArrayList<>();
		List<Double> summaries = new ArrayList<>();
		for (int i = 0; i < SAMPLES + 5; i++) {
			int number = this.random.nextInt(pages);
			long t0 = System.nanoTime();
			Browser.Page answer = browser.get("/endpoints?page=" + number);
			long t1 = System.nanoTime();
			List<String> ids = new ArrayList<>();
			Matcher row = ROW.matcher(answer.body());
			while (row.find()) {
				ids.add(row.group(1));
			}
			if (answer.status() != 200 || ids.size() != 50) {
				throw new AssertionError("page " + number + ": " + answer.status() + " with " + ids.size() + " rows");
			}
			String body = WireJson.mapper()
				.writeValueAsString(new EndpointSummary.Request(ids.stream().map(UUID::fromString).toList()));
			long t2 = System.nanoTime();
			send(HttpRequest.newBuilder(URI.create(suite.receiver.url() + EndpointSummary.PATH))
				.header("Authorization", "Bearer " + suite.queryToken)
				.header("Content-Type", "application/json")
				.POST(HttpRequest.BodyPublishers.ofString(body)));
			long t3 = System.nanoTime();
			if (i >= 5) {
				page.add((t1 - t0) / 1e6);
				summaries.add((t3 - t2) / 1e6);
			}
		}
		rows.put("endpoint list page, 50 rows (aim p95 < 300 ms)", figures(page, summaries));
		print(seeding, rows);

		// The endpoint page's data against receiver-service's per-location history.
		Map<String, List<Double>> apiByRange = new LinkedHashMap<>();
		for (String range : List.of("24h", "7d", "90d")) {
			List<Double> data = new ArrayList<>();
			List<Double> api = new ArrayList<>();
			for (int i = 0; i < SAMPLES + 5; i++) {
				UUID endpoint = endpoints.get(this.random.nextInt(endpoints.size()));
				long t0 = System.nanoTime();
				Browser.Page answer = browser.get("/endpoints/" + endpoint + "/charts?range=" + range);
				long t1 = System.nanoTime();
				JsonNode charts = WireJson.mapper().readTree(answer.body());
				if (answer.status() != 200 || charts.get("all").isEmpty()) {
					throw new AssertionError(range + ": " + answer.status() + " " + answer.body());
				}
				long t2 = System.nanoTime();
				send(HttpRequest
					.newBuilder(URI.create(suite.receiver.url() + "/v1/history/" + endpoint + "/locations?from="
							+ charts.get("from").asString() + "&to=" + charts.get("to").asString() + "&step="
							+ charts.get("stepSeconds").asString()))
					.header("Authorization", "Bearer " + suite.queryToken));
				long t3 = System.nanoTime();
				if (i >= 5) {
					data.add((t1 - t0) / 1e6);
					api.add((t3 - t2) / 1e6);
				}
			}
			apiByRange.put(range, api);
			rows.put("endpoint page data " + range + " (aim p95 < 100 ms)", figures(data, api));
			print(seeding, rows);
		}

		// Drawing the charts in Chromium, from the page's Performance API measure.
		try (Chromium chromium = new Chromium(suite.admin.url())) {
			chromium.signIn(OWNER, Suite.PASSWORD);
			for (String range : List.of("24h", "7d", "90d")) {
				List<Double> draws = new ArrayList<>();
				for (int i = 0; i < DRAWS + 2; i++) {
					UUID endpoint = endpoints.get(this.random.nextInt(endpoints.size()));
					chromium.open("/endpoints/" + endpoint);
					chromium.await(Duration.ofSeconds(90),
							(d) -> !d.findElements(By.cssSelector("#chart-latency[data-drawn=true]")).isEmpty());
					if (!range.equals("24h")) {
						chromium.script("document.getElementById('chart-latency').dataset.drawn = 'false'");
						chromium.find("#range-picker button[data-range='" + range + "']").click();
						chromium.await(Duration.ofSeconds(90),
								(d) -> !d.findElements(By.cssSelector("#chart-latency[data-drawn=true]")).isEmpty());
					}
					Number duration = (Number) chromium.script("const m = performance.getEntriesByName("
							+ "'pepper-charts-drawn'); return m.length ? m[m.length - 1].duration : null;");
					if (duration == null) {
						throw new AssertionError("no pepper-charts-drawn measure on the page");
					}
					if (i >= 2) {
						draws.add(duration.doubleValue());
					}
				}
				rows.put("chart drawing " + range + " in Chromium (aim < 100 ms)",
						figures(draws, apiByRange.get(range)));
			}
		}
		print(seeding, rows);

	}

	/** The figures so far, so that a run that fails later still shows them. */
	private static void print(String seeding, Map<String, double[]> rows) {
		System.out.println();
		System.out.println("Dashboard benchmark: " + seeding);
		System.out.printf("%-52s %9s %9s %14s %14s %10s%n", "what (each beside receiver-service's own API)", "p50 ms",
				"p95 ms", "API p50 ms", "API p95 ms", "p95 ratio");
		rows.forEach((name, f) -> System.out.printf("%-52s %9.1f %9.1f %14.1f %14.1f %9.2fx%n", name, f[0], f[1], f[2],
				f[3], f[1] / f[3]));
	}

	/** p50 and p95 of the measured, then of the peer. */
	private static double[] figures(List<Double> measured, List<Double> peer) {
		return new double[] { percentile(measured, 50), percentile(measured, 95), percentile(peer, 50),
				percentile(peer, 95) };
	}

	private static double percentile(List<Double> values, double percentile) {
		List<Double> sorted = new ArrayList<>(values);
		Collections.sort(sorted);
		int index = (int) Math.ceil(percentile / 100 * sorted.size()) - 1;
		return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
	}

	private List<UUID> createEndpoints(Suite suite, String token) throws Exception {
		List<Future<UUID>> created = new ArrayList<>();
		Semaphore inFlight = new Semaphore(8);
		try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
			for (int i = 0; i < ENDPOINTS; i++) {
				int number = i;
				created.add(pool.submit(() -> {
					inFlight.acquire();
					try {
						String body = WireJson.mapper()
							.writeValueAsString(Map.of("name", String.format("bench %05d", number), "url",
									"https://service-" + number + ".bench.example/health", "locations", LOCATIONS,
									"apdexThresholdMs", 500));
						HttpResponse<String> response = send(
								HttpRequest.newBuilder(URI.create(suite.admin.url() + "/api/v1/endpoints"))
									.header("Authorization", "Bearer " + token)
									.header("Content-Type", "application/json")
									.POST(HttpRequest.BodyPublishers.ofString(body)));
						return UUID.fromString(WireJson.mapper().readTree(response.body()).get("id").asString());
					}
					finally {
						inFlight.release();
					}
				}));
			}
			List<UUID> ids = new ArrayList<>();
			for (Future<UUID> id : created) {
				ids.add(id.get());
			}
			return ids;
		}
	}

	/** Daily rollups for 90 days and hourly ones for 7, per endpoint and location. */
	private long seedRollups(Suite suite, List<UUID> endpoints) {
		ReceiverProperties.Influx settings = new ReceiverProperties.Influx(URI.create(suite.influx.server().url()),
				suite.influx.name(), "autogen", null, true, false, Duration.ofSeconds(120), "pepper_hourly",
				"pepper_daily");
		Instant now = Instant.now();
		Instant nextHour = Resolution.HOURLY.floor(now).plus(Duration.ofHours(1));
		Instant tomorrow = Resolution.DAILY.floor(now).plus(Duration.ofDays(1));
		List<Stats> hours = new ArrayList<>();
		for (int i = 0; i < 128; i++) {
			hours.add(hour(this.random));
		}
		List<Stats> days = new ArrayList<>();
		for (int i = 0; i < 32; i++) {
			Stats day = new Stats();
			for (int h = 0; h < 24; h++) {
				day.add(hours.get(this.random.nextInt(hours.size())));
			}
			days.add(day);
		}
		long written = 0;
		try (InfluxMetricStore store = new InfluxMetricStore(settings)) {
			List<Bucket> daily = new ArrayList<>();
			List<Bucket> hourly = new ArrayList<>();
			for (UUID endpoint : endpoints) {
				for (String location : LOCATIONS) {
					for (int day = 1; day <= 90; day++) {
						daily.add(new Bucket(endpoint, location, tomorrow.minus(Duration.ofDays(day)),
								unique(days, this.random)));
					}
					for (int hour = 1; hour <= 7 * 24; hour++) {
						hourly.add(new Bucket(endpoint, location, nextHour.minus(Duration.ofHours(hour)),
								unique(hours, this.random)));
					}
				}
				if (hourly.size() >= 2_000) {
					importRollups(store, Resolution.DAILY, daily);
					importRollups(store, Resolution.HOURLY, hourly);
					written += daily.size() + hourly.size();
					daily.clear();
					hourly.clear();
				}
			}
			importRollups(store, Resolution.DAILY, daily);
			importRollups(store, Resolution.HOURLY, hourly);
			written += daily.size() + hourly.size();
		}
		return written;
	}

	/**
	 * Imports a chunk, again after a timeout: a busy InfluxDB 1.x answers 500 "timeout"
	 * and may still write, and a rollup written twice is the same rollup.
	 */
	private static void importRollups(InfluxMetricStore store, Resolution resolution, List<Bucket> buckets) {
		for (int attempt = 1;; attempt++) {
			try {
				store.writeRollups(resolution, buckets);
				return;
			}
			catch (io.pepper.receiver.store.MetricStoreException ex) {
				if (attempt >= 5) {
					throw ex;
				}
			}
		}
	}

	/**
	 * A pooled rollup with two checks of its own, so that no two histograms are alike and
	 * receiver-service decodes each one it reads at least once, as with real data.
	 */
	private static Stats unique(List<Stats> pool, Random random) {
		Stats stats = new Stats().add(pool.get(random.nextInt(pool.size())));
		for (int i = 0; i < 2; i++) {
			double total = Math.exp(5 + 0.6 * random.nextGaussian());
			stats.add(Stats.ofCheck(Instant.now(), true, ApdexClass.SATISFIED, 500, total, 1.5, 2.0, 10.0, total / 2));
		}
		return stats;
	}

	/** One hour of one location: 60 checks of a log-normal time, about 1% failed. */
	private static Stats hour(Random random) {
		Stats stats = new Stats();
		Instant at = Instant.EPOCH;
		for (int minute = 0; minute < 60; minute++) {
			double total = Math.exp(5 + 0.6 * random.nextGaussian());
			boolean up = random.nextDouble() >= 0.01;
			Outcome outcome = up ? Outcome.up() : Outcome.failed(OutcomeKind.TIMEOUT, null, "timeout");
			stats.add(Stats.ofCheck(at.plusSeconds(60L * minute), up, ApdexClass.of(outcome, total, 500), 500, total,
					1.5, 2.0, 10.0, total / 2));
		}
		return Stats.ofRollup(stats.checks(), stats.up(), stats.satisfied(), stats.tolerating(), stats.frustrated(),
				stats.totalSum(), stats.dnsSum(), stats.dnsCount(), stats.connectSum(), stats.connectCount(),
				stats.tlsSum(), stats.tlsCount(), stats.firstByteSum(), stats.firstByteCount(), 500,
				Instant.now().toEpochMilli(), stats.encodedHistogram());
	}

	private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
		HttpResponse<String> response = this.http.send(request.timeout(Duration.ofSeconds(60)).build(),
				HttpResponse.BodyHandlers.ofString());
		if (response.statusCode() / 100 != 2 && response.statusCode() != 409) {
			throw new AssertionError(response.uri() + ": " + response.statusCode() + " " + response.body());
		}
		return response;
	}

}
