package io.pepper.failure.notify;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.pepper.contracts.v1.FailureReport;
import io.pepper.contracts.v1.NotificationChannelSpec;
import io.pepper.contracts.v1.WireJson;
import io.pepper.failure.Failures;
import io.pepper.failure.IncidentTestBase;
import io.pepper.failure.LocalReceiver;
import io.pepper.failure.Mails;
import io.pepper.failure.TestEndpoint;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static io.pepper.failure.TestEndpoint.policy;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Slack, signed webhooks, retries, the SSRF guard and digests, with local HTTP servers
 * standing in for Slack and webhook receivers.
 */
@ExtendWith(OutputCaptureExtension.class)
class NotificationChannelsTest extends IncidentTestBase {

	@Autowired
	private MeterRegistry registry;

	@Test
	void postsToSlackTheEndpointReasonLocationsDurationAndLink() {
		TestEndpoint endpoint = TestEndpoint.create("Checkout <prod>", "eu-west", "us-east");
		String path = "/slack/" + UUID.randomUUID();
		NotificationChannelSpec.Slack slack = new NotificationChannelSpec.Slack(UUID.randomUUID(),
				endpoint.organizationId(), "#ops", java.net.URI.create(receiver.url(path)));
		this.alerting.add(endpoint.alerting(policy(1, 2, 1, null, slack.id())), slack);

		fail(endpoint, "eu-west", 0);
		fail(endpoint, "us-east", 0);
		succeed(endpoint, "eu-west", 1);
		succeed(endpoint, "us-east", 1);

		await().atMost(Duration.ofSeconds(20)).until(() -> receiver.requests(path).size() == 2);
		JsonNode opened = WireJson.mapper().readTree(receiver.requests(path).get(0).body());
		assertThat(opened.get("text").asString())
			.isEqualTo("Checkout &lt;prod&gt; is DOWN: UNEXPECTED_STATUS: expected 200-299 but got 500");
		String blocks = opened.get("blocks").get(0).get("text").get("text").asString();
		assertThat(blocks).contains(
				"<https://pepper.example.com/endpoints/" + endpoint.id() + "|Checkout &lt;prod&gt; is DOWN>",
				"*Reason:* UNEXPECTED_STATUS: expected 200-299 but got 500", "*Locations:* eu-west, us-east",
				"*Duration:* 0 s", "*URL:* " + endpoint.url().replace("&", "&amp;"));
		JsonNode resolved = WireJson.mapper().readTree(receiver.requests(path).get(1).body());
		assertThat(resolved.get("text").asString()).startsWith("Checkout &lt;prod&gt; is back UP after");
		assertThat(receiver.requests(path).getFirst().header("Content-Type")).isEqualTo("application/json");
	}

	@Test
	void signsWebhooksSoTheReceiverCanVerifyThem() throws Exception {
		TestEndpoint endpoint = TestEndpoint.create("Signed", "eu-west");
		String path = "/hooks/" + UUID.randomUUID();
		String secret = "whsec-" + UUID.randomUUID();
		this.alerting.add(endpoint.alerting(policy(1, 1, 1, null, webhook(endpoint, path, secret).id())),
				webhook(endpoint, path, secret));

		fail(endpoint, "eu-west", 0);

		await().atMost(Duration.ofSeconds(20)).until(() -> receiver.requests(path).size() == 1);
		LocalReceiver.Request request = receiver.requests(path).getFirst();
		String timestamp = request.header("Pepper-Timestamp");
		assertThat(Long.parseLong(timestamp)).isCloseTo(this.clock.instant().getEpochSecond(),
				org.assertj.core.data.Offset.offset(300L));
		assertThat(request.header("Pepper-Signature")).isEqualTo("v1=" + hmac(secret, timestamp + "." + request.body()))
			.isNotEqualTo("v1=" + hmac("another secret", timestamp + "." + request.body()));
		assertThat(request.header("Pepper-Event")).isEqualTo("incident.opened");
		JsonNode body = WireJson.mapper().readTree(request.body());
		assertThat(body.get("type").asString()).isEqualTo("incident.opened");
		assertThat(body.get("deliveryId").asString()).isEqualTo(request.header("Pepper-Delivery"));
		JsonNode event = body.get("events").get(0);
		assertThat(event.get("endpointId").asString()).isEqualTo(endpoint.id().toString());
		assertThat(event.get("endpointName").asString()).isEqualTo("Signed");
		assertThat(event.get("incidentKind").asString()).isEqualTo("DOWN");
		assertThat(event.get("reason").asString()).isEqualTo("UNEXPECTED_STATUS: expected 200-299 but got 500");
		assertThat(event.get("locations").toString()).isEqualTo("[\"eu-west\"]");
		assertThat(event.get("link").asString()).isEqualTo("https://pepper.example.com/endpoints/" + endpoint.id());
	}

	@Test
	void retriesAWebhookReceiverThatIsDownAndDeliversOnceItIsBack() {
		TestEndpoint endpoint = TestEndpoint.create("Patient", "eu-west");
		try (LocalReceiver flaky = LocalReceiver.start()) {
			flaky.stop();
			NotificationChannelSpec.Webhook hook = new NotificationChannelSpec.Webhook(UUID.randomUUID(),
					endpoint.organizationId(), "pager", java.net.URI.create(flaky.url("/hook")), "secret");
			this.alerting.add(endpoint.alerting(policy(1, 1, 1, null, hook.id())), hook);

			fail(endpoint, "eu-west", 0);

			await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
				Map<String, Object> row = row(hook.id());
				assertThat((Integer) row.get("attempts")).isGreaterThanOrEqualTo(3);
				assertThat((String) row.get("last_error")).contains("cannot post to 127.0.0.1");
				assertThat(row.get("state")).isEqualTo("PENDING");
			});
			flaky.answer("/hook", 503);
			flaky.restart();

			await().atMost(Duration.ofSeconds(20)).until(() -> "SENT".equals(row(hook.id()).get("state")));
			List<LocalReceiver.Request> received = flaky.requests("/hook");
			assertThat(received).extracting(LocalReceiver.Request::answered).containsExactly(503, 200);
			assertThat(received).extracting((request) -> request.header("Pepper-Delivery"))
				.containsOnly(received.getFirst().header("Pepper-Delivery"));
			this.engine.sweep();
			assertThat(flaky.requests("/hook")).hasSize(2);
		}
	}

	@ParameterizedTest(name = "{0}")
	@ValueSource(ints = { 400, 401, 404 })
	void failsAWebhookTheReceiverRefusesAtOnceCountsAndLogsIt(int status, CapturedOutput output) {
		TestEndpoint endpoint = TestEndpoint.create("Refused hook " + status, "eu-west");
		String path = "/hooks/" + UUID.randomUUID();
		NotificationChannelSpec.Webhook hook = webhook(endpoint, path, "secret");
		this.alerting.add(endpoint.alerting(policy(1, 1, 1, null, hook.id())), hook);
		receiver.answer(path, status);
		double before = setAside(status);

		fail(endpoint, "eu-west", 0);

		await().atMost(Duration.ofSeconds(20)).until(() -> "FAILED".equals(row(hook.id()).get("state")));
		Map<String, Object> row = row(hook.id());
		assertThat(row.get("attempts")).isEqualTo(1);
		assertThat((String) row.get("last_error")).isEqualTo("127.0.0.1 answered " + status + ": not now");
		assertThat(receiver.requests(path)).as("a refused notification is not sent again").hasSize(1);
		assertThat(setAside(status) - before).isEqualTo(1);
		assertThat(output).contains("failure-notifications: notification ", " through webhook to " + hook.id(),
				" refused, set aside as FAILED after 1 attempt: 127.0.0.1 answered " + status + ": not now");
	}

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|',
			textBlock = """
					private address  | http://10.20.30.40/hook           | 10.20.30.40 is a private address and not in pepper.failure.allowed-targets
					cloud metadata   | http://169.254.169.254/latest    | 169.254.169.254 is a link-local address
					not http         | file:///etc/passwd                | only absolute http and https URLs
					""")
	void refusesAWebhookToAnInternalAddressWithoutTryingIt(String name, String url, String error) {
		TestEndpoint endpoint = TestEndpoint.create("Guarded", "eu-west");
		NotificationChannelSpec.Webhook hook = new NotificationChannelSpec.Webhook(UUID.randomUUID(),
				endpoint.organizationId(), "internal", java.net.URI.create(url), "secret");
		this.alerting.add(endpoint.alerting(policy(1, 1, 1, null, hook.id())), hook);

		fail(endpoint, "eu-west", 0);

		await().atMost(Duration.ofSeconds(20)).until(() -> "FAILED".equals(row(hook.id()).get("state")));
		Map<String, Object> row = row(hook.id());
		assertThat(row.get("attempts")).isEqualTo(1);
		assertThat((String) row.get("last_error")).contains(error);
	}

	@ParameterizedTest(name = "{0}")
	@ValueSource(strings = { "slack", "pagerduty", "opsgenie", "teams", "discord", "telegram", "ntfy" })
	void refusesEveryKindOfChannelAtAnInternalAddressWithoutTryingIt(String type) {
		TestEndpoint endpoint = TestEndpoint.create("Guarded " + type, "eu-west");
		UUID id = UUID.randomUUID();
		UUID organization = endpoint.organizationId();
		java.net.URI internal = java.net.URI.create("http://10.20.30.40/hook");
		NotificationChannelSpec channel = switch (type) {
			case "slack" -> new NotificationChannelSpec.Slack(id, organization, type, internal);
			case "pagerduty" -> new NotificationChannelSpec.PagerDuty(id, organization, type, internal, "key");
			case "opsgenie" -> new NotificationChannelSpec.Opsgenie(id, organization, type, internal, "key");
			case "teams" -> new NotificationChannelSpec.Teams(id, organization, type, internal);
			case "discord" -> new NotificationChannelSpec.Discord(id, organization, type, internal);
			case "telegram" -> new NotificationChannelSpec.Telegram(id, organization, type, internal, "1:token", "42");
			default -> new NotificationChannelSpec.Ntfy(id, organization, type, internal, null);
		};
		this.alerting.add(endpoint.alerting(policy(1, 1, 1, null, id)), channel);

		fail(endpoint, "eu-west", 0);

		await().atMost(Duration.ofSeconds(20)).until(() -> "FAILED".equals(row(id).get("state")));
		Map<String, Object> row = row(id);
		assertThat(row.get("attempts")).isEqualTo(1);
		assertThat((String) row.get("last_error"))
			.contains("10.20.30.40 is a private address and not in pepper.failure.allowed-targets");
	}

	@Test
	void gathersABurstOfChangesOfOneOrganizationIntoOneDigest() throws Exception {
		UUID organization = UUID.randomUUID();
		NotificationChannelSpec.Email oncall = new NotificationChannelSpec.Email(UUID.randomUUID(), organization,
				"On-call", List.of("storm-" + UUID.randomUUID() + "@example.com"));
		List<FailureReport> failures = new ArrayList<>();
		for (int i = 1; i <= 12; i++) {
			TestEndpoint endpoint = TestEndpoint.in(organization, "Service " + i, "eu-west");
			this.alerting.add(endpoint.alerting(policy(1, 1, 1, null, oncall.id())), oncall);
			failures.add(endpoint.failure("eu-west", slot(0)));
		}
		String address = oncall.addresses().getFirst();

		post(Failures.batch(failures.toArray(FailureReport[]::new)));

		List<MimeMessage> mails = awaitMails(address, 9);
		List<MimeMessage> digests = mails.stream()
			.filter((mail) -> subject(mail).contains("incident changes"))
			.toList();
		assertThat(digests).singleElement().satisfies((digest) -> {
			assertThat(subject(digest)).isEqualTo("[Pepper] 4 incident changes in one go");
			assertThat(Mails.partOf(digest, "text/plain")).contains("4 incidents changed within a short time",
					" is DOWN.");
		});
		assertThat(
				this.jdbc.sql("SELECT count(*) FROM notifications WHERE organization_id = ? AND digest_id IS NOT NULL")
					.param(organization)
					.query(Integer.class)
					.single())
			.isEqualTo(4);
		assertThat(this.jdbc.sql("SELECT count(*) FROM notifications WHERE organization_id = ? AND state = 'SENT'")
			.param(organization)
			.query(Integer.class)
			.single()).isEqualTo(12);
	}

	private static NotificationChannelSpec.Webhook webhook(TestEndpoint endpoint, String path, String secret) {
		UUID id = UUID.nameUUIDFromBytes((endpoint.id() + path).getBytes(StandardCharsets.UTF_8));
		return new NotificationChannelSpec.Webhook(id, endpoint.organizationId(), "automation",
				java.net.URI.create(receiver.url(path)), secret);
	}

	private double setAside(int status) {
		Counter counter = this.registry.find("pepper.delivery.set.aside")
			.tag("queue", "failure-notifications")
			.tag("status", Integer.toString(status))
			.counter();
		return (counter != null) ? counter.count() : 0;
	}

	private Map<String, Object> row(UUID channelId) {
		return this.jdbc.sql("SELECT state, attempts, last_error FROM notifications WHERE recipient = ?")
			.param(channelId.toString())
			.query()
			.singleRow();
	}

	/** What a receiver computes to check a delivery, with nothing from Pepper's code. */
	private static String hmac(String secret, String signed) throws Exception {
		Mac mac = Mac.getInstance("HmacSHA256");
		mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
		return HexFormat.of().formatHex(mac.doFinal(signed.getBytes(StandardCharsets.UTF_8)));
	}

}
