package io.pepper.systemtests;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import io.pepper.contracts.v1.HistorySeries;
import io.pepper.contracts.v1.IncidentView;
import io.pepper.contracts.v1.WireJson;
import io.pepper.testsupport.Browser;
import io.pepper.testsupport.LocalInflux;
import io.pepper.testsupport.LocalPostgres;
import io.pepper.testsupport.LocalRedis;
import io.pepper.testsupport.TestDatabase;
import io.pepper.testsupport.TestInfluxDatabase;
import io.pepper.testsupport.TestRedisNamespace;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The four services as separate processes on random ports, wired to each other as in
 * production, against real PostgreSQL, Redis, InfluxDB and SMTP. An operator configures
 * an email channel and a policy through admin-app's API; the probe checks a healthy, a
 * broken and a flaky target.
 */
class EndToEndIT {

	// Four JVMs start at once; on a busy 2-core machine admin-app alone can take two
	// minutes.
	private static final Duration START_TIMEOUT = Duration.ofSeconds(300);

	private static final Duration FLOW_TIMEOUT = Duration.ofSeconds(90);

	private static final String ONCALL = "oncall@e2e.example";

	/**
	 * Self-signed-up organizations with no channel: each is told through its owner only.
	 */
	private static final List<String> TENANT_OWNERS = List.of("owner@tenant-two.example", "owner@tenant-three.example");

	private static final String PASSWORD = "a long enough password for e2e";

	private static final Pattern CONFIRM_LINK = Pattern.compile("https?://[^\\s/]+(/signup/confirm/[A-Za-z0-9_-]+)");

	private static final Pattern NEW_TOKEN = Pattern.compile("id=\"new-token\".*?<code[^>]*>([^<]+)</code>",
			Pattern.DOTALL);

	private final HttpClient http = HttpClient.newHttpClient();

	private final List<AutoCloseable> resources = new ArrayList<>();

	private final List<ServiceProcess> services = new ArrayList<>();

	private final String apiToken = Tokens.random();

	private final String queryToken = Tokens.random();

	private final String failureServiceToken = Tokens.random();

	private GreenMail smtp;

	private Targets targets;

	private TestInfluxDatabase influx;

	private ServiceProcess admin;

	private ServiceProcess receiver;

	private ServiceProcess failure;

	@BeforeEach
	void startSuite() throws Exception {
		LocalPostgres postgres = LocalPostgres.fromEnvironment();
		TestDatabase adminDb = own(postgres.createDatabase("e2e_admin"));
		TestDatabase failureDb = own(postgres.createDatabase("e2e_failure"));
		LocalRedis redis = LocalRedis.fromEnvironment();
		TestRedisNamespace keys = own(redis.createNamespace("e2e"));
		LocalInflux influxServer = LocalInflux.fromEnvironment();
		this.influx = own(influxServer.createDatabase("e2e"));
		this.smtp = new GreenMail(new ServerSetup(ServiceProcess.freePort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
		this.smtp.start();
		this.targets = own(new Targets());

		// Each caller has its own token; each service is given only the digests it
		// accepts.
		String probeToken = Tokens.random();
		String probeToReceiver = Tokens.random();
		String probeToFailure = Tokens.random();
		String adminServiceToken = Tokens.random();
		String failureToReceiver = Tokens.random();
		int adminPort = ServiceProcess.freePort();
		int receiverPort = ServiceProcess.freePort();
		int failurePort = ServiceProcess.freePort();
		int probePort = ServiceProcess.freePort();
		String adminUrl = "http://127.0.0.1:" + adminPort;
		String receiverUrl = "http://127.0.0.1:" + receiverPort;
		String failureUrl = "http://127.0.0.1:" + failurePort;
		List<String> redisArgs = List.of("--spring.data.redis.host=" + redis.host(),
				"--spring.data.redis.port=" + redis.port());

		List<String> adminArgs = new ArrayList<>(List.of("--spring.datasource.url=" + adminDb.jdbcUrl(),
				"--spring.datasource.username=" + adminDb.username(),
				"--spring.datasource.password=" + adminDb.password(),
				"--spring.session.data.redis.namespace=" + keys.prefix() + "admin:session",
				"--pepper.admin.ui.redis-key-prefix=" + keys.prefix() + "admin:",
				"--pepper.admin.bootstrap.organization=E2E", "--pepper.admin.bootstrap.owner-email=owner@e2e.example",
				"--pepper.admin.bootstrap.api-token-sha256=" + Tokens.sha256(this.apiToken),
				"--pepper.admin.bootstrap.probe-token-sha256=" + Tokens.sha256(probeToken),
				"--pepper.admin.bootstrap.locations=local",
				"--pepper.admin.service-token-sha256=" + Tokens.sha256(adminServiceToken),
				"--pepper.admin.secrets.key=" + Tokens.secretKey(), "--spring.mail.host=127.0.0.1",
				"--spring.mail.port=" + this.smtp.getSmtp().getPort(), "--pepper.admin.ui.base-url=" + adminUrl,
				"--pepper.admin.ui.mail-from=pepper@e2e.example"));
		adminArgs.addAll(redisArgs);
		List<String> receiverArgs = ServiceArgs.receiver(redis.host(), redis.port(), keys.prefix(), influxServer.url(),
				this.influx.name(), List.of(probeToReceiver, failureToReceiver), this.queryToken);
		receiverArgs.addAll(List.of("--pepper.receiver.admin-url=" + adminUrl,
				"--pepper.receiver.admin-token=" + adminServiceToken, "--pepper.receiver.failure-url=" + failureUrl,
				"--pepper.receiver.failure-token=" + this.failureServiceToken,
				"--pepper.receiver.recovery.poll-interval=1s"));
		List<String> failureArgs = List.of("--spring.datasource.url=" + failureDb.jdbcUrl(),
				"--spring.datasource.username=" + failureDb.username(),
				"--spring.datasource.password=" + failureDb.password(), "--spring.mail.host=127.0.0.1",
				"--spring.mail.port=" + this.smtp.getSmtp().getPort(),
				"--pepper.failure.ingest-token-sha256=" + Tokens.sha256(probeToFailure),
				"--pepper.failure.service-token-sha256=" + Tokens.sha256(this.failureServiceToken),
				"--pepper.failure.admin-url=" + adminUrl, "--pepper.failure.admin-token=" + adminServiceToken,
				"--pepper.failure.admin-poll-interval=1s", "--pepper.failure.admin-public-url=" + adminUrl,
				"--pepper.failure.receiver-url=" + receiverUrl, "--pepper.failure.receiver-token=" + failureToReceiver,
				"--pepper.failure.mail.from=pepper@e2e.example");
		List<String> probeArgs = List.of("--pepper.probe.name=e2e-probe", "--pepper.probe.location=local",
				"--pepper.probe.interval=5s", "--pepper.probe.admin-url=" + adminUrl,
				"--pepper.probe.admin-token=" + probeToken, "--pepper.probe.receiver-url=" + receiverUrl,
				"--pepper.probe.receiver-token=" + probeToReceiver, "--pepper.probe.failure-url=" + failureUrl,
				"--pepper.probe.failure-token=" + probeToFailure, "--pepper.probe.allowed-targets=127.0.0.1/32");

		try (ExecutorService starter = Executors.newVirtualThreadPerTaskExecutor()) {
			List<Callable<ServiceProcess>> starts = List.of(
					() -> ServiceProcess.start("admin-app", adminPort, adminArgs),
					() -> ServiceProcess.start("receiver-service", receiverPort, receiverArgs),
					() -> ServiceProcess.start("failure-service", failurePort, failureArgs),
					() -> ServiceProcess.start("probe", probePort, probeArgs));
			for (Future<ServiceProcess> started : starter.invokeAll(starts)) {
				this.services.add(started.get());
			}
			List<Callable<Void>> health = this.services.stream().<Callable<Void>>map((service) -> () -> {
				service.awaitHealthy(START_TIMEOUT);
				return null;
			}).toList();
			for (Future<Void> healthy : starter.invokeAll(health)) {
				healthy.get();
			}
		}
		this.admin = this.services.get(0);
		this.receiver = this.services.get(1);
		this.failure = this.services.get(2);
	}

	@Test
	void checksReachHistoryAndIncidentsOpenAndResolveOnTheConfiguredChannel() throws Exception {
		// The operator's alerting configuration, before any endpoint: failure-service
		// must use it.
		String channelId = post(this.admin, "/api/v1/channels", this.apiToken,
				Map.of("type", "email", "name", "On call", "addresses", List.of(ONCALL)))
			.get("id")
			.asString();
		post(this.admin, "/api/v1/policies", this.apiToken, Map.of("name", "Default", "failuresToOpen", 2,
				"locationsToConfirm", 1, "successesToResolve", 2, "channelIds", List.of(channelId)));

		// Two more tenants sign up and configure no channel at all.
		for (String owner : TENANT_OWNERS) {
			String token = signUpWithApiToken(owner, tenantName(owner));
			createEndpoint(token, tenantName(owner) + " checkout", this.targets.url("/broken"));
		}

		JsonNode healthy = createEndpoint("Healthy shop", this.targets.url("/healthy"));
		String healthyId = healthy.get("id").asString();
		String organizationId = healthy.get("organizationId").asString();
		String brokenId = createEndpoint("Broken checkout", this.targets.url("/broken")).get("id").asString();
		String flakyId = createEndpoint("Flaky search", this.targets.url("/flaky")).get("id").asString();

		await("the healthy check in InfluxDB").atMost(FLOW_TIMEOUT)
			.pollInterval(Duration.ofSeconds(1))
			.untilAsserted(() -> assertThat(pointsOf(healthyId)).isNotEmpty());
		assertThat(pointsOf(healthyId).getFirst()).containsEntry("location", "local")
			.containsEntry("status", "200")
			.containsEntry("outcome", "UP")
			.containsEntry("up", "true");

		// Failed checks reach history through failure-service, so uptime figures are
		// true.
		await("the broken endpoint's failed checks in InfluxDB").atMost(FLOW_TIMEOUT)
			.pollInterval(Duration.ofSeconds(1))
			.untilAsserted(() -> assertThat(pointsOf(brokenId)).isNotEmpty());
		assertThat(pointsOf(brokenId)).allSatisfy((point) -> assertThat(point).containsEntry("up", "false")
			.containsEntry("status", "500")
			.containsEntry("outcome", "UNEXPECTED_STATUS"));

		MimeMessage opened = awaitMail("[Pepper] DOWN: Broken checkout");
		assertThat(opened.getAllRecipients()).extracting(Object::toString).containsExactly(ONCALL);
		assertThat(GreenMailUtil.getBody(opened)).contains(this.targets.url("/broken"))
			.contains("local")
			.contains("expected 200-299 but got 500");

		HistorySeries series = history(healthyId);
		assertThat(series.apdexThresholdMs()).isEqualTo(500);
		assertThat(series.points()).isNotEmpty();
		assertThat(series.points().getFirst().checks()).isPositive();
		assertThat(series.points().getFirst().uptime()).isEqualTo(1.0);
		assertThat(series.points().getFirst().apdex()).isNotNull();

		List<IncidentView> open = incidents(organizationId, "OPEN");
		assertThat(open).extracting(IncidentView::endpointId).extracting(Object::toString).contains(brokenId);
		assertThat(open).filteredOn((incident) -> incident.endpointId().toString().equals(brokenId))
			.singleElement()
			.satisfies((incident) -> assertThat(incident.locations()).containsExactly("local"));

		// The flaky endpoint goes down, then heals: receiver-service forwards its
		// successes.
		awaitMail("[Pepper] DOWN: Flaky search");
		this.targets.flakyDown.set(false);
		MimeMessage resolved = awaitMail("[Pepper] RESOLVED: Flaky search");
		assertThat(resolved.getAllRecipients()).extracting(Object::toString).containsExactly(ONCALL);
		assertThat(incidents(organizationId, "OPEN")).extracting(IncidentView::endpointId)
			.extracting(Object::toString)
			.doesNotContain(flakyId);

		assertThat(Arrays.stream(this.smtp.getReceivedMessages()).map(EndToEndIT::subject))
			.noneMatch((subject) -> subject.contains("Healthy shop"));

		// Each channel-less tenant's incident reaches its own owner, and nobody else.
		for (String owner : TENANT_OWNERS) {
			MimeMessage down = awaitMail("[Pepper] DOWN: " + tenantName(owner) + " checkout");
			assertThat(recipients(down)).containsExactly(owner);
		}
		for (MimeMessage message : this.smtp.getReceivedMessages()) {
			List<String> to = recipients(message).toList();
			String subject = subject(message);
			for (String owner : TENANT_OWNERS) {
				if (subject.contains(tenantName(owner))) {
					assertThat(to).as(subject).containsExactly(owner);
				}
			}
			if (to.contains(ONCALL) || to.contains("owner@e2e.example")) {
				assertThat(subject).doesNotContain("Tenant");
			}
		}
	}

	private static String tenantName(String owner) {
		String domain = owner.substring(owner.indexOf('@') + 1, owner.indexOf('.'));
		return Character.toUpperCase(domain.charAt(0)) + domain.substring(1).replace('-', ' ');
	}

	/**
	 * Signs up through the web UI and the mailed link, as a new organization's owner
	 * would, and makes a personal API token on the tokens page.
	 */
	private String signUpWithApiToken(String email, String organization) {
		Browser browser = new Browser(this.admin.url());
		browser.get("/signup");
		Browser.Page sent = browser.post("/signup", "email", email, "password", PASSWORD, "organization", organization);
		assertThat(sent.status()).as(sent.body()).isEqualTo(302);
		String link = await("the sign-up mail to " + email).atMost(FLOW_TIMEOUT)
			.until(() -> Arrays.stream(this.smtp.getReceivedMessages())
				.filter((message) -> recipients(message).anyMatch(email::equals))
				.map(GreenMailUtil::getBody)
				.map((body) -> body.replace("=\r\n", "").replace("=\n", "").replace("=3D", "="))
				.map(CONFIRM_LINK::matcher)
				.filter(Matcher::find)
				.map((matcher) -> matcher.group(1))
				.findFirst(), java.util.Optional::isPresent)
			.orElseThrow();
		browser.get(link);
		assertThat(browser.post(link).redirectPath()).isEqualTo("/login");
		assertThat(browser.signIn(email, PASSWORD).redirectPath()).isEqualTo("/");
		browser.get("/tokens");
		Browser.Page tokens = browser.post("/tokens", "name", "e2e");
		Matcher token = NEW_TOKEN.matcher(tokens.body());
		assertThat(token.find()).as(tokens.body()).isTrue();
		return token.group(1).strip();
	}

	private MimeMessage awaitMail(String subjectStart) {
		return await("an email '" + subjectStart + "'").atMost(FLOW_TIMEOUT)
			.pollInterval(Duration.ofMillis(500))
			.until(() -> Arrays.stream(this.smtp.getReceivedMessages())
				.filter((message) -> subject(message).startsWith(subjectStart))
				.findFirst(), java.util.Optional::isPresent)
			.orElseThrow();
	}

	private static String subject(MimeMessage message) {
		try {
			return message.getSubject();
		}
		catch (MessagingException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static java.util.stream.Stream<String> recipients(MimeMessage message) {
		try {
			return Arrays.stream(message.getAllRecipients()).map(Object::toString);
		}
		catch (MessagingException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private JsonNode createEndpoint(String name, String url) throws Exception {
		return createEndpoint(this.apiToken, name, url);
	}

	private JsonNode createEndpoint(String token, String name, String url) throws Exception {
		return post(this.admin, "/api/v1/endpoints", token, Map.of("name", name, "url", url, "locations",
				List.of("local"), "timeoutMs", 5000, "apdexThresholdMs", 500, "intervalSeconds", 10));
	}

	private JsonNode post(ServiceProcess service, String path, String token, Object body) throws Exception {
		HttpRequest request = HttpRequest.newBuilder(URI.create(service.url() + path))
			.header("Authorization", "Bearer " + token)
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(WireJson.mapper().writeValueAsString(body)))
			.build();
		HttpResponse<String> response = this.http.send(request, HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).as(path + ": " + response.body()).isEqualTo(201);
		return WireJson.mapper().readTree(response.body());
	}

	private String get(ServiceProcess service, String pathAndQuery, String token) throws Exception {
		HttpRequest request = HttpRequest.newBuilder(URI.create(service.url() + pathAndQuery))
			.header("Authorization", "Bearer " + token)
			.build();
		HttpResponse<String> response = this.http.send(request, HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).as(pathAndQuery + ": " + response.body()).isEqualTo(200);
		return response.body();
	}

	private HistorySeries history(String endpointId) throws Exception {
		Instant now = Instant.now().truncatedTo(ChronoUnit.HOURS);
		return History.series(this.receiver, this.queryToken, endpointId, now.minus(1, ChronoUnit.HOURS),
				now.plus(1, ChronoUnit.HOURS), Duration.ofHours(2), "auto");
	}

	private List<IncidentView> incidents(String organizationId, String state) throws Exception {
		String body = get(this.failure, "/v1/incidents?organizationId=" + organizationId + "&state=" + state,
				this.failureServiceToken);
		return WireJson.mapper().readValue(body, new TypeReference<List<IncidentView>>() {
		});
	}

	/**
	 * The points of one endpoint, each as column name to value, read back with InfluxQL.
	 */
	private List<Map<String, String>> pointsOf(String endpointId) {
		String csv = this.influx
			.query("SELECT total_ms, status, outcome, up, location FROM checks WHERE endpoint = '" + endpointId + "'");
		List<String> lines = csv.lines().filter((line) -> !line.isBlank()).toList();
		if (lines.size() < 2) {
			return List.of();
		}
		String[] header = lines.getFirst().split(",", -1);
		List<Map<String, String>> rows = new ArrayList<>();
		for (String line : lines.subList(1, lines.size())) {
			String[] cells = line.split(",", -1);
			Map<String, String> row = new HashMap<>();
			for (int i = 0; i < header.length && i < cells.length; i++) {
				row.put(header[i], cells[i]);
			}
			rows.add(row);
		}
		return rows;
	}

	private <T extends AutoCloseable> T own(T resource) {
		this.resources.add(resource);
		return resource;
	}

	@AfterEach
	void stopSuite() throws Exception {
		StringBuilder logs = new StringBuilder();
		for (ServiceProcess service : this.services.reversed()) {
			service.close();
			logs.append(service.tail()).append('\n');
		}
		if (this.smtp != null) {
			this.smtp.stop();
		}
		for (AutoCloseable resource : this.resources.reversed()) {
			resource.close();
		}
		System.out.println(logs);
	}

}
