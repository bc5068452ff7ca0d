package io.pepper.failure.notify;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.pepper.contracts.auth.BearerTokens;
import io.pepper.contracts.v1.FailureReport;
import io.pepper.failure.FailureServiceApplication;
import io.pepper.failure.Failures;
import io.pepper.failure.ServiceApi;
import io.pepper.testsupport.LocalPostgres;
import io.pepper.testsupport.TestDatabase;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The process dies after a state change and its notifications committed but before any
 * was sent: a restarted failure-service sends each of them, once.
 */
class OutboxCrashTest {

	static final String TOKEN = "probe-token-for-crash-test";

	private TestDatabase database;

	private GreenMail smtp;

	@BeforeEach
	void start() {
		this.database = LocalPostgres.fromEnvironment().createDatabase("failure_crash");
		this.smtp = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort());
		this.smtp.start();
	}

	@AfterEach
	void stop() {
		this.smtp.stop();
		this.database.close();
	}

	@Test
	void sendsWhatWasCommittedBeforeACrashOnceAfterRestart() throws Exception {
		FailureReport report = Failures.report("Ledger", "https://ledger.example.com/health", "eu-west");
		try (ConfigurableApplicationContext crashed = run(false)) {
			HttpResponseStatus status = post(crashed, report);
			assertThat(status.code()).isEqualTo(202);
			assertThat(states(crashed)).containsExactlyInAnyOrder("PENDING", "PENDING");
		}
		assertThat(this.smtp.getReceivedMessages()).isEmpty();

		try (ConfigurableApplicationContext restarted = run(true)) {
			await().atMost(Duration.ofSeconds(20)).until(() -> states(restarted).equals(List.of("SENT", "SENT")));
			assertThat(this.smtp.getReceivedMessages()).hasSize(2);
			assertThat(this.smtp.getReceivedMessages()[0].getSubject()).startsWith("[Pepper] DOWN: Ledger");
		}
	}

	@Test
	void resendsAMailAcceptedJustBeforeACrashWithTheSameMessageId() throws Exception {
		FailureReport report = Failures.report("Ledger", "https://ledger.example.com/health", "eu-west");
		try (ConfigurableApplicationContext first = run(true)) {
			assertThat(post(first, report).code()).isEqualTo(202);
			await().atMost(Duration.ofSeconds(20)).until(() -> states(first).equals(List.of("SENT", "SENT")));
			// What SIGKILL between the server's 250 and the commit leaves: the rows still
			// pending.
			first.getBean(JdbcClient.class)
				.sql("UPDATE notifications SET state = 'PENDING', sent_at = NULL, attempts = 0")
				.update();
		}
		List<String> before = messageIds();
		assertThat(before).hasSize(2).doesNotHaveDuplicates();

		try (ConfigurableApplicationContext restarted = run(true)) {
			await().atMost(Duration.ofSeconds(20)).until(() -> states(restarted).equals(List.of("SENT", "SENT")));
			List<String> rows = restarted.getBean(JdbcClient.class)
				.sql("SELECT id::text FROM notifications")
				.query(String.class)
				.list();
			assertThat(this.smtp.getReceivedMessages()).hasSize(4);
			assertThat(messageIds()).as("each notification twice, under one id")
				.containsExactlyInAnyOrder(before.get(0), before.get(0), before.get(1), before.get(1));
			assertThat(before).allSatisfy((id) -> assertThat(rows).anySatisfy((row) -> assertThat(id).contains(row)));
		}
	}

	private List<String> messageIds() throws Exception {
		List<String> ids = new ArrayList<>();
		for (MimeMessage message : this.smtp.getReceivedMessages()) {
			ids.add(message.getMessageID());
		}
		return ids;
	}

	/** Starts failure-service as its own application, delivering or not. */
	private ConfigurableApplicationContext run(boolean dispatching) {
		return new SpringApplicationBuilder(FailureServiceApplication.class).run("--server.port=0",
				"--spring.datasource.url=" + this.database.jdbcUrl(),
				"--spring.datasource.username=" + this.database.username(),
				"--spring.datasource.password=" + this.database.password(), "--spring.mail.host=127.0.0.1",
				"--spring.mail.port=" + this.smtp.getSmtp().getPort(),
				"--pepper.failure.ingest-token-sha256=" + BearerTokens.sha256Hex(TOKEN),
				"--pepper.failure.mail.standalone-to=oncall@example.com,lead@example.com",
				"--pepper.failure.standalone-locations=eu-west", "--pepper.failure.dispatch-interval=100ms",
				"--pepper.failure.dispatch-enabled=" + dispatching);
	}

	private HttpResponseStatus post(ConfigurableApplicationContext context, FailureReport report) {
		int port = context.getEnvironment().getRequiredProperty("local.server.port", Integer.class);
		ServiceApi api = new ServiceApi(port, TOKEN, "none");
		return new HttpResponseStatus(api.postFailures(Failures.batch(report, Failures.next(report))).statusCode());
	}

	private static List<String> states(ConfigurableApplicationContext context) {
		return context.getBean(JdbcClient.class)
			.sql("SELECT state FROM notifications ORDER BY state")
			.query(String.class)
			.list();
	}

	private record HttpResponseStatus(int code) {

	}

}
