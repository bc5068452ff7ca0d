package io.pepper.failure.notify.teams;

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

/**
 * A local receiver stands in for a Teams Workflows webhook and checks the message with
 * one Adaptive Card attachment.
 */
class TeamsChannelTest extends IncidentTestBase {

	@Test
	void postsAnAdaptiveCardWhenTheIncidentOpensAndAnotherWhenItResolves() {
		TestEndpoint endpoint = TestEndpoint.create("Catalog", "eu-west", "us-east");
		String path = "/workflows/" + UUID.randomUUID() + "/triggers/manual/paths/invoke";
		NotificationChannelSpec.Teams teams = new NotificationChannelSpec.Teams(UUID.randomUUID(),
				endpoint.organizationId(), "Ops room", URI.create(receiver.url(path)));
		this.alerting.add(endpoint.alerting(policy(1, 2, 1, null, teams.id())), teams);

		fail(endpoint, "eu-west", 0);
		fail(endpoint, "us-east", 0);
		await().atMost(Duration.ofSeconds(20)).until(() -> receiver.requests(path).size() == 1);
		JsonNode incident = onlyIncident(endpoint);
		String incidentId = incident.get("id").asString();
		String openedAt = incident.get("openedAt").asString();
		succeed(endpoint, "eu-west", 1);
		succeed(endpoint, "us-east", 1);
		await().atMost(Duration.ofSeconds(20)).until(() -> receiver.requests(path).size() == 2);

		LocalReceiver.Request opened = receiver.requests(path).get(0);
		assertThat(opened.header("Content-Type")).isEqualTo("application/json");
		assertThat(json(opened.body())).isEqualTo(json("""
				{"type": "message",
				 "attachments": [{"contentType": "application/vnd.microsoft.card.adaptive",
				   "content": {"$schema": "http://adaptivecards.io/schemas/adaptive-card.json",
				     "type": "AdaptiveCard", "version": "1.4",
				     "body": [
				       {"type": "TextBlock", "text": "Catalog is DOWN", "weight": "Bolder", "size": "Medium",
				        "color": "Attention", "wrap": true},
				       {"type": "FactSet", "facts": [
				         {"title": "Endpoint", "value": "Catalog"},
				         {"title": "URL", "value": "%s"},
				         {"title": "Reason", "value": "UNEXPECTED_STATUS: expected 200-299 but got 500"},
				         {"title": "Locations", "value": "eu-west, us-east"},
				         {"title": "Since", "value": "%s"},
				         {"title": "Duration", "value": "0 s"},
				         {"title": "Incident", "value": "%s"}]}],
				     "actions": [{"type": "Action.OpenUrl", "title": "Open in Pepper",
				                  "url": "https://pepper.example.com/endpoints/%s"}]}}]}
				""".formatted(endpoint.url(), openedAt, incidentId, endpoint.id())));
		JsonNode resolved = json(receiver.requests(path).get(1).body()).get("attachments").get(0).get("content");
		assertThat(resolved.get("body").get(0).get("text").asString()).startsWith("Catalog is back UP after");
		assertThat(resolved.get("body").get(0).get("color").asString()).isEqualTo("Good");
	}

	private static JsonNode json(String text) {
		return WireJson.mapper().readTree(text);
	}

}
