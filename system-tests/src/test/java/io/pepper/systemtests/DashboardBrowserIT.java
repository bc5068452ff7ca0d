package io.pepper.systemtests;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import io.pepper.contracts.v1.EndpointSpec;
import io.pepper.contracts.v1.EndpointSummary;
import io.pepper.contracts.v1.HistoryPoint;
import io.pepper.contracts.v1.IncidentView;
import io.pepper.contracts.v1.LocationHistory;
import io.pepper.contracts.v1.OutcomeKind;
import io.pepper.contracts.v1.ProbeEndpointList;
import io.pepper.contracts.v1.WireJson;
import io.pepper.demo.DemoHistory;
import io.pepper.demo.HistoryGenerator;
import io.pepper.http.ServiceClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The dashboards in a real headless Chromium, fed by real checks: the probe checks a
 * healthy and a broken target, and the healthy endpoint also has a week of past checks
 * sent through the ingest API as {@code ./scripts/run} does for the demo. An organization
 * of its own, signed up through the UI; one screenshot per page and width under
 * {@code target/screenshots/}.
 */
@ExtendWith(Suite.Shared.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DashboardBrowserIT {

	private static final String OWNER = "owner@browser.example";

	private static final Duration PAGE_TIMEOUT = Duration.ofSeconds(30);

	private Suite suite;

	private Chromium chromium;

	private String healthyId;

	private String brokenId;

	private String organizationId;

	@BeforeAll
	void startBrowser(Suite suite) throws Exception {
		this.suite = suite;
		String token = suite.signUpWithApiToken(OWNER, "Browser");
		Instant before = Instant.now().truncatedTo(ChronoUnit.MINUTES);
		this.healthyId = suite.createEndpoint(token, "Browser healthy", suite.targets.url("/healthy"))
			.get("id")
			.asString();
		JsonNode broken = suite.createEndpoint(token, "Browser broken", suite.targets.url("/broken"));
		this.brokenId = broken.get("id").asString();
		this.organizationId = broken.get("organizationId").asString();
		seedWeekOfHistory(before);
		this.chromium = new Chromium(suite.admin.url());
		this.chromium.signIn(OWNER, Suite.PASSWORD);
	}

	/**
	 * A week of minute checks before the endpoint existed, through the demo history's
	 * real path: the probe API's endpoint spec, then receiver-service's ingest API.
	 */
	private void seedWeekOfHistory(Instant to) {
		ServiceClient admin = ServiceClient.builder("admin-app", URI.create(this.suite.admin.url()))
			.token(this.suite.probeToken)
			.build();
		EndpointSpec live = admin.get(ProbeEndpointList.PATH + "?location=local", ProbeEndpointList.class)
			.endpoints()
			.stream()
			.filter((spec) -> spec.id().toString().equals(this.healthyId))
			.findFirst()
			.orElseThrow();
		EndpointSpec everyMinute = new EndpointSpec(live.id(), live.organizationId(), live.name(), live.url(),
				live.method(), live.headers(), live.body(), live.expectedStatus(), live.assertions(), live.timeoutMs(),
				live.followRedirects(), live.apdexThresholdMs(), 60, live.httpVersion());
		URI receiver = URI.create(this.suite.receiver.url());
		DemoHistory demo = new DemoHistory(
				ServiceClient.builder("receiver-service", receiver).token(this.suite.probeToReceiver).build(),
				ServiceClient.builder("receiver-service", receiver).token(this.suite.queryToken).build(),
				new HistoryGenerator(9));
		DemoHistory.Report report = demo.seed(List.of(everyMinute), "local", to.minus(Duration.ofDays(7)), to,
				Set.of());
		assertThat(report.refused()).isZero();
		assertThat(report.checks()).isEqualTo(7 * 24 * 60);
	}

	@AfterAll
	void closeBrowser() throws Exception {
		if (this.chromium != null) {
			this.chromium.close();
		}
	}

	@Test
	void statusColumnMatchesTheChecks() throws Exception {
		this.chromium.open("/endpoints");
		// The broken endpoint is DOWN once failure-service confirmed its failures.
		this.chromium.await(Suite.FLOW_TIMEOUT.plus(Duration.ofSeconds(60)), (driver) -> {
			driver.navigate().refresh();
			return status(this.healthyId).equals("UP") && status(this.brokenId).equals("DOWN");
		});
		List<EndpointSummary> summaries = summaries(List.of(this.healthyId, this.brokenId));
		assertThat(summaries.get(0).lastOutcome()).isEqualTo(OutcomeKind.UP);
		assertThat(summaries.get(1).lastOutcome()).isNotEqualTo(OutcomeKind.UP);
		assertThat(this.chromium.find(row(this.healthyId) + " td.live-status .pepper-status").getText())
			.isEqualTo("UP");
		assertThat(this.chromium.find(row(this.brokenId) + " td.live-status .pepper-status").getText())
			.isEqualTo("DOWN");
		// Uptime shown is the receiver's figure.
		double uptime = Double.parseDouble(
				this.chromium.find(row(this.healthyId) + " td[data-uptime-7d]").getAttribute("data-uptime-7d"));
		assertThat(uptime).isCloseTo(summaries.get(0).uptime7d(), within(0.001));
		assertThat(this.chromium.all(row(this.healthyId) + " .pepper-bar .cell")).hasSize(24);
		this.chromium.screenshots("endpoints", By.cssSelector("table#endpoints"));
	}

	@Test
	void chartsDrawThePointsTheApiReturned() throws Exception {
		Instant asked = Instant.now();
		this.chromium.open("/endpoints/" + this.healthyId);
		WebElement latency = drawn(null);
		assertThat(latency.getAttribute("data-resolution")).isEqualTo("HOURLY");
		assertSameAsApi(latency, asked);
		assertThat(this.chromium.all("#recent-checks tbody tr")).isNotEmpty();
		this.chromium.screenshots("endpoint", By.cssSelector("#chart-latency[data-drawn=true]"));
	}

	@Test
	void rangePickerChangesTheResolution() throws Exception {
		this.chromium.open("/endpoints/" + this.healthyId);
		String first = drawn(null).getAttribute("data-from");
		Instant asked = Instant.now();
		record Expected(String range, String step, String resolution) {
		}
		for (Expected expected : List.of(new Expected("1h", "60", "RAW"), new Expected("7d", "3600", "HOURLY"),
				new Expected("90d", "86400", "DAILY"))) {
			this.chromium.find("#range-picker button[data-range='" + expected.range() + "']").click();
			WebElement latency = drawn(expected.step());
			assertThat(latency.getAttribute("data-resolution")).as(expected.range()).isEqualTo(expected.resolution());
			assertThat(latency.getAttribute("data-from")).as(expected.range()).isNotEqualTo(first);
			assertSameAsApi(latency, asked);
		}
	}

	@Test
	void anIncidentCanBeAcknowledged() throws Exception {
		IncidentView open = this.chromium.await(Suite.FLOW_TIMEOUT.plus(Duration.ofSeconds(60)),
				(driver) -> openIncident());
		this.chromium.open("/incidents?state=OPEN");
		this.chromium.await(PAGE_TIMEOUT,
				(driver) -> !driver
					.findElements(By.cssSelector("table#incidents tr[data-incident-id='" + open.id() + "']"))
					.isEmpty());
		this.chromium.screenshots("incidents", By.cssSelector("table#incidents"));
		this.chromium.find("table#incidents tr[data-incident-id='" + open.id() + "'] a[href^='/incidents/']").click();
		this.chromium.await(PAGE_TIMEOUT, (driver) -> this.chromium.path().equals("/incidents/" + open.id()));
		assertThat(this.chromium.find("#incident-state").getAttribute("data-state")).isEqualTo("OPEN");
		assertThat(this.chromium.all("#timeline li[data-type]")).isNotEmpty();
		assertThat(this.chromium.find("a#endpoint-link").getAttribute("href")).endsWith("/endpoints/" + this.brokenId);
		this.chromium.screenshots("incident", By.id("acknowledge"));

		this.chromium.find("form#acknowledge button[type=submit]").click();

		this.chromium.await(PAGE_TIMEOUT, (driver) -> !driver.findElements(By.id("acknowledged")).isEmpty());
		assertThat(incidents("OPEN")).filteredOn((incident) -> incident.id().equals(open.id()))
			.singleElement()
			.satisfies((incident) -> {
				assertThat(incident.acknowledgedAt()).isNotNull();
				assertThat(incident.acknowledgedBy()).contains(OWNER);
			});
		this.chromium.screenshots("incident-acknowledged", By.id("acknowledged"));
		this.chromium.open("/");
		this.chromium.screenshots("overview", By.id("status-counts"));
	}

	@Test
	void theMenuShowsEveryPageAtDesktopWidth() {
		this.chromium.open("/");
		// At 1280 px the menu is open without its button; the settings pages sit in two
		// menus that open on click.
		assertThat(this.chromium.find("a.nav-link[href='/incidents']").isDisplayed()).isTrue();
		assertThat(this.chromium.find("a.dropdown-item[href='/channels']").isDisplayed()).isFalse();
		this.chromium.find("#nav-alerting").click();
		this.chromium.await(PAGE_TIMEOUT,
				(driver) -> this.chromium.find("a.dropdown-item[href='/channels']").isDisplayed());
		this.chromium.find("a.dropdown-item[href='/channels']").click();
		this.chromium.await(PAGE_TIMEOUT, (driver) -> this.chromium.path().equals("/channels"));
		this.chromium.find("#nav-settings").click();
		this.chromium.await(PAGE_TIMEOUT,
				(driver) -> this.chromium.find("a.dropdown-item[href='/members']").isDisplayed());
		this.chromium.find("a.dropdown-item[href='/members']").click();
		this.chromium.await(PAGE_TIMEOUT, (driver) -> this.chromium.path().equals("/members"));
	}

	private IncidentView openIncident() {
		try {
			return incidents("OPEN").stream()
				.filter((incident) -> incident.endpointId().toString().equals(this.brokenId))
				.findFirst()
				.orElse(null);
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	private List<IncidentView> incidents(String state) throws Exception {
		return WireJson.mapper()
			.readValue(this.suite.get(this.suite.failure,
					"/v1/incidents?organizationId=" + this.organizationId + "&state=" + state,
					this.suite.failureServiceToken), new TypeReference<List<IncidentView>>() {
					});
	}

	/** Waits until the latency chart is drawn, with {@code step} if given. */
	private WebElement drawn(String step) {
		return this.chromium.await(PAGE_TIMEOUT, (driver) -> {
			List<WebElement> charts = driver.findElements(By.cssSelector("#chart-latency[data-drawn=true]"));
			if (charts.isEmpty()) {
				return null;
			}
			WebElement chart = charts.getFirst();
			return (step == null || step.equals(chart.getAttribute("data-step-seconds"))) ? chart : null;
		});
	}

	/**
	 * The plotted values are receiver-service's answer for the same range and step: each
	 * time and each p95, the per-location p95 and the Apdex. Live checks go on meanwhile,
	 * so only the buckets that were closed (with a minute for ingest) when the page asked
	 * are compared; the newest ones may have grown since.
	 */
	private void assertSameAsApi(WebElement latency, Instant asked) throws Exception {
		String from = latency.getAttribute("data-from");
		String to = latency.getAttribute("data-to");
		String step = latency.getAttribute("data-step-seconds");
		LocationHistory history = WireJson.mapper()
			.readValue(this.suite.get(this.suite.receiver,
					"/v1/history/" + this.healthyId + "/locations?from=" + from + "&to=" + to + "&step=" + step,
					this.suite.queryToken), LocationHistory.class);
		long stable = asked.minusSeconds(60).getEpochSecond() - Long.parseLong(step);
		List<HistoryPoint> points = history.all()
			.stream()
			.filter((point) -> point.time().getEpochSecond() <= stable)
			.toList();
		assertThat(points).as("closed points from %s to %s", from, to).isNotEmpty();
		List<Double> times = numbers(latency.getAttribute("data-times"));
		int closed = (int) times.stream().filter((time) -> time <= stable).count();
		assertThat(Integer.parseInt(latency.getAttribute("data-point-count"))).isEqualTo(times.size());
		assertThat(times.subList(0, closed))
			.containsExactlyElementsOf(points.stream().map((p) -> (double) p.time().getEpochSecond()).toList());
		assertThat(numbers(latency.getAttribute("data-p95-ms")).subList(0, closed))
			.containsExactlyElementsOf(points.stream().map(HistoryPoint::p95Ms).toList());
		assertThat(numbers(this.chromium.find("#chart-apdex").getAttribute("data-apdex")).subList(0, closed))
			.containsExactlyElementsOf(points.stream().map(HistoryPoint::apdex).toList());
		JsonNode perLocation = WireJson.mapper()
			.readTree(this.chromium.find("#chart-locations").getAttribute("data-location-p95-ms"));
		List<HistoryPoint> local = history.locations()
			.getFirst()
			.points()
			.stream()
			.filter((point) -> point.time().getEpochSecond() <= stable)
			.toList();
		assertThat(numbers(perLocation.get("local").toString()).subList(0, local.size()))
			.containsExactlyElementsOf(local.stream().map(HistoryPoint::p95Ms).toList());
	}

	private static List<Double> numbers(String json) {
		List<Double> values = new ArrayList<>();
		for (JsonNode value : WireJson.mapper().readTree(json)) {
			values.add(value.isNull() ? null : value.asDouble());
		}
		return values;
	}

	private String status(String endpointId) {
		List<WebElement> cells = this.chromium.all(row(endpointId) + " td.live-status");
		return cells.isEmpty() ? "" : String.valueOf(cells.getFirst().getAttribute("data-status"));
	}

	private static String row(String endpointId) {
		return "table#endpoints tbody tr[data-endpoint-id='" + endpointId + "']";
	}

	private List<EndpointSummary> summaries(List<String> ids) throws Exception {
		String body = WireJson.mapper()
			.writeValueAsString(new EndpointSummary.Request(ids.stream().map(java.util.UUID::fromString).toList()));
		java.net.http.HttpRequest request = java.net.http.HttpRequest
			.newBuilder(URI.create(this.suite.receiver.url() + EndpointSummary.PATH))
			.header("Authorization", "Bearer " + this.suite.queryToken)
			.header("Content-Type", "application/json")
			.POST(java.net.http.HttpRequest.BodyPublishers.ofString(body))
			.build();
		try (java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient()) {
			java.net.http.HttpResponse<String> response = http.send(request,
					java.net.http.HttpResponse.BodyHandlers.ofString());
			assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
			return WireJson.mapper().readValue(response.body(), new TypeReference<List<EndpointSummary>>() {
			});
		}
	}

}
