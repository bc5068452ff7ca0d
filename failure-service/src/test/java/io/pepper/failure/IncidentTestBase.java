package io.pepper.failure;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.pepper.contracts.auth.BearerTokens;
import io.pepper.contracts.v1.CheckResult;
import io.pepper.contracts.v1.FailureBatch;
import io.pepper.contracts.v1.NotificationChannelSpec;
import io.pepper.contracts.v1.ResultBatch;
import io.pepper.failure.incident.IncidentEngine;
import io.pepper.failure.notify.guard.GuardedHttp;
import io.pepper.testsupport.LocalPostgres;
import io.pepper.testsupport.TestDatabase;
import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.BeforeEach;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * One running failure-service for every incident test class (they share its context):
 * real PostgreSQL and SMTP, a clock tests move, and alerting fed through the port. Each
 * test makes its own organization, endpoints and recipients, so tests never see each
 * other's incidents or mail.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(IncidentTestBase.TestBeans.class)
public abstract class IncidentTestBase {

	public static final String PROBE_TOKEN = "probe-token-for-incident-tests";

	public static final String SERVICE_TOKEN = "service-token-for-incident-tests";

	static final TestDatabase database = LocalPostgres.fromEnvironment().createDatabase("failure_incidents");

	protected static final GreenMail smtp = startSmtp();

	public static final String SCRAPE_TOKEN = "scrape-token-for-incident-tests";

	public static final String RECEIVER_TOKEN = "receiver-token-for-incident-tests";

	/** Stands in for Slack, webhook receivers and receiver-service's results API. */
	protected static final LocalReceiver receiver = LocalReceiver.start();

	@DynamicPropertySource
	static void properties(DynamicPropertyRegistry registry) {
		registry.add("spring.datasource.url", database::jdbcUrl);
		registry.add("spring.datasource.username", database::username);
		registry.add("spring.datasource.password", database::password);
		registry.add("spring.mail.host", () -> "127.0.0.1");
		registry.add("spring.mail.port", () -> smtp.getSmtp().getPort());
		registry.add("pepper.failure.ingest-token-sha256", () -> BearerTokens.sha256Hex(PROBE_TOKEN));
		registry.add("pepper.failure.service-token-sha256", () -> BearerTokens.sha256Hex(SERVICE_TOKEN));
		registry.add("pepper.metrics.scrape-token-sha256", () -> BearerTokens.sha256Hex(SCRAPE_TOKEN));
		registry.add("pepper.failure.receiver-url", () -> receiver.url(""));
		registry.add("pepper.failure.receiver-token", () -> RECEIVER_TOKEN);
		registry.add("pepper.failure.admin-public-url", () -> "https://pepper.example.com/");
		registry.add("pepper.failure.dispatch-interval", () -> "100ms");
		registry.add("pepper.failure.dispatch-retry-backoff", () -> "100ms");
		registry.add("pepper.failure.dispatch-max-retry-backoff", () -> "400ms");
		registry.add("pepper.failure.dispatch-max-attempts", () -> "50");
		// Tests sweep by hand after moving the clock.
		registry.add("pepper.failure.sweep-interval", () -> "1h");
		registry.add("pepper.failure.flapping.window", () -> "30m");
		registry.add("pepper.failure.flapping.threshold", () -> "2");
		// The local receivers stand in for Slack and webhooks on loopback.
		registry.add("pepper.failure.allowed-targets", () -> "127.0.0.1/32");
		// High enough for every test's own bursts; the digest test makes a bigger one.
		registry.add("pepper.failure.digest.threshold", () -> "8");
		registry.add("pepper.failure.digest.window", () -> "3s");
	}

	@LocalServerPort
	protected int port;

	@Autowired
	protected JdbcClient jdbc;

	@Autowired
	protected MutableClock clock;

	@Autowired
	protected TestAlerting alerting;

	@Autowired
	protected IncidentEngine engine;

	protected ServiceApi api;

	/** The slot of the first check of a test; later checks are a minute apart. */
	protected Instant start;

	@BeforeEach
	void connect() {
		this.api = new ServiceApi(this.port, PROBE_TOKEN, SERVICE_TOKEN);
		this.start = this.clock.instant().truncatedTo(ChronoUnit.MINUTES);
	}

	protected Instant slot(int minute) {
		return this.start.plus(Duration.ofMinutes(minute));
	}

	/** An email channel of the endpoint's organization to a fresh address. */
	protected static NotificationChannelSpec.Email emailChannel(TestEndpoint endpoint) {
		return new NotificationChannelSpec.Email(UUID.randomUUID(), endpoint.organizationId(), "On-call",
				List.of("oncall-" + UUID.randomUUID() + "@example.com"));
	}

	protected void fail(TestEndpoint endpoint, String location, int minute) {
		post(Failures.batch(endpoint.failure(location, slot(minute))));
	}

	protected void post(FailureBatch batch) {
		HttpResponse<String> response = this.api.postFailures(batch);
		assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
	}

	protected void succeed(TestEndpoint endpoint, String location, int minute) {
		CheckResult result = endpoint.success(location, slot(minute));
		HttpResponse<String> response = this.api.postAsService("/v1/successes",
				new ResultBatch(UUID.randomUUID(), "receiver", List.of(result)));
		assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
	}

	/** The endpoint's incidents as the incident API lists them, newest first. */
	protected List<JsonNode> incidents(TestEndpoint endpoint) {
		HttpResponse<String> response = this.api
			.getAsService("/v1/incidents?organizationId=" + endpoint.organizationId());
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		List<JsonNode> found = new ArrayList<>();
		this.api.json(response).forEach((incident) -> {
			if (incident.get("endpointId").asString().equals(endpoint.id().toString())) {
				found.add(incident);
			}
		});
		return found;
	}

	protected JsonNode onlyIncident(TestEndpoint endpoint) {
		List<JsonNode> incidents = incidents(endpoint);
		assertThat(incidents).hasSize(1);
		return incidents.getFirst();
	}

	/** The incident's timeline entry types, oldest first. */
	protected List<String> timeline(TestEndpoint endpoint, String incidentId) {
		HttpResponse<String> response = this.api
			.getAsService("/v1/incidents/" + incidentId + "?organizationId=" + endpoint.organizationId());
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		List<String> types = new ArrayList<>();
		this.api.json(response).get("timeline").forEach((entry) -> types.add(entry.get("type").asString()));
		return types;
	}

	/** Messages received for {@code address}, oldest first. */
	protected static List<MimeMessage> mailsTo(String address) {
		return Arrays.stream(smtp.getReceivedMessages()).filter((message) -> {
			try {
				Address[] recipients = message.getAllRecipients();
				return recipients != null
						&& Arrays.stream(recipients).anyMatch((recipient) -> recipient.toString().equals(address));
			}
			catch (MessagingException ex) {
				throw new IllegalStateException(ex);
			}
		}).toList();
	}

	/**
	 * Waits for {@code count} messages to {@code address}, and that all of theirs are
	 * sent.
	 */
	protected List<MimeMessage> awaitMails(String address, int count) {
		await().atMost(Duration.ofSeconds(20)).until(() -> mailsTo(address).size() >= count);
		await().atMost(Duration.ofSeconds(10)).until(() -> pending(address) == 0);
		List<MimeMessage> mails = mailsTo(address);
		assertThat(mails).hasSize(count);
		return mails;
	}

	/** Outbox rows to {@code recipient} not delivered yet. */
	protected int pending(String recipient) {
		return this.jdbc.sql("SELECT count(*) FROM notifications WHERE recipient = ? AND state IN ('PENDING', 'HELD')")
			.param(recipient)
			.query(Integer.class)
			.single();
	}

	protected int notifications(UUID organizationId) {
		return this.jdbc.sql("SELECT count(*) FROM notifications WHERE organization_id = ?")
			.param(organizationId)
			.query(Integer.class)
			.single();
	}

	protected static String subject(MimeMessage message) {
		try {
			return message.getSubject();
		}
		catch (MessagingException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static GreenMail startSmtp() {
		GreenMail greenMail = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort());
		greenMail.start();
		return greenMail;
	}

	@TestConfiguration(proxyBeanMethods = false)
	static class TestBeans {

		@Bean
		@Primary
		MutableClock testClock() {
			return new MutableClock(Instant.now());
		}

		@Bean
		@Primary
		TestAlerting testAlerting() {
			return new TestAlerting();
		}

		@Bean
		RebindingDns rebindingDns() {
			return new RebindingDns();
		}

		/** The deliveries' guarded client, resolving through the rebinding resolver. */
		@Bean
		@Primary
		GuardedHttp rebindingGuardedHttp(FailureProperties properties, RebindingDns dns) {
			return new GuardedHttp(properties.targetGuard(), properties.httpTimeout(), dns);
		}

		/**
		 * Drops the database and stops SMTP with the context, after its dispatcher
		 * stopped.
		 */
		@Bean
		DisposableBean dropDatabase() {
			return () -> {
				database.close();
				smtp.stop();
				receiver.close();
			};
		}

	}

}
