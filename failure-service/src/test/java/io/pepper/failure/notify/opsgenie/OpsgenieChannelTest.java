package io.pepper.failure.notify.opsgenie;

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
 * A local receiver stands in for Opsgenie's Alert API and checks the documented create
 * and close-by-alias requests.
 */
class OpsgenieChannelTest extends IncidentTestBase {

	@Test
	void createsAnAlertAliasedByTheIncidentAndClosesItByAliasWhenItResolves() {
		TestEndpoint endpoint = TestEndpoint.create("Search", "eu-west");
		String base = "/opsgenie/" + UUID.randomUUID();
		String apiKey = UUID.randomUUID().toString();
		NotificationChannelSpec.Opsgenie opsgenie = new NotificationChannelSpec.Opsgenie(UUID.randomUUID(),
				endpoint.organizationId(), "Ops", URI.create(receiver.url(base)), apiKey);
		this.alerting.add(endpoint.alerting(policy(1, 1, 1, null, opsgenie.id())), opsgenie);

		fail(endpoint, "eu-west", 0);
		await().atMost(Duration.ofSeconds(20)).until(() -> receiver.requests(base + "/v2/alerts").size() == 1);
		JsonNode incident = onlyIncident(endpoint);
		String incidentId = incident.get("id").asString();
		String openedAt = incident.get("openedAt").asString();
		succeed(endpoint, "eu-west", 1);
		String close = base + "/v2/alerts/" + incidentId + "/close";
		await().atMost(Duration.ofSeconds(20)).until(() -> receiver.requests(close).size() == 1);

		LocalReceiver.Request create = receiver.requests(base + "/v2/alerts").getFirst();
		assertThat(create.method()).isEqualTo("POST");
		assertThat(create.header("Authorization")).isEqualTo("GenieKey " + apiKey);
		assertThat(create.header("Content-Type")).isEqualTo("application/json");
		assertThat(json(create.body())).isEqualTo(json("""
				{"message": "Search is DOWN", "alias": "%s",
				 "description": "UNEXPECTED_STATUS: expected 200-299 but got 500",
				 "tags": ["pepper", "down"],
				 "details": {"Endpoint": "Search", "URL": "%s",
				             "Reason": "UNEXPECTED_STATUS: expected 200-299 but got 500",
				             "Locations": "eu-west", "Since": "%s", "Duration": "0 s", "Incident": "%s",
				             "Details": "https://pepper.example.com/endpoints/%s"},
				 "entity": "Search", "source": "Pepper", "priority": "P1"}
				""".formatted(incidentId, endpoint.url(), openedAt, incidentId, endpoint.id())));
		LocalReceiver.Request closed = receiver.requests(close).getFirst();
		assertThat(closed.query()).isEqualTo("identifierType=alias");
		assertThat(closed.header("Authorization")).isEqualTo("GenieKey " + apiKey);
		assertThat(json(closed.body()).get("source").asString()).isEqualTo("Pepper");
		assertThat(json(closed.body()).get("note").asString()).startsWith("Search is back UP after");
		assertThat(json(closed.body()).size()).isEqualTo(2);
	}

	@Test
	void refusesAnApiBaseAtAnInternalAddressWithoutTryingIt() {
		TestEndpoint endpoint = TestEndpoint.create("Guarded Opsgenie", "eu-west");
		NotificationChannelSpec.Opsgenie opsgenie = new NotificationChannelSpec.Opsgenie(UUID.randomUUID(),
				endpoint.organizationId(), "internal", URI.create("http://169.254.169.254"), "key");
		this.alerting.add(endpoint.alerting(policy(1, 1, 1, null, opsgenie.id())), opsgenie);

		fail(endpoint, "eu-west", 0);

		await().atMost(Duration.ofSeconds(20))
			.until(() -> "FAILED".equals(this.jdbc.sql("SELECT state FROM notifications WHERE recipient = ?")
				.param(opsgenie.id().toString())
				.query(String.class)
				.single()));
		assertThat(this.jdbc.sql("SELECT last_error FROM notifications WHERE recipient = ?")
			.param(opsgenie.id().toString())
			.query(String.class)
			.single()).contains("169.254.169.254 is a link-local address");
	}

	private static JsonNode json(String text) {
		return WireJson.mapper().readTree(text);
	}

}
