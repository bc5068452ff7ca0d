package io.pepper.systemtests;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import io.pepper.contracts.v1.HistorySeries;
import io.pepper.contracts.v1.IncidentView;
import io.pepper.contracts.v1.WireJson;
import io.pepper.testsupport.ServiceProcess;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
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
@ExtendWith(Suite.Shared.class)
class EndToEndIT {

	private static final Duration FLOW_TIMEOUT = Suite.FLOW_TIMEOUT;

	private static final String ONCALL = "oncall@e2e.example";

	/**
	 * Self-signed-up organizations with no channel: each is told through its owner only.
	 */
	private static final List<String> TENANT_OWNERS = List.of("owner@tenant-two.example", "owner@tenant-three.example");

	private Suite suite;

	private String apiToken;

	private GreenMail smtp;

	private Targets targets;

	private ServiceProcess admin;

	@BeforeEach
	void useSuite(Suite suite) {
		this.suite = suite;
		this.apiToken = suite.apiToken;
		this.smtp = suite.smtp;
		this.targets = suite.targets;
		this.admin = suite.admin;
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

	private String signUpWithApiToken(String email, String organization) {
		return this.suite.signUpWithApiToken(email, organization);
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
		return Suite.recipients(message);
	}

	private JsonNode createEndpoint(String name, String url) throws Exception {
		return createEndpoint(this.apiToken, name, url);
	}

	private JsonNode createEndpoint(String token, String name, String url) throws Exception {
		return this.suite.createEndpoint(token, name, url);
	}

	private JsonNode post(ServiceProcess service, String path, String token, Object body) throws Exception {
		return this.suite.post(service, path, token, body);
	}

	private String get(ServiceProcess service, String pathAndQuery, String token) throws Exception {
		return this.suite.get(service, pathAndQuery, token);
	}

	private HistorySeries history(String endpointId) throws Exception {
		Instant now = Instant.now().truncatedTo(ChronoUnit.HOURS);
		return History.series(this.suite.receiver, this.suite.queryToken, endpointId, now.minus(1, ChronoUnit.HOURS),
				now.plus(1, ChronoUnit.HOURS), Duration.ofHours(2), "auto");
	}

	private List<IncidentView> incidents(String organizationId, String state) throws Exception {
		String body = get(this.suite.failure, "/v1/incidents?organizationId=" + organizationId + "&state=" + state,
				this.suite.failureServiceToken);
		return WireJson.mapper().readValue(body, new TypeReference<List<IncidentView>>() {
		});
	}

	/**
	 * The points of one endpoint, each as column name to value, read back with InfluxQL.
	 */
	private List<Map<String, String>> pointsOf(String endpointId) {
		String csv = this.suite.influx
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

}
