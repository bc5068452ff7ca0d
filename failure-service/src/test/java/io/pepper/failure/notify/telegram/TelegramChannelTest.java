package io.pepper.failure.notify.telegram;

import java.net.URI;
import java.time.Duration;
import java.util.UUID;

import io.pepper.contracts.v1.NotificationChannelSpec;
import io.pepper.contracts.v1.WireJson;
import io.pepper.failure.IncidentTestBase;
import io.pepper.failure.LocalReceiver;
import io.pepper.failure.TestEndpoint;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static io.pepper.failure.TestEndpoint.policy;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** A local receiver stands in for Telegram's Bot API and checks sendMessage. */
class TelegramChannelTest extends IncidentTestBase {

	@Test
	void sendsAMessageToTheChatWhenTheIncidentOpensAndWhenItResolves() {
		TestEndpoint endpoint = TestEndpoint.create("Uploads", "eu-west");
		String base = "/telegram/" + UUID.randomUUID();
		String token = "123456:" + UUID.randomUUID();
		NotificationChannelSpec.Telegram telegram = new NotificationChannelSpec.Telegram(UUID.randomUUID(),
				endpoint.organizationId(), "Ops chat", URI.create(receiver.url(base)), token, "-1001234567890");
		this.alerting.add(endpoint.alerting(policy(1, 1, 1, null, telegram.id())), telegram);
		String path = base + "/bot" + token + "/sendMessage";

		fail(endpoint, "eu-west", 0);
		await().atMost(Duration.ofSeconds(20)).until(() -> receiver.requests(path).size() == 1);
		succeed(endpoint, "eu-west", 1);
		await().atMost(Duration.ofSeconds(20)).until(() -> receiver.requests(path).size() == 2);

		LocalReceiver.Request opened = receiver.requests(path).get(0);
		assertThat(opened.method()).isEqualTo("POST");
		assertThat(opened.header("Content-Type")).isEqualTo("application/json");
		assertThat(json(opened.body())).isEqualTo(
				json("""
						{"chat_id": "-1001234567890",
						 "text": "Uploads is DOWN\\nURL: %s\\nReason: UNEXPECTED_STATUS: expected 200-299 but got 500\\nLocations: eu-west\\nDuration: 0 s\\nDetails: https://pepper.example.com/endpoints/%s",
						 "link_preview_options": {"is_disabled": true}}
						"""
					.formatted(endpoint.url(), endpoint.id())));
		JsonNode resolved = json(receiver.requests(path).get(1).body());
		assertThat(resolved.get("text").asString()).startsWith("Uploads is back UP after");
		assertThat(resolved.get("chat_id").asString()).isEqualTo("-1001234567890");
	}

	private static JsonNode json(String text) {
		return WireJson.mapper().readTree(text);
	}

}
