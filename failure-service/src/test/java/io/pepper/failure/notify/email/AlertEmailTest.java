package io.pepper.failure.notify.email;

import java.time.Duration;
import java.util.List;

import io.pepper.contracts.v1.NotificationChannelSpec;
import io.pepper.failure.IncidentTestBase;
import io.pepper.failure.TestEndpoint;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;

import static io.pepper.failure.TestEndpoint.policy;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Alert emails as a mail client sees them, through real SMTP: marked automatic, and the
 * DOWN, reminder and UP mails of one incident in one thread.
 */
class AlertEmailTest extends IncidentTestBase {

	@Test
	void threadsTheDownReminderAndUpMailsOfOneIncident() throws Exception {
		TestEndpoint endpoint = TestEndpoint.create("Invoices", "eu-west");
		NotificationChannelSpec.Email oncall = emailChannel(endpoint);
		this.alerting.add(endpoint.alerting(policy(1, 1, 1, 10, oncall.id())), oncall);
		String address = oncall.addresses().getFirst();

		fail(endpoint, "eu-west", 0);
		awaitMails(address, 1);
		this.clock.advance(Duration.ofMinutes(10));
		this.engine.sweep();
		awaitMails(address, 2);
		succeed(endpoint, "eu-west", 11);
		List<MimeMessage> mails = awaitMails(address, 3);

		String root = "<incident-" + onlyIncident(endpoint).get("id").asString() + "@pepper.example.com>";
		MimeMessage down = mails.get(0);
		MimeMessage reminder = mails.get(1);
		MimeMessage up = mails.get(2);
		assertThat(subject(down)).startsWith("[Pepper] DOWN: Invoices");
		assertThat(subject(reminder)).startsWith("[Pepper] Still DOWN: Invoices");
		assertThat(subject(up)).isEqualTo("[Pepper] RESOLVED: Invoices");

		assertThat(header(down, "References")).isEqualTo(root);
		assertThat(header(down, "In-Reply-To")).as("the first mail starts the thread").isNull();
		for (MimeMessage later : List.of(reminder, up)) {
			assertThat(header(later, "In-Reply-To")).isEqualTo(root);
			assertThat(header(later, "References")).isEqualTo(root);
		}
		for (MimeMessage mail : mails) {
			assertThat(header(mail, "Auto-Submitted")).isEqualTo("auto-generated");
			assertThat(mail.getMessageID()).as("the public URL's host, not the sender's localhost")
				.endsWith("@pepper.example.com>")
				.isNotEqualTo(root);
		}
		assertThat(List.of(down.getMessageID(), reminder.getMessageID(), up.getMessageID())).doesNotHaveDuplicates();
	}

	@Test
	void givesEachIncidentOfOneEndpointItsOwnThread() throws Exception {
		TestEndpoint endpoint = TestEndpoint.create("Payroll", "eu-west");
		NotificationChannelSpec.Email oncall = emailChannel(endpoint);
		this.alerting.add(endpoint.alerting(policy(1, 1, 1, null, oncall.id())), oncall);
		String address = oncall.addresses().getFirst();

		fail(endpoint, "eu-west", 0);
		succeed(endpoint, "eu-west", 1);
		awaitMails(address, 2);
		// Past the flapping window: a new outage is a new incident.
		this.clock.advance(Duration.ofMinutes(45));
		fail(endpoint, "eu-west", 45);
		List<MimeMessage> mails = awaitMails(address, 3);

		assertThat(incidents(endpoint)).hasSize(2);
		assertThat(header(mails.get(1), "References")).isEqualTo(header(mails.get(0), "References"));
		assertThat(header(mails.get(2), "References")).isNotNull().isNotEqualTo(header(mails.get(0), "References"));
		assertThat(header(mails.get(2), "In-Reply-To")).isNull();
	}

	private static String header(MimeMessage message, String name) throws MessagingException {
		return message.getHeader(name, ",");
	}

}
