package io.pepper.failure.notify.pagerduty;

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
 * A local receiver stands in for PagerDuty's Events API and checks the documented Events
 * API v2 bodies.
 */
class PagerDutyChannelTest extends IncidentTestBase {

	@Autowired
	private PagerDutyChannel pagerDutyChannel;

	@Test
	void triggersAnAlertWhenTheIncidentOpensAndResolvesItWithTheSameDedupKey() {
		TestEndpoint endpoint = TestEndpoint.create("Billing", "eu-west");
		String base = "/pagerduty/" + UUID.randomUUID();
		String routingKey = "R0UT1NGKEY" + UUID.randomUUID().toString().replace("-", "").substring(0, 22);
		NotificationChannelSpec.PagerDuty pagerDuty = new NotificationChannelSpec.PagerDuty(UUID.randomUUID(),
				endpoint.organizationId(), "On-call", URI.create(receiver.url(base) + "/"), routingKey);
		this.alerting.add(endpoint.alerting(policy(1, 1, 1, null, pagerDuty.id())), pagerDuty);
		String path = base + "/v2/enqueue";

		fail(endpoint, "eu-west", 0);
		await().atMost(Duration.ofSeconds(20)).until(() -> receiver.requests(path).size() == 1);
		JsonNode incident = onlyIncident(endpoint);
		String incidentId = incident.get("id").asString();
		String openedAt = incident.get("openedAt").asString();
		succeed(endpoint, "eu-west", 1);
		await().atMost(Duration.ofSeconds(20)).until(() -> receiver.requests(path).size() == 2);

		LocalReceiver.Request trigger = receiver.requests(path).get(0);
		assertThat(trigger.method()).isEqualTo("POST");
		assertThat(trigger.header("Content-Type")).isEqualTo("application/json");
		String link = "https://pepper.example.com/endpoints/" + endpoint.id();
		assertThat(json(trigger.body())).isEqualTo(json("""
				{"routing_key": "%s", "event_action": "trigger", "dedup_key": "%s",
				 "payload": {"summary": "Billing is DOWN: UNEXPECTED_STATUS: expected 200-299 but got 500",
				             "source": "%s", "severity": "critical", "timestamp": "%s",
				             "component": "Billing", "class": "DOWN",
				             "custom_details": {"Endpoint": "Billing", "URL": "%s",
				                                "Reason": "UNEXPECTED_STATUS: expected 200-299 but got 500",
				                                "Locations": "eu-west", "Since": "%s", "Duration": "0 s",
				                                "Incident": "%s"}},
				 "client": "Pepper", "client_url": "%s",
				 "links": [{"href": "%s", "text": "Endpoint in Pepper"}]}
				""".formatted(routingKey, incidentId, endpoint.url(), openedAt, endpoint.url(), openedAt, incidentId,
				link, link)));
		assertThat(json(receiver.requests(path).get(1).body())).isEqualTo(json("""
				{"routing_key": "%s", "event_action": "resolve", "dedup_key": "%s"}
				""".formatted(routingKey, incidentId)));
	}

	@Test
	void refusesAnEventsBaseAtAnInternalAddressWithoutTryingIt() {
		TestEndpoint endpoint = TestEndpoint.create("Guarded PagerDuty", "eu-west");
		NotificationChannelSpec.PagerDuty pagerDuty = new NotificationChannelSpec.PagerDuty(UUID.randomUUID(),
				endpoint.organizationId(), "internal", URI.create("http://10.20.30.40"), "key");
		this.alerting.add(endpoint.alerting(policy(1, 1, 1, null, pagerDuty.id())), pagerDuty);

		fail(endpoint, "eu-west", 0);

		await().atMost(Duration.ofSeconds(20))
			.until(() -> "FAILED".equals(this.jdbc.sql("SELECT state FROM notifications WHERE recipient = ?")
				.param(pagerDuty.id().toString())
				.query(String.class)
				.single()));
		assertThat(this.jdbc.sql("SELECT last_error FROM notifications WHERE recipient = ?")
			.param(pagerDuty.id().toString())
			.query(String.class)
			.single()).contains("10.20.30.40 is a private address");
	}

	@Test
	void sendsADigestAsOneEventPerChangeEachWithItsIncidentsDedupKey() {
		TestEndpoint endpoint = TestEndpoint.create("Digested", "eu-west");
		String base = "/pagerduty/" + UUID.randomUUID();
		NotificationChannelSpec.PagerDuty pagerDuty = new NotificationChannelSpec.PagerDuty(UUID.randomUUID(),
				endpoint.organizationId(), "On-call", URI.create(receiver.url(base)),
				"0123456789abcdef0123456789abcdef");
		this.alerting.add(endpoint.alerting(policy(1, 1, 1, null, pagerDuty.id())), pagerDuty);
		StateChange down = change(StateChange.Change.OPENED, endpoint);
		StateChange up = change(StateChange.Change.RESOLVED, endpoint);

		this.pagerDutyChannel.send(new Notification(UUID.randomUUID(), PagerDutyChannel.NAME, pagerDuty.id().toString(),
				0, new Digest(List.of(down, up))));

		List<LocalReceiver.Request> events = receiver.requests(base + "/v2/enqueue");
		assertThat(events).extracting((event) -> json(event.body()).get("event_action").asString())
			.containsExactly("trigger", "resolve");
		assertThat(events).extracting((event) -> json(event.body()).get("dedup_key").asString())
			.containsExactly(down.incidentId().toString(), up.incidentId().toString());
	}

	private static StateChange change(StateChange.Change change, TestEndpoint endpoint) {
		Instant at = Instant.parse("2026-12-01T10:00:00Z");
		return new StateChange(change, UUID.randomUUID(), endpoint.id(), endpoint.organizationId(), endpoint.name(),
				endpoint.url(), IncidentView.Kind.DOWN, "UNEXPECTED_STATUS: expected 200-299 but got 500",
				List.of("eu-west"), at, at.plusSeconds(60), false);
	}

	private static JsonNode json(String text) {
		return WireJson.mapper().readTree(text);
	}

}
