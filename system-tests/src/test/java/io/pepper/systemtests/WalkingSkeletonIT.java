package io.pepper.systemtests;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import io.pepper.contracts.v1.WireJson;
import io.pepper.testsupport.LocalInflux;
import io.pepper.testsupport.LocalPostgres;
import io.pepper.testsupport.LocalRedis;
import io.pepper.testsupport.TestDatabase;
import io.pepper.testsupport.TestInfluxDatabase;
import io.pepper.testsupport.TestRedisNamespace;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The four services as separate processes on random ports, against real PostgreSQL,
 * Redis, InfluxDB and SMTP: a healthy target's check lands in InfluxDB, a failing
 * target's check arrives as an email.
 */
class WalkingSkeletonIT {

	private static final Duration START_TIMEOUT = Duration.ofSeconds(120);

	private final HttpClient http = HttpClient.newHttpClient();

	private final List<AutoCloseable> resources = new ArrayList<>();

	private final List<ServiceProcess> services = new ArrayList<>();

	private GreenMail smtp;

	private Targets targets;

	private TestInfluxDatabase influx;

	private ServiceProcess admin;

	private final String apiToken = Tokens.random();

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

		String probeToken = Tokens.random();
		String receiverToken = Tokens.random();
		String failureToken = Tokens.random();
		int adminPort = ServiceProcess.freePort();
		int receiverPort = ServiceProcess.freePort();
		int failurePort = ServiceProcess.freePort();
		int probePort = ServiceProcess.freePort();

		try (ExecutorService starter = Executors.newVirtualThreadPerTaskExecutor()) {
			List<Callable<ServiceProcess>> starts = List.of(
					() -> ServiceProcess.start("admin-app", adminPort,
							List.of("--spring.datasource.url=" + adminDb.jdbcUrl(),
									"--spring.datasource.username=" + adminDb.username(),
									"--spring.datasource.password=" + adminDb.password(),
									"--pepper.admin.bootstrap.organization=E2E",
									"--pepper.admin.bootstrap.owner-email=owner@e2e.example",
									"--pepper.admin.bootstrap.api-token-sha256=" + Tokens.sha256(this.apiToken),
									"--pepper.admin.bootstrap.probe-token-sha256=" + Tokens.sha256(probeToken),
									"--pepper.admin.bootstrap.locations=local")),
					() -> ServiceProcess.start("receiver-service", receiverPort,
							List.of("--spring.data.redis.host=" + redis.host(),
									"--spring.data.redis.port=" + redis.port(),
									"--pepper.receiver.redis-key-prefix=" + keys.prefix(),
									"--pepper.receiver.ingest-token-sha256=" + Tokens.sha256(receiverToken),
									"--pepper.receiver.influx.url=" + influxServer.url(),
									"--pepper.receiver.influx.database=" + this.influx.name(),
									"--pepper.receiver.influx.v1-compat=true")),
					() -> ServiceProcess.start("failure-service", failurePort,
							List.of("--spring.datasource.url=" + failureDb.jdbcUrl(),
									"--spring.datasource.username=" + failureDb.username(),
									"--spring.datasource.password=" + failureDb.password(),
									"--spring.mail.host=127.0.0.1",
									"--spring.mail.port=" + this.smtp.getSmtp().getPort(),
									"--pepper.failure.ingest-token-sha256=" + Tokens.sha256(failureToken),
									"--pepper.failure.mail.from=pepper@e2e.example",
									"--pepper.failure.mail.to=oncall@e2e.example")),
					() -> ServiceProcess.start("probe", probePort,
							List.of("--pepper.probe.name=e2e-probe", "--pepper.probe.location=local",
									"--pepper.probe.interval=5s",
									"--pepper.probe.admin-url=http://127.0.0.1:" + adminPort,
									"--pepper.probe.admin-token=" + probeToken,
									"--pepper.probe.receiver-url=http://127.0.0.1:" + receiverPort,
									"--pepper.probe.receiver-token=" + receiverToken,
									"--pepper.probe.failure-url=http://127.0.0.1:" + failurePort,
									"--pepper.probe.failure-token=" + failureToken,
									"--pepper.probe.allowed-targets=127.0.0.1/32")));
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
		this.admin = this.services.getFirst();
	}

	@Test
	void healthyCheckLandsInInfluxAndFailingCheckArrivesByEmail() throws Exception {
		String healthyId = createEndpoint("Healthy shop", this.targets.url("/healthy"));
		String brokenId = createEndpoint("Broken checkout", this.targets.url("/broken"));

		await("a point for the healthy endpoint in InfluxDB").atMost(Duration.ofSeconds(90))
			.pollInterval(Duration.ofSeconds(1))
			.untilAsserted(() -> assertThat(pointsOf(healthyId)).isNotEmpty());
		Map<String, String> point = pointsOf(healthyId).getFirst();
		assertThat(point).containsEntry("location", "local")
			.containsEntry("status", "200")
			.containsEntry("outcome", "UP")
			.containsEntry("up", "true");
		assertThat(Double.parseDouble(point.get("total_ms"))).isPositive();

		await("an email about the failing endpoint").atMost(Duration.ofSeconds(90))
			.pollInterval(Duration.ofMillis(500))
			.until(() -> this.smtp.getReceivedMessages().length > 0);
		MimeMessage mail = this.smtp.getReceivedMessages()[0];
		assertThat(mail.getSubject()).contains("Broken checkout");
		assertThat(mail.getAllRecipients()).extracting(Object::toString).containsExactly("oncall@e2e.example");
		String body = GreenMailUtil.getBody(mail);
		assertThat(body).contains(this.targets.url("/broken")).contains("local").contains("500");

		assertThat(pointsOf(brokenId)).as("failed checks go to failure-service, not to the success path").isEmpty();
		assertThat(Arrays.stream(this.smtp.getReceivedMessages()).map(this::subject))
			.noneMatch((subject) -> subject.contains("Healthy shop"));
		assertThat(this.targets.healthyHits.get()).isPositive();
		assertThat(this.targets.brokenHits.get()).isPositive();
	}

	private String subject(MimeMessage message) {
		try {
			return message.getSubject();
		}
		catch (jakarta.mail.MessagingException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private String createEndpoint(String name, String url) throws Exception {
		String body = WireJson.mapper()
			.writeValueAsString(Map.of("name", name, "url", url, "locations", List.of("local"), "timeoutMs", 5000,
					"apdexThresholdMs", 500));
		HttpRequest request = HttpRequest.newBuilder(URI.create(this.admin.url() + "/api/v1/endpoints"))
			.header("Authorization", "Bearer " + this.apiToken)
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build();
		HttpResponse<String> response = this.http.send(request, HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
		JsonNode created = WireJson.mapper().readTree(response.body());
		return created.get("id").asString();
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
			Map<String, String> row = new java.util.HashMap<>();
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
