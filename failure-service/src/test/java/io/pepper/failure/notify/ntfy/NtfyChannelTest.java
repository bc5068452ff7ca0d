package io.pepper.failure.notify.ntfy;

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

/** A local receiver stands in for an ntfy server and checks JSON publishing. */
class NtfyChannelTest extends IncidentTestBase {

	@Test
	void publishesToTheTopicWithTheAccessTokenWhenTheIncidentOpensAndWhenItResolves() {
		TestEndpoint endpoint = TestEndpoint.create("Webshop", "eu-west");
		String root = "/ntfy-" + UUID.randomUUID() + "/";
		NotificationChannelSpec.Ntfy ntfy = new NotificationChannelSpec.Ntfy(UUID.randomUUID(),
				endpoint.organizationId(), "Phones", URI.create(receiver.url(root + "pepper-alerts")), "tk_secret");
		this.alerting.add(endpoint.alerting(policy(1, 1, 1, null, ntfy.id())), ntfy);

		fail(endpoint, "eu-west", 0);
		await().atMost(Duration.ofSeconds(20)).until(() -> receiver.requests(root).size() == 1);
		succeed(endpoint, "eu-west", 1);
		await().atMost(Duration.ofSeconds(20)).until(() -> receiver.requests(root).size() == 2);

		LocalReceiver.Request opened = receiver.requests(root).get(0);
		assertThat(opened.method()).isEqualTo("POST");
		assertThat(opened.header("Authorization")).isEqualTo("Bearer tk_secret");
		assertThat(json(opened.body())).isEqualTo(
				json("""
						{"topic": "pepper-alerts", "title": "Webshop is DOWN",
						 "message": "URL: %s\\nReason: UNEXPECTED_STATUS: expected 200-299 but got 500\\nLocations: eu-west\\nDuration: 0 s",
						 "tags": ["rotating_light"], "priority": 5,
						 "click": "https://pepper.example.com/endpoints/%s"}
						"""
					.formatted(endpoint.url(), endpoint.id())));
		JsonNode resolved = json(receiver.requests(root).get(1).body());
		assertThat(resolved.get("title").asString()).startsWith("Webshop is back UP after");
		assertThat(resolved.get("tags").toString()).isEqualTo("[\"white_check_mark\"]");
		assertThat(resolved.get("priority").asInt()).isEqualTo(3);
	}

	private static JsonNode json(String text) {
		return WireJson.mapper().readTree(text);
	}

}
