package io.pepper.failure;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Map;
import java.util.UUID;
import java.util.function.BiConsumer;
import java.util.stream.Stream;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import io.pepper.contracts.v1.CheckResult;
import io.pepper.contracts.v1.FailureBatch;
import io.pepper.contracts.v1.FailureReport;
import io.pepper.contracts.v1.WireJson;
import io.pepper.failure.notify.Notification;
import io.pepper.failure.notify.NotificationChannel;
import io.pepper.testsupport.LocalPostgres;
import io.pepper.testsupport.TestDatabase;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * failure-service running stand-alone (no admin-app: the default policy, two failures in
 * a row, from the one configured location, and the configured recipients) against real
 * PostgreSQL and real SMTP: failures posted, stored once, confirmed into one incident
 * emailed once to each recipient, and bad requests turned away.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class FailureFlowTest {

	static final String TOKEN = "probe-token-for-tests";

	/** SHA-256 of {@link #TOKEN}. */
	static final String TOKEN_SHA256 = "3aa6d87f89ff5279fc9e9131311f559ead65a432108766e38ffa364b2a9a35ef";

	static final String[] RECIPIENTS = { "oncall@example.com", "lead@example.com" };

	static final TestDatabase database = LocalPostgres.fromEnvironment().createDatabase("failure_flow");

	@RegisterExtension
	static final GreenMailExtension smtp = new GreenMailExtension(
			new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort())
		.withPerMethodLifecycle(false);

	@DynamicPropertySource
	static void properties(DynamicPropertyRegistry registry) {
		registry.add("spring.datasource.url", database::jdbcUrl);
		registry.add("spring.datasource.username", database::username);
		registry.add("spring.datasource.password", database::password);
		registry.add("spring.mail.host", () -> "127.0.0.1");
		registry.add("spring.mail.port", () -> smtp.getSmtp().getPort());
		registry.add("pepper.failure.ingest-token-sha256", () -> TOKEN_SHA256);
		registry.add("pepper.failure.mail.from", () -> "pepper@example.com");
		registry.add("pepper.failure.mail.standalone-to", () -> String.join(",", RECIPIENTS));
		registry.add("pepper.failure.standalone-locations", () -> "eu-west");
		registry.add("pepper.failure.dispatch-interval", () -> "100ms");
		registry.add("pepper.failure.dispatch-max-attempts", () -> "3");
		registry.add("pepper.failure.dispatch-retry-backoff", () -> "50ms");
	}

	private final HttpClient http = HttpClient.newHttpClient();

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@BeforeEach
	void startEmpty() throws Exception {
		this.jdbc.sql("TRUNCATE failure_reports, endpoints, trend_events CASCADE").update();
		smtp.purgeEmailFromAllMailboxes();
	}

	@Test
	void tokenDigestInTheTestMatchesTheToken() throws Exception {
		byte[] digest = MessageDigest.getInstance("SHA-256").digest(TOKEN.getBytes(StandardCharsets.UTF_8));
		assertThat(HexFormat.of().formatHex(digest)).isEqualTo(TOKEN_SHA256);
	}

	@Test
	void storesFailuresAndEmailsEveryRecipientOnTheSecondInARow() throws Exception {
		FailureReport report = Failures.report("Checkout API", "https://shop.example.com/health?full=1&lang=en",
				"eu-west");

		HttpResponse<String> response = post(Failures.json(Failures.batch(report)), "Bearer " + TOKEN);

		assertThat(response.statusCode()).isEqualTo(202);
		assertThat(countNotifications("TRUE")).isZero();
		JsonNode receipt = WireJson.mapper().readTree(response.body());
		assertThat(receipt.get("accepted").asInt()).isEqualTo(1);
		assertThat(receipt.get("duplicates").asInt()).isEqualTo(0);
		assertThat(receipt.get("batchId").asString()).isNotBlank();
		Map<String, Object> stored = this.jdbc
			.sql("SELECT endpoint_name, url, location, outcome, phase, reason, status FROM failure_reports")
			.query()
			.singleRow();
		assertThat(stored).containsEntry("endpoint_name", "Checkout API")
			.containsEntry("url", "https://shop.example.com/health?full=1&lang=en")
			.containsEntry("location", "eu-west")
			.containsEntry("outcome", "UNEXPECTED_STATUS")
			.containsEntry("phase", "FIRST_BYTE")
			.containsEntry("reason", "expected 200-299 but got 500")
			.containsEntry("status", 500);
		assertThat(post(Failures.json(Failures.batch(Failures.next(report))), "Bearer " + TOKEN).statusCode())
			.isEqualTo(202);

		await().atMost(Duration.ofSeconds(20)).until(() -> smtp.getReceivedMessages().length == RECIPIENTS.length);
		MimeMessage[] messages = smtp.getReceivedMessages();
		assertThat(Arrays.stream(messages).map(FailureFlowTest::recipient)).containsExactlyInAnyOrder(RECIPIENTS);
		for (MimeMessage message : messages) {
			assertThat(message.getSubject())
				.isEqualTo("[Pepper] DOWN: Checkout API — UNEXPECTED_STATUS: expected 200-299 but got 500");
			assertThat(message.getFrom()[0].toString()).isEqualTo("pepper@example.com");
			String text = Mails.partOf(message, "text/plain");
			assertThat(text).contains("https://shop.example.com/health?full=1&lang=en", "eu-west",
					"expected 200-299 but got 500", "UNEXPECTED_STATUS", "500");
			assertThat(Mails.partOf(message, "text/html")).contains("Checkout API",
					"https://shop.example.com/health?full=1&amp;lang=en");
		}
		await().atMost(Duration.ofSeconds(10))
			.until(() -> countNotifications("state = 'SENT' AND attempts = 1 AND sent_at IS NOT NULL") == 2);
	}

	@Test
	void storesARetriedBatchOnceAndEmailsOnce() throws Exception {
		FailureReport report = Failures.report("Search", "https://search.example.com", "eu-west");
		String batch = Failures.json(Failures.batch(report, Failures.next(report)));

		HttpResponse<String> first = post(batch, "Bearer " + TOKEN);
		HttpResponse<String> second = post(batch, "Bearer " + TOKEN);

		assertThat(first.statusCode()).isEqualTo(202);
		assertThat(first.body()).contains("\"accepted\":2", "\"duplicates\":0");
		assertThat(second.statusCode()).isEqualTo(202);
		assertThat(second.body()).contains("\"accepted\":0", "\"duplicates\":2");
		assertThat(countReports()).isEqualTo(2);
		assertThat(countNotifications("TRUE")).isEqualTo(RECIPIENTS.length);
		await().atMost(Duration.ofSeconds(20)).until(() -> countNotifications("state = 'SENT'") == RECIPIENTS.length);
		assertThat(smtp.getReceivedMessages()).hasSize(RECIPIENTS.length);
	}

	@Test
	void countsADuplicateWithinOneBatchOnce() throws Exception {
		FailureReport report = Failures.report("Login", "https://login.example.com", "eu-west");
		FailureReport elsewhere = new FailureReport(report.endpointName(), report.url(),
				new CheckResult(report.result().endpointId(), report.result().organizationId(), "ap-south",
						report.result().scheduledAt(), report.result().startedAt(), report.result().timings(),
						report.result().status(), report.result().bytes(), null, report.result().outcome(),
						report.result().apdexThresholdMs(), report.result().apdex()));

		HttpResponse<String> response = post(Failures.json(Failures.batch(report, report, elsewhere)),
				"Bearer " + TOKEN);

		assertThat(response.statusCode()).isEqualTo(202);
		assertThat(response.body()).contains("\"accepted\":2", "\"duplicates\":1");
		assertThat(countReports()).isEqualTo(2);
	}

	static Stream<Arguments> malformedBatches() {
		String valid = Failures.json(Failures.batch(Failures.report("Shop", "https://shop.example.com", "eu-west"),
				Failures.report("Blog", "https://blog.example.com", "eu-west")));
		return Stream.of(Arguments.of("missing endpoint name", edit(valid, (failure, result) -> {
			failure.remove("endpointName");
		}), "endpointName is required"), Arguments.of("missing location", edit(valid, (failure, result) -> {
			result.remove("location");
		}), "location is required"), Arguments.of("unknown outcome kind", edit(valid, (failure, result) -> {
			((ObjectNode) result.get("outcome")).put("kind", "SORT_OF_DOWN");
		}), "SORT_OF_DOWN"), Arguments.of("text for a number", edit(valid, (failure, result) -> {
			result.put("bytes", "many");
		}), "many"), Arguments.of("missing primitive", edit(valid, (failure, result) -> {
			result.remove("apdexThresholdMs");
		}), "apdexThresholdMs"), Arguments.of("successful check", edit(valid, (failure, result) -> {
			((ObjectNode) result.get("outcome")).put("kind", "UP");
			result.put("apdex", "SATISFIED");
		}), "a failure report needs a failed check"),
				Arguments.of("no failures",
						"{\"batchId\":\"" + UUID.randomUUID() + "\",\"probe\":\"p\",\"failures\":[]}",
						"failures size must be between 1"),
				Arguments.of("a check in year 999999999", edit(valid, (failure, result) -> {
					result.put("scheduledAt", "+999999999-01-01T00:00:00Z");
				}), "failures[1].result: scheduledAt must be between 1970-01-01T00:00:00Z and 2262-04-11"),
				Arguments.of("a total time of \"Infinity\"", edit(valid, (failure, result) -> {
					((ObjectNode) result.get("timings")).put("totalMs", "Infinity");
				}), "failures[1].result.timings.totalMs"),
				Arguments.of("a total time of 1e400", edit(valid, (failure, result) -> {
					((ObjectNode) result.get("timings")).put("totalMs", new java.math.BigDecimal("1e400"));
				}), "failures[1].result.timings.totalMs: must be a finite number"),
				Arguments.of("NUL in the reason", edit(valid, (failure, result) -> {
					((ObjectNode) result.get("outcome")).put("reason", "bad\u0000gateway");
				}), "failures[1].result.outcome.reason: must not contain the NUL character"),
				Arguments.of("NUL in the endpoint name", edit(valid, (failure, result) -> {
					failure.put("endpointName", "Blog\u0000");
				}), "failures[1].endpointName: must not contain the NUL character"),
				Arguments.of("not JSON", "{\"batchId\":", "Unexpected end-of-input"),
				Arguments.of("no body", "", "Required request body is missing"));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("malformedBatches")
	void rejectsAMalformedBatchAndStoresNothing(String name, String body, String expected) throws Exception {
		HttpResponse<String> response = post(body, "Bearer " + TOKEN);

		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
		JsonNode problem = WireJson.mapper().readTree(response.body());
		assertThat(problem.get("status").asInt()).isEqualTo(400);
		assertThat(problem.get("detail").asString()).contains(expected);
		assertThat(countReports()).isZero();
		assertThat(countNotifications("TRUE")).isZero();
	}

	@ParameterizedTest
	@NullSource
	@ValueSource(strings = { "Bearer wrong-token", "Bearer ", "Basic " + TOKEN, TOKEN, "Bearer " + TOKEN_SHA256 })
	void rejectsARequestWithoutTheToken(String authorization) throws Exception {
		String batch = Failures.json(Failures.batch(Failures.report("Shop", "https://shop.example.com", "eu-west")));

		HttpResponse<String> response = post(batch, authorization);

		assertThat(response.statusCode()).isEqualTo(401);
		assertThat(response.headers().firstValue("WWW-Authenticate")).hasValue("Bearer");
		assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
		assertThat(response.body()).contains("\"status\":401");
		assertThat(countReports()).isZero();
	}

	@ParameterizedTest(name = "chunked: {0}")
	@ValueSource(booleans = { false, true })
	void refusesATenMegabyteBatchAndStoresNothing(boolean chunked) throws Exception {
		FailureReport report = Failures.report("Shop", "https://shop.example.com/?" + "q".repeat(2_000), "eu-west");
		FailureReport[] reports = new FailureReport[FailureBatch.MAX_FAILURES];
		for (int i = 0; i < reports.length; i++) {
			reports[i] = Failures.report("Shop " + i, report.url().toString(), "eu-west");
		}
		byte[] body = Failures.json(Failures.batch(reports)).getBytes(StandardCharsets.UTF_8);
		assertThat(body.length).isGreaterThan(10_000_000);

		HttpResponse<String> response = this.http
			.send(HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + "/v1/failures"))
				.header("Content-Type", "application/json")
				.header("Authorization", "Bearer " + TOKEN)
				.POST(chunked ? HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body))
						: HttpRequest.BodyPublishers.ofByteArray(body))
				.build(), HttpResponse.BodyHandlers.ofString());

		assertThat(response.statusCode()).as(response.body()).isEqualTo(413);
		assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
		assertThat(countReports()).isZero();
	}

	@Test
	void checksTheTokenBeforeTheBody() throws Exception {
		HttpResponse<String> response = post("{not json", "Bearer wrong-token");

		assertThat(response.statusCode()).isEqualTo(401);
	}

	@Test
	void answersHealthWithoutAToken() throws Exception {
		HttpResponse<String> response = this.http.send(
				HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + "/actuator/health")).build(),
				HttpResponse.BodyHandlers.ofString());

		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.body()).contains("\"status\":\"UP\"");
	}

	@Test
	void givesUpOnANotificationAfterTheLastAttempt() throws Exception {
		openIncident();
		addNotificationThrough(BrokenChannel.NAME);

		await().atMost(Duration.ofSeconds(20)).until(() -> countNotifications("state = 'FAILED'") == 1);
		Map<String, Object> failed = this.jdbc
			.sql("SELECT attempts, last_error, sent_at FROM notifications WHERE channel = ?")
			.param(BrokenChannel.NAME)
			.query()
			.singleRow();
		assertThat(failed.get("attempts")).isEqualTo(3);
		assertThat((String) failed.get("last_error")).contains("the channel is broken");
		assertThat(failed.get("sent_at")).isNull();
		await().atMost(Duration.ofSeconds(20)).until(() -> countNotifications("state = 'SENT'") == RECIPIENTS.length);
	}

	@Test
	void failsANotificationForAnUnknownChannelAtOnce() throws Exception {
		openIncident();
		addNotificationThrough("carrier-pigeon");

		await().atMost(Duration.ofSeconds(20)).until(() -> countNotifications("state = 'FAILED'") == 1);
		assertThat(this.jdbc.sql("SELECT attempts FROM notifications WHERE channel = 'carrier-pigeon'")
			.query(Integer.class)
			.single()).isEqualTo(1);
	}

	private HttpResponse<String> post(String body, String authorization) throws IOException, InterruptedException {
		HttpRequest.Builder request = HttpRequest
			.newBuilder(URI.create("http://localhost:" + this.port + "/v1/failures"))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(body));
		if (authorization != null) {
			request.header("Authorization", authorization);
		}
		return this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	private void openIncident() throws Exception {
		FailureReport report = Failures.report("Shop", "https://shop.example.com", "eu-west");
		post(Failures.json(Failures.batch(report, Failures.next(report))), "Bearer " + TOKEN);
		assertThat(countNotifications("TRUE")).isEqualTo(RECIPIENTS.length);
	}

	/**
	 * Another notification of the incident's opening, as if a channel of that name were
	 * configured.
	 */
	private void addNotificationThrough(String channel) {
		this.jdbc.sql("""
				INSERT INTO notifications (id, event_id, incident_id, organization_id, channel, recipient, message)
				SELECT ?, event_id, incident_id, organization_id, ?, '#ops', message FROM notifications LIMIT 1
				""").params(UUID.randomUUID(), channel).update();
	}

	private int countReports() {
		return this.jdbc.sql("SELECT count(*) FROM failure_reports").query(Integer.class).single();
	}

	private int countNotifications(String condition) {
		return this.jdbc.sql("SELECT count(*) FROM notifications WHERE " + condition).query(Integer.class).single();
	}

	private static String recipient(MimeMessage message) {
		try {
			return message.getRecipients(Message.RecipientType.TO)[0].toString();
		}
		catch (MessagingException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * Edits the second failure of a batch, so a batch that is partly fine is rejected
	 * whole.
	 */
	private static String edit(String batch, BiConsumer<ObjectNode, ObjectNode> change) {
		ObjectNode node = (ObjectNode) WireJson.mapper().readTree(batch);
		ObjectNode failure = (ObjectNode) node.get("failures").get(1);
		change.accept(failure, (ObjectNode) failure.get("result"));
		return WireJson.mapper().writeValueAsString(node);
	}

	@TestConfiguration(proxyBeanMethods = false)
	static class TestBeans {

		/** Drops the database with the context, after its dispatcher has stopped. */
		@Bean
		DisposableBean dropDatabase() {
			return database::close;
		}

		/**
		 * Stands in for a channel whose far end keeps failing (e.g. a webhook answering
		 * 500).
		 */
		@Bean
		BrokenChannel brokenChannel() {
			return new BrokenChannel();
		}

	}

	static class BrokenChannel implements NotificationChannel {

		static final String NAME = "broken";

		@Override
		public String name() {
			return NAME;
		}

		@Override
		public void send(Notification notification) {
			throw new IllegalStateException("the channel is broken");
		}

	}

}
