package io.pepper.failure.notify.opsgenie;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.pepper.contracts.v1.IncidentView;
import io.pepper.contracts.v1.NotificationChannelSpec;
import io.pepper.contracts.v1.WireJson;
import io.pepper.failure.IncidentTestBase;
import io.pepper.failure.LocalReceiver;
import io.pepper.failure.TestEndpoint;
import io.pepper.failure.notify.Digest;
import io.pepper.failure.notify.Notification;
import io.pepper.failure.notify.StateChange;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;

import static io.pepper.failure.TestEndpoint.policy;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A local receiver stands in for Opsgenie's Alert API and checks the documented create
 * and close-by-alias requests.
 */
class OpsgenieChannelTest extends IncidentTestBase {

	@Autowired
	private OpsgenieChannel opsgenieChannel;

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

	@Test
	void sendsADigestAsOneCreateOrCloseRequestPerChange() {
		TestEndpoint endpoint = TestEndpoint.create("Digested", "eu-west");
		String base = "/opsgenie/" + UUID.randomUUID();
		NotificationChannelSpec.Opsgenie opsgenie = new NotificationChannelSpec.Opsgenie(UUID.randomUUID(),
				endpoint.organizationId(), "Ops", URI.create(receiver.url(base)), "key-" + UUID.randomUUID());
		this.alerting.add(endpoint.alerting(policy(1, 1, 1, null, opsgenie.id())), opsgenie);
		Instant at = Instant.parse("2026-12-01T10:00:00Z");
		StateChange down = new StateChange(StateChange.Change.OPENED, UUID.randomUUID(), endpoint.id(),
				endpoint.organizationId(), endpoint.name(), endpoint.url(), IncidentView.Kind.DOWN, "TIMEOUT",
				List.of("eu-west"), at, at, false);
		StateChange up = new StateChange(StateChange.Change.RESOLVED, UUID.randomUUID(), endpoint.id(),
				endpoint.organizationId(), endpoint.name(), endpoint.url(), IncidentView.Kind.DOWN, "TIMEOUT",
				List.of("eu-west"), at, at.plusSeconds(300), false);

		this.opsgenieChannel.send(new Notification(UUID.randomUUID(), OpsgenieChannel.NAME, opsgenie.id().toString(), 0,
				new Digest(List.of(down, up))));

		assertThat(receiver.requests(base + "/v2/alerts")).singleElement()
			.satisfies((create) -> assertThat(json(create.body()).get("alias").asString())
				.isEqualTo(down.incidentId().toString()));
		assertThat(receiver.requests(base + "/v2/alerts/" + up.incidentId() + "/close")).singleElement()
			.satisfies((close) -> assertThat(close.query()).isEqualTo("identifierType=alias"));
	}

	private static JsonNode json(String text) {
		return WireJson.mapper().readTree(text);
	}

}
