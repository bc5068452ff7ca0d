package io.pepper.failure.notify.webhook;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.standardwebhooks.Webhook;
import com.standardwebhooks.exceptions.WebhookVerificationException;
import io.pepper.contracts.v1.NotificationChannelSpec;
import io.pepper.failure.IncidentTestBase;
import io.pepper.failure.LocalReceiver;
import io.pepper.failure.TestEndpoint;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static io.pepper.failure.TestEndpoint.policy;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatNoException;
import static org.awaitility.Awaitility.await;

/**
 * Pepper's real webhook deliveries checked with the Standard Webhooks specification's own
 * library, which compares the timestamp with the wall clock.
 */
class StandardWebhooksTest extends IncidentTestBase {

	private static final String SECRET = "whsec_"
			+ Base64.getEncoder().encodeToString("a key of thirty-two bytes, ok!!!".getBytes(StandardCharsets.UTF_8));

	@BeforeEach
	void atTheTimeOfDay() {
		this.clock.resetToWallClock();
		this.start = this.clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MINUTES);
	}

	@Test
	void aDeliveryPassesTheSpecificationsVerificationAndATamperedOneDoesNot() {
		LocalReceiver.Request delivery = deliver("Standard");
		Webhook verifier = new Webhook(SECRET);

		assertThat(delivery.header("webhook-id")).isEqualTo(delivery.header("Pepper-Delivery"));
		assertThat(delivery.header("webhook-signature")).startsWith("v1,");
		assertThat(delivery.header("webhook-timestamp")).isEqualTo(delivery.header("Pepper-Timestamp"));
		assertThatNoException().isThrownBy(() -> verifier.verify(delivery.body(), headers(delivery, Map.of())));
		assertThatExceptionOfType(WebhookVerificationException.class)
			.isThrownBy(
					() -> verifier.verify(delivery.body().replace("Standard", "Standarf"), headers(delivery, Map.of())))
			.withMessage("No matching signature found");
		assertThatExceptionOfType(WebhookVerificationException.class)
			.isThrownBy(() -> new Webhook("whsec_" + Base64.getEncoder().encodeToString(new byte[32]))
				.verify(delivery.body(), headers(delivery, Map.of())))
			.withMessage("No matching signature found");
		assertThatExceptionOfType(WebhookVerificationException.class)
			.isThrownBy(() -> verifier.verify(delivery.body(),
					headers(delivery, Map.of("webhook-id", UUID.randomUUID().toString()))))
			.withMessage("No matching signature found");
	}

	@Test
	void aDeliveryReplayedLaterOrStampedAheadFailsVerification() {
		LocalReceiver.Request delivery = deliver("Replayed");
		Webhook verifier = new Webhook(SECRET);
		long old = Instant.now().minus(Duration.ofMinutes(10)).getEpochSecond();
		String resigned = WebhookSignature.signStandard(SECRET, delivery.header("webhook-id"), old,
				delivery.body().getBytes(StandardCharsets.UTF_8));

		assertThatExceptionOfType(WebhookVerificationException.class)
			.isThrownBy(() -> verifier.verify(delivery.body(),
					headers(delivery, Map.of("webhook-timestamp", Long.toString(old), "webhook-signature", resigned))))
			.withMessage("Message timestamp too old");

		this.clock.advance(Duration.ofMinutes(10));
		LocalReceiver.Request ahead = deliver("Ahead");
		assertThatExceptionOfType(WebhookVerificationException.class)
			.isThrownBy(() -> verifier.verify(ahead.body(), headers(ahead, Map.of())))
			.withMessage("Message timestamp too new");
	}

	@Test
	void aSecretWithoutThePrefixIsTheKeyItsUtf8BytesMake() {
		String legacy = "an older secret of forty characters long";
		byte[] body = "{\"type\":\"incident.opened\"}".getBytes(StandardCharsets.UTF_8);
		long now = Instant.now().getEpochSecond();
		String signature = WebhookSignature.signStandard(legacy, "msg_1", now, body);

		assertThatNoException().isThrownBy(() -> new Webhook(
				"whsec_" + Base64.getEncoder().encodeToString(legacy.getBytes(StandardCharsets.UTF_8)))
			.verify(new String(body, StandardCharsets.UTF_8), Map.of("webhook-id", List.of("msg_1"),
					"webhook-timestamp", List.of(Long.toString(now)), "webhook-signature", List.of(signature))));
	}

	private LocalReceiver.Request deliver(String name) {
		TestEndpoint endpoint = TestEndpoint.create(name, "eu-west");
		String path = "/standard/" + UUID.randomUUID();
		NotificationChannelSpec.Webhook hook = new NotificationChannelSpec.Webhook(UUID.randomUUID(),
				endpoint.organizationId(), "automation", URI.create(receiver.url(path)), SECRET);
		this.alerting.add(endpoint.alerting(policy(1, 1, 1, null, hook.id())), hook);
		fail(endpoint, "eu-west", 0);
		await().atMost(Duration.ofSeconds(20)).until(() -> receiver.requests(path).size() == 1);
		return receiver.requests(path).getFirst();
	}

	/** The delivery's headers as a receiver has them, with {@code replaced} ones. */
	private static Map<String, List<String>> headers(LocalReceiver.Request request, Map<String, String> replaced) {
		Map<String, List<String>> headers = new HashMap<>();
		request.headers().forEach((name, value) -> headers.put(name, List.of(value)));
		replaced.forEach((name, value) -> headers.put(name, List.of(value)));
		return headers;
	}

}
