package io.pepper.admin.dashboard;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import io.pepper.admin.endpoint.Endpoint;
import io.pepper.admin.endpoint.EndpointRequest;
import io.pepper.admin.endpoint.EndpointService;
import io.pepper.admin.organization.Role;
import io.pepper.admin.token.TokenService;
import io.pepper.admin.ui.UiTestBase;
import io.pepper.admin.user.User;
import io.pepper.contracts.auth.BearerTokens;
import io.pepper.contracts.v1.ApdexClass;
import io.pepper.contracts.v1.CheckResult;
import io.pepper.contracts.v1.FailureBatch;
import io.pepper.contracts.v1.FailureReport;
import io.pepper.contracts.v1.IncidentView;
import io.pepper.contracts.v1.LocationHistory;
import io.pepper.contracts.v1.Outcome;
import io.pepper.contracts.v1.OutcomeKind;
import io.pepper.contracts.v1.Phase;
import io.pepper.contracts.v1.PhaseTimings;
import io.pepper.contracts.v1.ResultBatch;
import io.pepper.contracts.v1.TrendEvent;
import io.pepper.contracts.v1.WireJson;
import io.pepper.testsupport.Browser;
import io.pepper.testsupport.LocalPostgres;
import io.pepper.testsupport.LocalRedis;
import io.pepper.testsupport.ServiceProcess;
import io.pepper.testsupport.TestDatabase;
import io.pepper.testsupport.TestRedisNamespace;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

/**
 * The dashboards against the real receiver-service and failure-service, started from
 * their runnable jars with real PostgreSQL and Redis: checks go in through their ingest
 * APIs, and the pages show what those services answer.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DashboardsIT extends UiTestBase {

	private static final String QUERY_TOKEN = "dashboards-query-token-0123456789abcdef";

	private static final String INCIDENT_TOKEN = "dashboards-incident-token-0123456789abcdef";

	private static final String INGEST_TOKEN = "dashboards-ingest-token-0123456789abcdef";

	private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private static final int RECEIVER_PORT = freePort();

	private static final int FAILURE_PORT = freePort();

	private static final String RECEIVER = "http://127.0.0.1:" + RECEIVER_PORT;

	private static final String FAILURE = "http://127.0.0.1:" + FAILURE_PORT;

	private static final List<AutoCloseable> OWNED = new ArrayList<>();

	@Autowired
	private EndpointService endpoints;

	@Autowired
	private TokenService tokens;

	private String ownerEmail;

	private UUID organization;

	private UUID ownerId;

	private Endpoint healthy;

	private Endpoint broken;

	private Endpoint paused;

	private Endpoint silent;

	@DynamicPropertySource
	static void monitoring(DynamicPropertyRegistry registry) {
		registry.add("pepper.admin.monitoring.receiver-url", () -> RECEIVER);
		registry.add("pepper.admin.monitoring.receiver-token", () -> QUERY_TOKEN);
		registry.add("pepper.admin.monitoring.failure-url", () -> FAILURE);
		registry.add("pepper.admin.monitoring.failure-token", () -> INCIDENT_TOKEN);
	}

	@BeforeAll
	void startServicesAndFeedThem() throws Exception {
		LocalPostgres postgres = LocalPostgres.fromEnvironment();
		TestDatabase receiverDb = own(postgres.createDatabase("dash_receiver"));
		TestDatabase failureDb = own(postgres.createDatabase("dash_failure"));
		LocalRedis redis = LocalRedis.fromEnvironment();
		TestRedisNamespace keys = own(redis.createNamespace("dash"));
		ServiceProcess receiver = own(ServiceProcess.start("receiver-service", RECEIVER_PORT,
				List.of("--pepper.receiver.store=postgres", "--spring.datasource.url=" + receiverDb.jdbcUrl(),
						"--spring.datasource.username=" + receiverDb.username(),
						"--spring.datasource.password=" + receiverDb.password(),
						"--spring.data.redis.host=" + redis.host(), "--spring.data.redis.port=" + redis.port(),
						"--pepper.receiver.redis-key-prefix=" + keys.prefix(),
						"--pepper.receiver.ingest-token-sha256=" + BearerTokens.sha256Hex(INGEST_TOKEN),
						"--pepper.receiver.query-token-sha256=" + BearerTokens.sha256Hex(QUERY_TOKEN))));
		ServiceProcess failure = own(ServiceProcess.start("failure-service", FAILURE_PORT,
				List.of("--spring.datasource.url=" + failureDb.jdbcUrl(),
						"--spring.datasource.username=" + failureDb.username(),
						"--spring.datasource.password=" + failureDb.password(), "--spring.mail.host=127.0.0.1",
						"--spring.mail.port=9", "--pepper.failure.dispatch-enabled=false",
						"--pepper.failure.ingest-token-sha256=" + BearerTokens.sha256Hex(INGEST_TOKEN),
						"--pepper.failure.service-token-sha256=" + BearerTokens.sha256Hex(INCIDENT_TOKEN),
						"--pepper.failure.receiver-url=" + RECEIVER,
						"--pepper.failure.receiver-token=" + INGEST_TOKEN)));
		receiver.awaitHealthy(Duration.ofMinutes(3));
		failure.awaitHealthy(Duration.ofMinutes(3));

		this.ownerEmail = email("dash-owner");
		User owner = owner(this.ownerEmail, organizationName("Dash"));
		this.ownerId = owner.getId();
		this.organization = organizationOf(owner);
		this.healthy = endpoint("Healthy shop", List.of("local", "eu-west"), true);
		this.broken = endpoint("Broken API", List.of("local", "eu-west"), true);
		this.paused = endpoint("Paused batch", List.of("local"), false);
		this.silent = endpoint("Never checked", List.of("local"), true);

		Instant now = Instant.now().truncatedTo(ChronoUnit.MINUTES);
		List<CheckResult> results = new ArrayList<>();
		for (int minutes = 50; minutes >= 0; minutes -= 10) {
			Instant at = now.minus(Duration.ofMinutes(minutes));
			results.add(up(this.healthy, "local", at, 80 + minutes));
			results.add(up(this.healthy, "eu-west", at, 120 + minutes));
		}
		results.add(up(this.broken, "local", now.minus(Duration.ofMinutes(30)), 100));
		post(RECEIVER + ResultBatch.PATH, new ResultBatch(UUID.randomUUID(), "dash-probe", results));
		List<FailureReport> failures = new ArrayList<>();
		for (int minutes = 3; minutes >= 1; minutes--) {
			for (String location : List.of("local", "eu-west")) {
				failures.add(new FailureReport("Broken API", URI.create("https://broken.example.com/"),
						refused(this.broken, location, now.minus(Duration.ofMinutes(minutes)))));
			}
		}
		post(FAILURE + FailureBatch.PATH, new FailureBatch(UUID.randomUUID(), "dash-probe", failures));
		// The worker drains the queue and failure-service records the failures in
		// history.
		await().atMost(Duration.ofMinutes(1))
			.until(() -> signedIn(this.ownerEmail).get("/endpoints").body().contains("data-status=\"DOWN\"")
					&& !openIncidents().isEmpty());
	}

	@AfterAll
	void stopServices() throws Exception {
		for (AutoCloseable owned : OWNED.reversed()) {
			owned.close();
		}
	}

	@Test
	void endpointListShowsStatusUptimeApdexP95AndTheHourlyBarFromTheServices() throws Exception {
		Browser browser = signedIn(this.ownerEmail);
		String page = browser.get("/endpoints").body();

		assertThat(row(page, this.healthy)).contains("data-status=\"UP\"")
			.contains("data-uptime-24h=\"1.0\"")
			.contains(">100 %<")
			.containsPattern(">0\\.\\d\\d \\[0\\.5 s\\]<|>1\\.00 \\[0\\.5 s\\]<")
			.containsPattern("data-p95-ms=\"1[0-9]{2}(\\.\\d+)?\"")
			.contains("cell-up");
		assertThat(row(page, this.broken)).contains("data-status=\"DOWN\"").contains("failing: eu-west, local");
		assertThat(row(page, this.paused)).contains("data-status=\"PAUSED\"").contains(">PAUSED<");
		assertThat(row(page, this.silent)).contains("data-status=\"NO_DATA\"").contains(">NO DATA<");
		assertThat(page).doesNotContain("history-unavailable").contains("/js/endpoint-list.js");

		JsonNode live = WireJson.mapper().readTree(browser.get("/endpoints/live").body());
		assertThat(live.path("historyNotice").isNull()).isTrue();
		assertThat(live.path("rows")).hasSize(4);
		live.path("rows").forEach((row) -> {
			if (row.path("endpointId").asString().equals(this.healthy.getId().toString())) {
				assertThat(row.path("status").asString()).isEqualTo("UP");
				assertThat(row.path("hours")).hasSize(24);
			}
		});
	}

	@Test
	void chartDataIsWhatReceiverServiceAnswersForTheSameRange() throws Exception {
		Browser browser = signedIn(this.ownerEmail);
		JsonNode charts = WireJson.mapper()
			.readTree(browser.get("/endpoints/" + this.healthy.getId() + "/charts?range=1h").body());
		assertThat(charts.path("stepSeconds").asLong()).isEqualTo(60);
		JsonNode direct = WireJson.mapper()
			.readTree(get(RECEIVER + "/v1/history/" + this.healthy.getId() + "/locations?from="
					+ charts.path("from").asString() + "&to=" + charts.path("to").asString() + "&step=60"));
		assertThat(charts.path("all")).isEqualTo(direct.path("all"));
		assertThat(charts.path("locations")).hasSize(2);
		assertThat(charts.path("all")).hasSize(6);
		assertThat(charts.path("all").get(0).path("p95Ms").asDouble())
			.isCloseTo(direct.path("all").get(0).path("p95Ms").asDouble(), within(1e-9));

		JsonNode week = WireJson.mapper()
			.readTree(browser.get("/endpoints/" + this.healthy.getId() + "/charts?range=7d").body());
		assertThat(week.path("stepSeconds").asLong()).as("a longer range, a coarser resolution").isEqualTo(3600);
		assertThat(browser.get("/endpoints/" + this.healthy.getId() + "/charts?range=forever").status()).isEqualTo(400);

		String page = browser.get("/endpoints/" + this.broken.getId()).body();
		assertThat(page).contains("id=\"endpoint-status\"")
			.contains("data-status=\"DOWN\"")
			.contains("id=\"uptime-90d\"")
			.contains("id=\"recent-checks\"")
			.contains("CONNECTION_REFUSED")
			.contains("/incidents/" + openIncidents().getFirst().id());
		assertThat(page.split("data-day=", -1)).hasSize(91);
	}

	@Test
	void incidentsAreListedShownAndAcknowledgedByAdminsOnly() throws Exception {
		IncidentView incident = openIncidents().getFirst();
		String viewerEmail = email("dash-viewer");
		member(user(viewerEmail), this.organization, Role.VIEWER);
		Browser viewer = signedIn(viewerEmail);
		String list = viewer.get("/incidents?state=OPEN&kind=DOWN").body();
		assertThat(list).contains("data-incident-id=\"" + incident.id() + "\"").contains("Broken API");
		assertThat(viewer.get("/incidents?kind=DEGRADED").body()).doesNotContain(incident.id().toString());
		assertThat(viewer.get("/incidents?endpoint=" + this.healthy.getId()).body()).contains("id=\"no-incidents\"");
		String detail = viewer.get("/incidents/" + incident.id()).body();
		assertThat(detail).contains("id=\"timeline\"")
			.contains("data-type=\"opened\"")
			.contains("href=\"/endpoints/" + this.broken.getId() + "\"")
			.doesNotContain("id=\"acknowledge\"");
		assertThat(viewer.post("/incidents/" + incident.id() + "/acknowledge").status()).isEqualTo(403);
		assertThat(openIncidents().getFirst().acknowledgedAt()).isNull();

		String adminEmail = email("dash-admin");
		member(user(adminEmail), this.organization, Role.ADMIN);
		Browser admin = signedIn(adminEmail);
		assertThat(admin.get("/incidents/" + incident.id()).body()).contains("id=\"acknowledge\"");
		Browser.Page acknowledged = admin.post("/incidents/" + incident.id() + "/acknowledge");
		assertThat(admin.follow(acknowledged).body()).contains("Incident acknowledged.")
			.contains("id=\"acknowledged\"")
			.contains("Acknowledged by " + adminEmail);
		assertThat(openIncidents().getFirst().acknowledgedBy()).isEqualTo(adminEmail);
	}

	@Test
	void aDegradedIncidentShowsTheApdexBeforeItOpenedAndAdminAppsName() throws Exception {
		String email = email("dash-degraded");
		UUID elsewhere = organizationOf(owner(email, organizationName("Slower")));
		Endpoint slowing = this.endpoints.create(elsewhere,
				new EndpointRequest("Slowing report", "https://r.example.com/", null, null, null, null, null, null,
						null, null, null, null, List.of("local"), List.of()));
		Instant now = Instant.now().truncatedTo(ChronoUnit.MINUTES);
		// Two satisfied checks and two tolerating ones: Apdex (2 + 2 / 2) / 4 = 0.75.
		List<CheckResult> checks = List.of(up(slowing, elsewhere, now.minus(Duration.ofMinutes(40)), 100),
				up(slowing, elsewhere, now.minus(Duration.ofMinutes(30)), 100),
				up(slowing, elsewhere, now.minus(Duration.ofMinutes(20)), 900),
				up(slowing, elsewhere, now.minus(Duration.ofMinutes(10)), 900));
		post(RECEIVER + ResultBatch.PATH, new ResultBatch(UUID.randomUUID(), "dash-probe", checks), INGEST_TOKEN);
		await().atMost(Duration.ofMinutes(1))
			.until(() -> get(RECEIVER + "/v1/history/" + slowing.getId() + "/checks?limit=10")
				.contains(now.minus(Duration.ofMinutes(10)).toString()));
		post(FAILURE + TrendEvent.PATH, new TrendEvent(UUID.randomUUID(), slowing.getId(), elsewhere,
				TrendEvent.Kind.DEGRADED, Instant.now(), 0.75, 0.97, 500, "Apdex fell"), INCIDENT_TOKEN);
		IncidentView degraded = await().atMost(Duration.ofMinutes(1))
			.until(() -> List.of(WireJson.mapper()
				.readValue(get(FAILURE + "/v1/incidents?state=OPEN&organizationId=" + elsewhere),
						IncidentView[].class)),
					(open) -> !open.isEmpty())
			.getFirst();

		String page = signedIn(email).get("/incidents/" + degraded.id()).body();
		assertThat(page).contains("id=\"apdex-change\"")
			.contains("id=\"apdex-before\" data-apdex=\"0.75\"")
			.contains(">0.75 [0.5 s]<")
			.contains(">Slowing report</a>");
		assertThat(count(signedIn(email).get("/").body(), "DEGRADED")).isEqualTo(1);
	}

	@Test
	void anotherOrganizationsIncidentsAndChartsAre404() throws Exception {
		String strangerEmail = email("dash-stranger");
		owner(strangerEmail, organizationName("Elsewhere"));
		Browser stranger = signedIn(strangerEmail);
		UUID incident = openIncidents().getFirst().id();
		assertThat(stranger.get("/incidents/" + incident).status()).isEqualTo(404);
		assertThat(stranger.post("/incidents/" + incident + "/acknowledge").status()).isEqualTo(404);
		assertThat(stranger.get("/incidents?endpoint=" + this.broken.getId()).status()).isEqualTo(404);
		assertThat(stranger.get("/endpoints/" + this.broken.getId() + "/charts").status()).isEqualTo(404);
		assertThat(stranger.get("/incidents").body()).doesNotContain(incident.toString());
		assertThat(stranger.get("/").body()).doesNotContain("Broken API");
	}

	@Test
	void theIncidentApiAnswersWithTheOrganizationsOwnIncidentsOnly() throws Exception {
		IncidentView incident = openIncidents().getFirst();
		String token = this.tokens.issueApiToken(this.ownerId, this.organization, "incidents").token();
		HttpResponse<String> open = api("/api/v1/incidents?state=open", token);
		assertThat(open.statusCode()).as(open.body()).isEqualTo(200);
		assertThat(List.of(WireJson.mapper().readValue(open.body(), IncidentView[].class))).extracting(IncidentView::id)
			.contains(incident.id());
		assertThat(api("/api/v1/incidents?state=RESOLVED", token).body()).doesNotContain(incident.id().toString());
		HttpResponse<String> one = api("/api/v1/incidents/" + incident.id(), token);
		assertThat(one.statusCode()).isEqualTo(200);
		assertThat(one.body()).contains("\"id\":\"" + incident.id() + "\"", "Broken API");
		HttpResponse<String> badState = api("/api/v1/incidents?state=closed", token);
		assertThat(badState.statusCode()).isEqualTo(400);
		assertThat(badState.body()).contains("\"field\":\"state\"");
		assertThat(api("/api/v1/incidents?limit=0", token).statusCode()).isEqualTo(400);

		String strangerEmail = email("dash-api-stranger");
		User strangerUser = owner(strangerEmail, organizationName("Api elsewhere"));
		String stranger = this.tokens.issueApiToken(strangerUser.getId(), organizationOf(strangerUser), "incidents")
			.token();
		HttpResponse<String> theirs = api("/api/v1/incidents", stranger);
		assertThat(theirs.statusCode()).isEqualTo(200);
		assertThat(theirs.body()).doesNotContain(incident.id().toString());
		assertThat(api("/api/v1/incidents/" + incident.id(), stranger).statusCode()).isEqualTo(404);
		assertThat(api("/api/v1/incidents", null).statusCode()).isEqualTo(401);
	}

	private HttpResponse<String> api(String path, @Nullable String token) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port() + path)).GET();
		if (token != null) {
			request.header("Authorization", "Bearer " + token);
		}
		return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	@Test
	void overviewCountsStatusesAndListsOpenIncidents() throws Exception {
		String page = signedIn(this.ownerEmail).get("/").body();
		assertThat(count(page, "UP")).isEqualTo(1);
		assertThat(count(page, "DOWN")).isEqualTo(1);
		assertThat(count(page, "PAUSED")).isEqualTo(1);
		assertThat(count(page, "NO_DATA")).isEqualTo(1);
		assertThat(page).contains("id=\"open-incidents\"")
			.contains("data-incident-id=\"" + openIncidents().getFirst().id() + "\"")
			.contains("id=\"worst-apdex\"")
			.contains("id=\"p95-growth\"")
			.contains("id=\"certificates\"");
	}

	private static int count(String page, String status) {
		String tile = page.substring(page.indexOf("data-status=\"" + status + "\""));
		String number = tile.replaceFirst("(?s)^.*?class=\"fs-3 fw-semibold count\">(\\d+)<.*$", "$1");
		return Integer.parseInt(number);
	}

	private static String row(String page, Endpoint endpoint) {
		int start = page.indexOf("<tr data-endpoint-id=\"" + endpoint.getId() + "\"");
		assertThat(start).as("row of " + endpoint.getSettings().name()).isNotNegative();
		return page.substring(start, page.indexOf("</tr>", start));
	}

	private List<IncidentView> openIncidents() throws Exception {
		return List.of(WireJson.mapper()
			.readValue(get(FAILURE + "/v1/incidents?state=OPEN&organizationId=" + this.organization),
					IncidentView[].class));
	}

	private Endpoint endpoint(String name, List<String> locations, boolean enabled) {
		Endpoint endpoint = this.endpoints.create(this.organization,
				new EndpointRequest(name, "https://" + name.toLowerCase().replace(' ', '-') + ".example.com/", null,
						null, null, null, null, null, null, null, null, null, locations, List.of()));
		return enabled ? endpoint : this.endpoints.pause(this.organization, endpoint.getId());
	}

	private CheckResult up(Endpoint endpoint, String location, Instant at, double totalMs) {
		return up(endpoint, this.organization, location, at, totalMs);
	}

	private static CheckResult up(Endpoint endpoint, UUID organization, Instant at, double totalMs) {
		return up(endpoint, organization, "local", at, totalMs);
	}

	private static CheckResult up(Endpoint endpoint, UUID organization, String location, Instant at, double totalMs) {
		return new CheckResult(endpoint.getId(), organization, location, at, at,
				new PhaseTimings(2.0, 5.0, 20.0, totalMs - 10, totalMs), 200, 512, null, Outcome.up(), 500,
				ApdexClass.of(Outcome.up(), totalMs, 500));
	}

	private CheckResult refused(Endpoint endpoint, String location, Instant at) {
		return new CheckResult(endpoint.getId(), this.organization, location, at, at,
				new PhaseTimings(1.0, null, null, null, 3.0), null, 0, null,
				Outcome.failed(OutcomeKind.CONNECTION_REFUSED, Phase.CONNECT, "connection refused"), 500,
				ApdexClass.FRUSTRATED);
	}

	private static void post(String url, Object body) throws IOException, InterruptedException {
		post(url, body, INGEST_TOKEN);
	}

	private static void post(String url, Object body, String token) throws IOException, InterruptedException {
		HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(url))
			.header("Authorization", "Bearer " + token)
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofByteArray(WireJson.mapper().writeValueAsBytes(body)))
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).as(url + ": " + response.body()).isBetween(200, 299);
	}

	private static String get(String url) throws IOException, InterruptedException {
		String token = url.startsWith(RECEIVER) ? QUERY_TOKEN : INCIDENT_TOKEN;
		HttpResponse<String> response = HTTP.send(
				HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + token).GET().build(),
				HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).as(url + ": " + response.body()).isEqualTo(200);
		return response.body();
	}

	private static <T extends AutoCloseable> T own(T resource) {
		OWNED.add(resource);
		return resource;
	}

	private static int freePort() {
		try {
			return ServiceProcess.freePort();
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
