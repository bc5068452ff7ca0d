package io.pepper.failure.notify;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.pepper.contracts.v1.FailureReport;
import io.pepper.failure.Failures;
import io.pepper.failure.Mails;
import io.pepper.testsupport.LocalPostgres;
import io.pepper.testsupport.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

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
 * SMTP is down when a failure arrives: the notification waits in the outbox with its
 * error and goes out once a mail server listens again.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class SmtpOutageTest {

	static final String TOKEN = "outage-token";

	static final TestDatabase database = LocalPostgres.fromEnvironment().createDatabase("failure_smtp_outage");

	/** Nothing listens here until the test starts a mail server on it. */
	static final int smtpPort = freePort();

	static final GreenMail smtp = new GreenMail(new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));

	@DynamicPropertySource
	static void properties(DynamicPropertyRegistry registry) {
		registry.add("spring.datasource.url", database::jdbcUrl);
		registry.add("spring.datasource.username", database::username);
		registry.add("spring.datasource.password", database::password);
		registry.add("spring.mail.host", () -> "127.0.0.1");
		registry.add("spring.mail.port", () -> smtpPort);
		// SHA-256 of TOKEN.
		registry.add("pepper.failure.ingest-token-sha256",
				() -> "abe44b6cce9f53c8395e84983cfb16e86b357a0f247f9f0c58b873fed18b16ab");
		registry.add("pepper.failure.mail.standalone-to", () -> "oncall@example.com");
		registry.add("pepper.failure.standalone-locations", () -> "eu-west");
		registry.add("pepper.failure.dispatch-interval", () -> "100ms");
		registry.add("pepper.failure.dispatch-retry-backoff", () -> "200ms");
		registry.add("pepper.failure.dispatch-max-retry-backoff", () -> "200ms");
		registry.add("pepper.failure.dispatch-max-attempts", () -> "1000");
	}

	@AfterAll
	static void stopSmtp() {
		smtp.stop();
	}

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Test
	void keepsTheNotificationPendingWhileSmtpIsDownAndSendsItWhenSmtpIsBack() throws Exception {
		FailureReport report = Failures.report("Billing", "https://billing.example.com/ping", "eu-west");
		HttpResponse<String> response = post(Failures.json(Failures.batch(report, Failures.next(report))));
		assertThat(response.statusCode()).isEqualTo(202);

		await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
			Map<String, Object> row = notification();
			assertThat(row.get("state")).isEqualTo("PENDING");
			assertThat((Integer) row.get("attempts")).isGreaterThanOrEqualTo(2);
			assertThat((String) row.get("last_error")).contains("Cannot send email to oncall@example.com");
			assertThat(row.get("sent_at")).isNull();
		});
		assertThat(this.jdbc.sql("SELECT count(*) FROM failure_reports").query(Integer.class).single()).isEqualTo(2);

		smtp.start();

		await().atMost(Duration.ofSeconds(20)).until(() -> smtp.getReceivedMessages().length == 1);
		assertThat(smtp.getReceivedMessages()[0].getSubject()).contains("Billing");
		assertThat(Mails.partOf(smtp.getReceivedMessages()[0], "text/plain"))
			.contains("https://billing.example.com/ping");
		await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
			Map<String, Object> row = notification();
			assertThat(row.get("state")).isEqualTo("SENT");
			assertThat(row.get("sent_at")).isNotNull();
			assertThat(row.get("last_error")).isNull();
		});
		assertThat(smtp.getReceivedMessages()).hasSize(1);
	}

	private Map<String, Object> notification() {
		return this.jdbc.sql("SELECT state, attempts, last_error, sent_at FROM notifications").query().singleRow();
	}

	private HttpResponse<String> post(String body) throws IOException, InterruptedException {
		return HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + "/v1/failures"))
				.header("Content-Type", "application/json")
				.header("Authorization", "Bearer " + TOKEN)
				.POST(HttpRequest.BodyPublishers.ofString(body))
				.build(), HttpResponse.BodyHandlers.ofString());
	}

	private static int freePort() {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	@TestConfiguration(proxyBeanMethods = false)
	static class TestBeans {

		/** Drops the database with the context, after its dispatcher has stopped. */
		@Bean
		DisposableBean dropDatabase() {
			return database::close;
		}

	}

}
