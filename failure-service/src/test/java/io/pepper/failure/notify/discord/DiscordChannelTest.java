package io.pepper.failure.notify.discord;

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

/** A local receiver stands in for a Discord webhook and checks the embeds. */
class DiscordChannelTest extends IncidentTestBase {

	@Test
	void postsARedEmbedWhenTheIncidentOpensAndAGreenOneWhenItResolves() {
		TestEndpoint endpoint = TestEndpoint.create("@everyone Login", "eu-west");
		String path = "/api/webhooks/" + UUID.randomUUID();
		NotificationChannelSpec.Discord discord = new NotificationChannelSpec.Discord(UUID.randomUUID(),
				endpoint.organizationId(), "#alerts", URI.create(receiver.url(path)));
		this.alerting.add(endpoint.alerting(policy(1, 1, 1, null, discord.id())), discord);

		fail(endpoint, "eu-west", 0);
		await().atMost(Duration.ofSeconds(20)).until(() -> receiver.requests(path).size() == 1);
		JsonNode incident = onlyIncident(endpoint);
		String incidentId = incident.get("id").asString();
		String openedAt = incident.get("openedAt").asString();
		succeed(endpoint, "eu-west", 1);
		await().atMost(Duration.ofSeconds(20)).until(() -> receiver.requests(path).size() == 2);

		LocalReceiver.Request opened = receiver.requests(path).get(0);
		assertThat(opened.header("Content-Type")).isEqualTo("application/json");
		assertThat(json(opened.body())).isEqualTo(json("""
				{"username": "Pepper",
				 "embeds": [{"title": "@everyone Login is DOWN",
				             "description": "UNEXPECTED_STATUS: expected 200-299 but got 500",
				             "url": "https://pepper.example.com/endpoints/%s",
				             "color": 14237451, "timestamp": "%s",
				             "fields": [{"name": "Locations", "value": "eu-west", "inline": true},
				                        {"name": "Duration", "value": "0 s", "inline": true},
				                        {"name": "URL", "value": "%s", "inline": true}],
				             "footer": {"text": "Pepper · incident %s"}}],
				 "allowed_mentions": {"parse": []}}
				""".formatted(endpoint.id(), openedAt, endpoint.url(), incidentId)));
		JsonNode resolved = json(receiver.requests(path).get(1).body()).get("embeds").get(0);
		assertThat(resolved.get("title").asString()).startsWith("@everyone Login is back UP after");
		assertThat(resolved.get("color").asInt()).isEqualTo(0x2DA44E);
	}

	private static JsonNode json(String text) {
		return WireJson.mapper().readTree(text);
	}

}
