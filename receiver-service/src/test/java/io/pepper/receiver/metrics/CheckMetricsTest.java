package io.pepper.receiver.metrics;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.sun.net.httpserver.HttpServer;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.pepper.contracts.auth.BearerTokens;
import io.pepper.contracts.v1.AlertPolicy;
import io.pepper.contracts.v1.AlertingSnapshot;
import io.pepper.contracts.v1.CheckResult;
import io.pepper.contracts.v1.EndpointAlerting;
import io.pepper.contracts.v1.WireJson;
import io.pepper.http.ServiceClient;
import io.pepper.http.SnapshotPoller;
import io.pepper.receiver.Checks;
import io.pepper.receiver.ReceiverProperties;
import io.pepper.receiver.store.MetricQueries;
import io.pepper.receiver.store.ObservingMetricStore;
import io.pepper.testsupport.LocalInflux;
import io.pepper.testsupport.LocalRedis;
import io.pepper.testsupport.PrometheusText;
import io.pepper.testsupport.TestInfluxDatabase;
import io.pepper.testsupport.TestRedisNamespace;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * The check gauges at {@code /actuator/prometheus}, computed from checks stored in a real
 * InfluxDB, named from a snapshot a local stand-in for admin-app serves, scraped over
 * HTTP with the scrape token.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CheckMetricsTest {

	private static final String INGEST_TOKEN = "ingest-token-for-metrics-test";

	private static final String SCRAPE_TOKEN = "scrape-token-for-metrics-test";

	private static final LocalRedis REDIS = LocalRedis.fromEnvironment();

	private static final LocalInflux INFLUX = LocalInflux.fromEnvironment();

	private static final TestRedisNamespace KEYS = REDIS.createNamespace("receiver_metrics");

	private static final TestInfluxDatabase DATABASE = INFLUX.createDatabase("receiver_metrics");

	private static final HttpServer ADMIN = admin();

	private static volatile byte[] snapshot = new byte[0];

	private static final UUID ORGANIZATION = Checks.ORGANIZATION;

	private static final UUID CHECKOUT = UUID.randomUUID();

	private static final UUID UNLISTED = UUID.randomUUID();

	private static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.MINUTES);

	@DynamicPropertySource
	static void servers(DynamicPropertyRegistry registry) {
		registry.add("spring.data.redis.host", REDIS::host);
		registry.add("spring.data.redis.port", REDIS::port);
		registry.add("pepper.receiver.redis-key-prefix", KEYS::prefix);
		registry.add("pepper.receiver.ingest-token-sha256", () -> BearerTokens.sha256Hex(INGEST_TOKEN));
		registry.add("pepper.receiver.influx.url", INFLUX::url);
		registry.add("pepper.receiver.influx.database", DATABASE::name);
		registry.add("pepper.receiver.influx.v1-compat", () -> "true");
		registry.add("pepper.receiver.admin-url", CheckMetricsTest::adminUrl);
		registry.add("pepper.receiver.admin-token", () -> "admin-token");
		registry.add("pepper.metrics.scrape-token-sha256", () -> BearerTokens.sha256Hex(SCRAPE_TOKEN));
		// The test refreshes by hand.
		registry.add("pepper.receiver.metrics.refresh", () -> "1h");
	}

	@LocalServerPort
	private int port;

	@Autowired
	private ObservingMetricStore store;

	@Autowired
	private MetricQueries queries;

	@Autowired
	private CheckMetrics metrics;

	private final HttpClient http = HttpClient.newHttpClient();

	@BeforeAll
	void storeChecks() {
		serve(new EndpointAlerting(CHECKOUT, ORGANIZATION, "Checkout \"EU\"", URI.create("https://shop.example.com/"),
				List.of("eu-west", "us-east"), List.of(), 500, AlertPolicy.DEFAULT, List.of()));
		this.store.write(List.of(at(Checks.up(CHECKOUT, "eu-west", 200), 3), at(Checks.up(CHECKOUT, "eu-west", 120), 2),
				at(Checks.unexpectedStatus(CHECKOUT, "us-east", 503), 2), at(Checks.up(UNLISTED, "eu-west", 90), 2)));
		this.metrics.refresh();
	}

	@AfterAll
	void cleanUp() {
		this.http.close();
		ADMIN.stop(0);
		KEYS.close();
		DATABASE.close();
	}

	@Test
	void servesTheLatestCheckOfEachEndpointAndLocationAsGauges() throws Exception {
		Map<String, Double> samples = samples(scrape(SCRAPE_TOKEN).body());
		String eu = labels("eu-west");
		String us = labels("us-east");

		assertThat(samples.get("pepper_check_up" + eu)).isEqualTo(1.0);
		assertThat(samples.get("pepper_check_up" + us)).isEqualTo(0.0);
		assertThat(samples.get("pepper_check_duration_seconds" + eu)).isEqualTo(0.12);
		assertThat(samples).as("a failed check has no duration")
			.doesNotContainKey("pepper_check_duration_seconds" + us);
		assertThat(samples.get("pepper_check_phase_duration_seconds" + with(eu, "phase", "dns"))).isEqualTo(0.0015);
		assertThat(samples.get("pepper_check_phase_duration_seconds" + with(eu, "phase", "first_byte")))
			.isEqualTo(0.0405);
		assertThat(samples.get("pepper_check_http_status" + eu)).isEqualTo(200.0);
		assertThat(samples.get("pepper_check_http_status" + us)).isEqualTo(503.0);
		assertThat(samples.get("pepper_check_tls_cert_expiry_timestamp_seconds" + eu))
			.isEqualTo((double) NOW.minus(2, ChronoUnit.MINUTES).plus(90, ChronoUnit.DAYS).getEpochSecond());
		assertThat(samples.get("pepper_check_timestamp_seconds" + eu))
			.isEqualTo((double) NOW.minus(2, ChronoUnit.MINUTES).getEpochSecond());
		// 200 ms and 120 ms against T = 500 ms: both satisfied.
		assertThat(samples.get("pepper_check_apdex" + with(eu, "window", "1h"))).isEqualTo(1.0);
		assertThat(samples.get("pepper_check_apdex" + with(us, "window", "1h"))).isEqualTo(0.0);
		assertThat(samples.get("pepper_check_apdex" + with(eu, "window", "24h"))).isEqualTo(1.0);
		assertThat(samples.get("pepper_check_duration_p95_seconds" + with(eu, "window", "1h"))).isCloseTo(0.2,
				org.assertj.core.data.Offset.offset(0.002));
		assertThat(samples.keySet()).as("an endpoint the snapshot does not list is not served")
			.noneMatch((key) -> key.contains(UNLISTED.toString()));
		assertThat(this.metrics.served()).isEqualTo(17);
	}

	@Test
	void leavesOutThePhaseSeriesWhenAsked() {
		PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
		SnapshotPoller<AlertingSnapshot> poller = new SnapshotPoller<>(
				ServiceClient.builder("admin-app", URI.create(adminUrl())).token("admin-token").build(),
				"the alerting snapshot", AlertingSnapshot.class, AlertingSnapshot.PATH);
		CheckMetrics withoutPhases = new CheckMetrics(this.queries, poller,
				new ReceiverProperties.Metrics(true, Duration.ofHours(1), false, 1000), registry, Clock.systemUTC());

		withoutPhases.refresh();

		String text = registry.scrape();
		assertThat(text).contains("pepper_check_up{").doesNotContain("pepper_check_phase_duration_seconds");
		assertThat(withoutPhases.served()).isEqualTo(13);
	}

	@Test
	void answersOnlyTheScrapeTokenWith200AndEverythingElseWith401() throws Exception {
		assertThat(scrape(SCRAPE_TOKEN).statusCode()).isEqualTo(200);
		for (String wrong : new String[] { null, INGEST_TOKEN, "not-a-token" }) {
			HttpResponse<String> refused = scrape(wrong);
			assertThat(refused.statusCode()).as("token %s", wrong).isEqualTo(401);
			assertThat(refused.headers().firstValue("WWW-Authenticate")).contains("Bearer");
			assertThat(refused.body()).contains("scrape token").doesNotContain("pepper_");
		}
		HttpResponse<String> health = this.http.send(
				HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + "/actuator/health")).build(),
				HttpResponse.BodyHandlers.ofString());
		assertThat(health.statusCode()).isEqualTo(200);
	}

	@Test
	void servesPeppersMetricsInAFormatPromtoolAccepts() throws Exception {
		Optional<Path> promtool = PrometheusText.promtool();
		if (promtool.isEmpty()) {
			if (PrometheusText.promtoolRequired()) {
				fail("promtool is required here (" + PrometheusText.REQUIRE_PROMTOOL + ") but not on the PATH");
			}
			return;
		}
		String text = scrape(SCRAPE_TOKEN).body();
		assertThat(PrometheusText.pepperFamilies(text)).contains("pepper_check_up");
		assertThat(PrometheusText.promtoolProblems(promtool.get(), text)).isEmpty();
	}

	@Test
	void servesPeppersMetricsInTheTextFormatsRules() throws Exception {
		String text = scrape(SCRAPE_TOKEN).body();
		assertThat(PrometheusText.pepperFamilies(text)).contains("pepper_check_apdex");
		assertThat(PrometheusText.problems(text)).isEmpty();
	}

	@Test
	void shipsAGrafanaDashboardThatQueriesOnlyMetricsPepperServes() throws Exception {
		Path dashboard = Path.of("..", "deploy", "grafana", "pepper-checks.json");
		JsonNode json = WireJson.mapper().readTree(Files.readString(dashboard));
		assertThat(json.get("title").asString()).isNotBlank();
		List<String> queries = new ArrayList<>();
		collect(json, queries);
		assertThat(queries).hasSizeGreaterThan(5);

		Set<String> served = families(scrape(SCRAPE_TOKEN).body());
		Set<String> named = new TreeSet<>();
		for (String query : queries) {
			Set<String> metrics = Dashboards.metricsIn(query);
			assertThat(metrics).as("query %s names a metric", query).isNotEmpty();
			named.addAll(metrics);
		}
		assertThat(served).as("every metric the dashboard queries is served").containsAll(named);
		assertThat(named).contains("pepper_check_up", "pepper_check_apdex", "pepper_check_duration_seconds",
				"pepper_check_tls_cert_expiry_timestamp_seconds");
	}

	/** Every PromQL expression of panels and template variables. */
	private static void collect(JsonNode node, List<String> queries) {
		if (node.isObject()) {
			if (node.has("type") && node.get("type").asString().equals("datasource")) {
				return;
			}
			for (Map.Entry<String, JsonNode> field : node.properties()) {
				if ((field.getKey().equals("expr") || field.getKey().equals("query")) && field.getValue().isString()
						&& !field.getValue().asString().isBlank()) {
					queries.add(field.getValue().asString());
				}
				else if (field.getKey().equals("query") && field.getValue().isObject()
						&& field.getValue().has("query")) {
					queries.add(field.getValue().get("query").asString());
				}
				else {
					collect(field.getValue(), queries);
				}
			}
		}
		else if (node.isArray()) {
			node.forEach((child) -> collect(child, queries));
		}
	}

	private HttpResponse<String> scrape(String token) throws IOException, InterruptedException {
		HttpRequest.Builder request = HttpRequest
			.newBuilder(URI.create("http://127.0.0.1:" + this.port + "/actuator/prometheus"));
		if (token != null) {
			request.header("Authorization", "Bearer " + token);
		}
		return this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	private static String labels(String location) {
		return "{endpoint_id=\"" + CHECKOUT + "\",endpoint_name=\"Checkout \\\"EU\\\"\",location=\"" + location
				+ "\",organization_id=\"" + ORGANIZATION + "\"}";
	}

	private static String with(String labels, String name, String value) {
		return labels.substring(0, labels.length() - 1) + "," + name + "=\"" + value + "\"}";
	}

	private static final Pattern SAMPLE = Pattern.compile("^([a-z_:][a-z0-9_:]*)(\\{.*\\})? (\\S+)$");

	private static Map<String, Double> samples(String text) {
		Map<String, Double> samples = new HashMap<>();
		for (String line : text.lines().toList()) {
			Matcher matcher = SAMPLE.matcher(line);
			if (!line.startsWith("#") && matcher.matches()) {
				samples.put(matcher.group(1) + ((matcher.group(2) != null) ? matcher.group(2) : ""),
						Double.parseDouble(matcher.group(3)));
			}
		}
		return samples;
	}

	private static Set<String> families(String text) {
		Set<String> families = new TreeSet<>();
		text.lines().filter((line) -> line.startsWith("# TYPE ")).forEach((line) -> {
			String[] parts = line.split(" ");
			families.add(parts[2]);
			if (parts[3].equals("histogram") || parts[3].equals("summary")) {
				families.addAll(List.of(parts[2] + "_bucket", parts[2] + "_count", parts[2] + "_sum"));
			}
		});
		return families;
	}

	private static CheckResult at(CheckResult result, int minutesAgo) {
		Instant scheduled = NOW.minus(minutesAgo, ChronoUnit.MINUTES);
		return new CheckResult(result.endpointId(), result.organizationId(), result.location(), scheduled,
				scheduled.plusMillis(12), result.timings(), result.status(), result.bytes(),
				(result.tlsCertExpiresAt() != null) ? scheduled.plus(90, ChronoUnit.DAYS) : null, result.outcome(),
				result.apdexThresholdMs(), result.apdex());
	}

	private static void serve(EndpointAlerting... endpoints) {
		snapshot = WireJson.mapper()
			.writeValueAsBytes(
					new AlertingSnapshot(Instant.now(), List.of(endpoints), List.of(), List.of(), List.of()));
	}

	private static String adminUrl() {
		return "http://127.0.0.1:" + ADMIN.getAddress().getPort();
	}

	private static HttpServer admin() {
		try {
			HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
			server.createContext(AlertingSnapshot.PATH, (exchange) -> {
				byte[] body = snapshot;
				exchange.getResponseHeaders().set("Content-Type", "application/json");
				exchange.sendResponseHeaders(200, body.length);
				try (OutputStream out = exchange.getResponseBody()) {
					out.write(body);
				}
			});
			server.start();
			return server;
		}
		catch (IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
	}

}
