package io.pepper.failure.alerting;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.pepper.contracts.auth.BearerTokens;
import io.pepper.contracts.v1.AlertingSnapshot;
import io.pepper.contracts.v1.NotificationChannelSpec;
import io.pepper.contracts.v1.WireJson;
import io.pepper.failure.FailureServiceApplication;
import io.pepper.failure.Failures;
import io.pepper.failure.LocalReceiver;
import io.pepper.failure.ServiceApi;
import io.pepper.failure.TestEndpoint;
import io.pepper.testsupport.LocalPostgres;
import io.pepper.testsupport.TestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import static io.pepper.failure.TestEndpoint.policy;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * failure-service restarted while admin-app is away, against real PostgreSQL and a local
 * server speaking admin-app's snapshot wire format: before a snapshot is loaded nothing
 * is decided and no delivery spends an attempt; with the snapshot kept from before, k of
 * n comes from the endpoint's configured locations at once.
 */
class SnapshotRestartTest {

	static final String PROBE_TOKEN = "probe-token-for-restart-test";

	static final String SERVICE_TOKEN = "service-token-for-restart-test";

	private TestDatabase database;

	private GreenMail smtp;

	private HttpServer admin;

	private final LocalReceiver hooks = LocalReceiver.start();

	private final AtomicInteger adminStatus = new AtomicInteger(200);

	private final AtomicInteger adminRequests = new AtomicInteger();

	private volatile byte[] snapshot = new byte[0];

	private final Instant slot = Instant.now().truncatedTo(ChronoUnit.MINUTES);

	@BeforeEach
	void start() throws IOException {
		this.database = LocalPostgres.fromEnvironment().createDatabase("failure_restart");
		this.smtp = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort());
		this.smtp.start();
		this.admin = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		this.admin.createContext(AlertingSnapshot.PATH, this::answer);
		this.admin.start();
	}

	@AfterEach
	void stop() {
		this.admin.stop(0);
		this.hooks.close();
		this.smtp.stop();
		this.database.close();
	}

	@Test
	void decidesAndDeliversOnlyWithASnapshotFetchedOrKeptFromBefore() {
		TestEndpoint first = TestEndpoint.create("Ledger", "eu-west", "us-east");
		TestEndpoint second = TestEndpoint.in(first.organizationId(), "Invoices", "eu-west", "us-east");
		TestEndpoint third = TestEndpoint.in(first.organizationId(), "Payroll", "eu-west", "us-east");
		NotificationChannelSpec.Webhook hook = new NotificationChannelSpec.Webhook(UUID.randomUUID(),
				first.organizationId(), "automation", URI.create(this.hooks.url("/hook")), "signing-secret");
		serve(new AlertingSnapshot(Instant.now(), List.of(first.alerting(policy(1, 2, 1, null, hook.id())),
				second.alerting(policy(1, 2, 1, null, hook.id())), third.alerting(policy(1, 2, 1, null, hook.id()))),
				List.of(hook), List.of(), List.of()));

		// A run that queues a webhook and dies before delivering it.
		try (ConfigurableApplicationContext crashed = run(false)) {
			await().atMost(Duration.ofSeconds(20)).until(() -> kept(crashed) == 1);
			postFailure(crashed, first, "eu-west", 0);
			postFailure(crashed, first, "us-east", 0);
			assertThat(states(crashed)).containsExactly("PENDING 0");
		}
		// As on the first start of an install that kept no snapshot.
		JdbcClient
			.create(new DriverManagerDataSource(this.database.jdbcUrl(), this.database.username(),
					this.database.password()))
			.sql("DELETE FROM failure.alerting_snapshot")
			.update();
		this.adminStatus.set(503);

		try (ConfigurableApplicationContext waiting = run(true)) {
			int seen = this.adminRequests.get();
			await().atMost(Duration.ofSeconds(20)).until(() -> this.adminRequests.get() >= seen + 5);
			assertThat(states(waiting)).as("the queued webhook spends no attempt").containsExactly("PENDING 0");
			assertThat(this.hooks.requests("/hook")).isEmpty();
			postFailure(waiting, second, "eu-west", 0);
			postFailure(waiting, second, "us-east", 0);
			assertThat(incidents(waiting, first)).as("nothing decided before the snapshot").isEqualTo(1);
			String trend = trendEvent(second);
			HttpResponse<String> early = api(waiting).postAsService("/v1/trend-events", trend);
			assertThat(early.statusCode()).as("a trend event is to be sent again, not lost").isEqualTo(503);
			assertThat(early.headers().firstValue("Retry-After")).isPresent();

			this.adminStatus.set(200);
			await().atMost(Duration.ofSeconds(20)).until(() -> states(waiting).equals(List.of("SENT 1")));
			assertThat(api(waiting).postAsService("/v1/trend-events", trend).statusCode()).isEqualTo(202);
			postFailure(waiting, second, "eu-west", 1);
			assertThat(incidents(waiting, first)).as("the held down, and the degradation").isEqualTo(3);
			await().atMost(Duration.ofSeconds(20))
				.until(() -> states(waiting).equals(List.of("SENT 1", "SENT 1", "SENT 1")));
		}
		this.adminStatus.set(503);

		try (ConfigurableApplicationContext restarted = run(true)) {
			postFailure(restarted, third, "eu-west", 0);
			postFailure(restarted, third, "eu-west", 1);
			assertThat(incidents(restarted, first)).as("two of its two locations must agree").isEqualTo(3);
			postFailure(restarted, third, "us-east", 1);
			assertThat(incidents(restarted, first)).isEqualTo(4);
			await().atMost(Duration.ofSeconds(20))
				.until(() -> states(restarted).equals(List.of("SENT 1", "SENT 1", "SENT 1", "SENT 1")));
		}
		assertThat(this.hooks.requests("/hook")).hasSize(4)
			.allSatisfy((request) -> assertThat(request.answered()).isEqualTo(200));
	}

	/** A trend event as receiver-service sends it, in the wire format. */
	private static String trendEvent(TestEndpoint endpoint) {
		return """
				{"eventId": "%s", "endpointId": "%s", "organizationId": "%s", "kind": "DEGRADED",
				 "detectedAt": "%s", "apdex": 0.6, "baselineApdex": 0.95, "apdexThresholdMs": 300,
				 "reason": "Apdex fell from 0.95 to 0.60"}
				""".formatted(UUID.randomUUID(), endpoint.id(), endpoint.organizationId(), Instant.now());
	}

	private void serve(AlertingSnapshot served) {
		this.snapshot = WireJson.mapper().writeValueAsBytes(served);
	}

	private void answer(HttpExchange exchange) throws IOException {
		this.adminRequests.incrementAndGet();
		int status = this.adminStatus.get();
		byte[] body = (status == 200) ? this.snapshot : "{}".getBytes();
		exchange.getResponseHeaders().add("Content-Type", "application/json");
		exchange.sendResponseHeaders(status, body.length);
		exchange.getResponseBody().write(body);
		exchange.close();
	}

	private void postFailure(ConfigurableApplicationContext context, TestEndpoint endpoint, String location,
			int minute) {
		HttpResponse<String> response = api(context)
			.postFailures(Failures.batch(endpoint.failure(location, this.slot.plus(Duration.ofMinutes(minute)))));
		assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
	}

	/** How many incidents the organization of {@code endpoint} has. */
	private int incidents(ConfigurableApplicationContext context, TestEndpoint endpoint) {
		HttpResponse<String> response = api(context)
			.getAsService("/v1/incidents?organizationId=" + endpoint.organizationId());
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		return api(context).json(response).size();
	}

	private static ServiceApi api(ConfigurableApplicationContext context) {
		int port = context.getEnvironment().getRequiredProperty("local.server.port", Integer.class);
		return new ServiceApi(port, PROBE_TOKEN, SERVICE_TOKEN);
	}

	/** Each webhook row's state and attempts, oldest first. */
	private static List<String> states(ConfigurableApplicationContext context) {
		return context.getBean(JdbcClient.class)
			.sql("SELECT state || ' ' || attempts FROM notifications ORDER BY created_at")
			.query(String.class)
			.list();
	}

	private static int kept(ConfigurableApplicationContext context) {
		return context.getBean(JdbcClient.class)
			.sql("SELECT count(*) FROM alerting_snapshot")
			.query(Integer.class)
			.single();
	}

	/** Starts failure-service as its own application, delivering or not. */
	private ConfigurableApplicationContext run(boolean dispatching) {
		return new SpringApplicationBuilder(FailureServiceApplication.class).run("--server.port=0",
				"--spring.datasource.url=" + this.database.jdbcUrl(),
				"--spring.datasource.username=" + this.database.username(),
				"--spring.datasource.password=" + this.database.password(), "--spring.mail.host=127.0.0.1",
				"--spring.mail.port=" + this.smtp.getSmtp().getPort(),
				"--pepper.failure.ingest-token-sha256=" + BearerTokens.sha256Hex(PROBE_TOKEN),
				"--pepper.failure.service-token-sha256=" + BearerTokens.sha256Hex(SERVICE_TOKEN),
				"--pepper.failure.admin-url=http://127.0.0.1:" + this.admin.getAddress().getPort(),
				"--pepper.failure.admin-token=admin-token", "--pepper.failure.admin-poll-interval=200ms",
				"--pepper.failure.allowed-targets=127.0.0.1/32", "--pepper.failure.dispatch-interval=100ms",
				"--pepper.failure.dispatch-retry-backoff=100ms", "--pepper.failure.dispatch-max-retry-backoff=100ms",
				"--pepper.failure.dispatch-max-attempts=50",
				// Every change of this test goes to one webhook: no digest.
				"--pepper.failure.digest.threshold=0", "--pepper.failure.dispatch-enabled=" + dispatching);
	}

}
