package io.pepper.failure.incident;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import io.pepper.contracts.v1.Degradation;
import io.pepper.contracts.v1.FailureBatch;
import io.pepper.contracts.v1.MaintenanceWindowSpec;
import io.pepper.contracts.v1.NotificationChannelSpec;
import io.pepper.contracts.v1.Outcome;
import io.pepper.contracts.v1.OutcomeKind;
import io.pepper.contracts.v1.Phase;
import io.pepper.contracts.v1.PhaseTimings;
import io.pepper.contracts.v1.TrendEvent;
import io.pepper.failure.Failures;
import io.pepper.failure.IncidentTestBase;
import io.pepper.failure.Mails;
import io.pepper.failure.TestEndpoint;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static io.pepper.failure.TestEndpoint.policy;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The incident engine through failure-service's API: confirmation, resolution, degraded,
 * flapping, reminders and maintenance, with real PostgreSQL and SMTP.
 */
class IncidentEngineTest extends IncidentTestBase {

	@Test
	void opensOnTheThirdFailureInARowNotBefore() throws Exception {
		TestEndpoint endpoint = TestEndpoint.create("Checkout", "eu-west");
		NotificationChannelSpec.Email oncall = emailChannel(endpoint);
		this.alerting.add(endpoint.alerting(policy(3, 1, 1, null, oncall.id())), oncall);
		String address = oncall.addresses().getFirst();

		fail(endpoint, "eu-west", 0);
		fail(endpoint, "eu-west", 1);
		assertThat(incidents(endpoint)).isEmpty();

		fail(endpoint, "eu-west", 2);

		JsonNode incident = onlyIncident(endpoint);
		assertThat(incident.get("state").asString()).isEqualTo("OPEN");
		assertThat(incident.get("kind").asString()).isEqualTo("DOWN");
		assertThat(incident.get("locations").toString()).isEqualTo("[\"eu-west\"]");
		MimeMessage mail = awaitMails(address, 1).getFirst();
		assertThat(subject(mail))
			.isEqualTo("[Pepper] DOWN: Checkout — UNEXPECTED_STATUS: expected 200-299 but got 500");
		assertThat(Mails.partOf(mail, "text/plain")).contains(endpoint.url(), "eu-west",
				"https://pepper.example.com/endpoints/" + endpoint.id());
		assertThat(Mails.partOf(mail, "text/html")).contains("Checkout is DOWN");
		assertThat(timeline(endpoint, incident.get("id").asString())).containsExactly("opened", "notified");
	}

	@Test
	void opensOnFailuresOfADnsCheckWhosePhasesDidNotHappen() throws Exception {
		TestEndpoint endpoint = TestEndpoint.create("Mail DNS", "eu-west").at("dns:pepper-mail.example.com");
		NotificationChannelSpec.Email oncall = emailChannel(endpoint);
		this.alerting.add(endpoint.alerting(policy(2, 1, 1, null, oncall.id())), oncall);
		Outcome mismatch = Outcome.failed(OutcomeKind.DNS_ANSWER_MISMATCH, Phase.DNS,
				"expected any of ['192.0.2.1'] but got ['192.0.2.2']");
		Outcome noPhase = Outcome.failed(OutcomeKind.DNS_RCODE_MISMATCH, null,
				"expected rcode NOERROR but got SERVFAIL");

		post(Failures
			.batch(endpoint.failure("eu-west", slot(0), mismatch, new PhaseTimings(2.0, null, null, null, 2.5))));
		post(Failures
			.batch(endpoint.failure("eu-west", slot(1), noPhase, new PhaseTimings(null, null, null, null, 0.5))));

		JsonNode incident = onlyIncident(endpoint);
		assertThat(incident.get("state").asString()).isEqualTo("OPEN");
		assertThat(incident.get("kind").asString()).isEqualTo("DOWN");
		MimeMessage mail = awaitMails(oncall.addresses().getFirst(), 1).getFirst();
		assertThat(subject(mail))
			.isEqualTo("[Pepper] DOWN: Mail DNS — DNS_RCODE_MISMATCH: expected rcode NOERROR but got SERVFAIL");
		assertThat(Mails.partOf(mail, "text/plain")).contains("dns:pepper-mail.example.com");
	}

	@Test
	void doesNotCountFailuresFarApartAsInARow() {
		TestEndpoint endpoint = TestEndpoint.create("Search", "eu-west");
		this.alerting.add(endpoint.alerting(policy(2, 1, 1, null)));

		fail(endpoint, "eu-west", 0);
		// More than pepper.failure.streak-max-gap (5 min) later: correct checks came
		// between.
		fail(endpoint, "eu-west", 10);

		assertThat(incidents(endpoint)).isEmpty();
		fail(endpoint, "eu-west", 11);
		assertThat(incidents(endpoint)).hasSize(1);
	}

	@Test
	void oneLocationFailingOpensNothingWhenTwoOfThreeMustAgree() {
		TestEndpoint endpoint = TestEndpoint.create("Login", "eu-west", "us-east", "ap-south");
		NotificationChannelSpec.Email oncall = emailChannel(endpoint);
		this.alerting.add(endpoint.alerting(policy(2, 2, 1, null, oncall.id())), oncall);

		for (int minute = 0; minute < 5; minute++) {
			fail(endpoint, "eu-west", minute);
		}
		fail(endpoint, "us-east", 4);

		assertThat(incidents(endpoint)).isEmpty();
		assertThat(notifications(endpoint.organizationId())).isZero();

		fail(endpoint, "us-east", 5);

		JsonNode incident = onlyIncident(endpoint);
		assertThat(incident.get("locations").toString()).isEqualTo("[\"eu-west\",\"us-east\"]");
		assertThat(incident.get("reason").asString()).contains("expected 200-299 but got 500");
		awaitMails(oncall.addresses().getFirst(), 1);
	}

	@Test
	void resolvesAfterTwoSuccessesFromEveryConfirmingLocation() throws Exception {
		TestEndpoint endpoint = TestEndpoint.create("Billing", "eu-west", "us-east");
		NotificationChannelSpec.Email oncall = emailChannel(endpoint);
		this.alerting.add(endpoint.alerting(policy(1, 2, 2, null, oncall.id())), oncall);
		String address = oncall.addresses().getFirst();
		fail(endpoint, "eu-west", 0);
		fail(endpoint, "us-east", 0);
		assertThat(this.engine.endpointsWatched()).contains(endpoint.id());

		succeed(endpoint, "eu-west", 1);
		succeed(endpoint, "eu-west", 2);
		succeed(endpoint, "us-east", 1);
		assertThat(onlyIncident(endpoint).get("state").asString()).isEqualTo("OPEN");

		succeed(endpoint, "us-east", 2);

		JsonNode incident = onlyIncident(endpoint);
		assertThat(incident.get("state").asString()).isEqualTo("RESOLVED");
		assertThat(incident.get("resolvedAt").isNull()).isFalse();
		List<MimeMessage> mails = awaitMails(address, 2);
		assertThat(subject(mails.get(1))).isEqualTo("[Pepper] RESOLVED: Billing");
		assertThat(Mails.partOf(mails.get(1), "text/plain")).contains("Billing is back UP after");
		assertThat(timeline(endpoint, incident.get("id").asString())).containsExactly("opened", "notified", "resolved",
				"notified");
		assertThat(this.engine.endpointsWatched()).doesNotContain(endpoint.id());
	}

	@Test
	void aFailureBetweenSuccessesStartsTheCountAgain() {
		TestEndpoint endpoint = TestEndpoint.create("Cart", "eu-west");
		this.alerting.add(endpoint.alerting(policy(1, 1, 2, null)));
		fail(endpoint, "eu-west", 0);

		succeed(endpoint, "eu-west", 1);
		fail(endpoint, "eu-west", 2);
		succeed(endpoint, "eu-west", 3);
		assertThat(onlyIncident(endpoint).get("state").asString()).isEqualTo("OPEN");

		succeed(endpoint, "eu-west", 4);
		assertThat(onlyIncident(endpoint).get("state").asString()).isEqualTo("RESOLVED");
	}

	@Test
	void duplicateFailureReportsOpenOneIncident() throws Exception {
		TestEndpoint endpoint = TestEndpoint.create("Payments", "eu-west");
		NotificationChannelSpec.Email oncall = emailChannel(endpoint);
		this.alerting.add(endpoint.alerting(policy(2, 1, 1, null, oncall.id())), oncall);
		FailureBatch batch = Failures.batch(endpoint.failure("eu-west", slot(0)), endpoint.failure("eu-west", slot(1)));

		post(batch);
		post(batch);
		post(Failures.batch(endpoint.failure("eu-west", slot(1))));

		assertThat(incidents(endpoint)).hasSize(1);
		awaitMails(oncall.addresses().getFirst(), 1);
	}

	@Test
	void concurrentReportsForOneEndpointOpenOneIncident() throws Exception {
		List<String> locations = List.of("l1", "l2", "l3", "l4", "l5", "l6", "l7", "l8");
		TestEndpoint endpoint = TestEndpoint.create("Gateway", locations.toArray(String[]::new));
		NotificationChannelSpec.Email oncall = emailChannel(endpoint);
		this.alerting.add(endpoint.alerting(policy(1, 1, 1, null, oncall.id())), oncall);

		try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
			List<Callable<Integer>> posts = new ArrayList<>();
			for (String location : locations) {
				FailureBatch batch = Failures.batch(endpoint.failure(location, slot(0)));
				posts.add(() -> this.api.postFailures(batch).statusCode());
				posts.add(() -> this.api.postFailures(batch).statusCode());
			}
			for (Future<Integer> status : threads.invokeAll(posts)) {
				assertThat(status.get()).isEqualTo(202);
			}
		}

		JsonNode incident = onlyIncident(endpoint);
		assertThat(incident.get("locations")).hasSize(locations.size());
		awaitMails(oncall.addresses().getFirst(), 1);
	}

	@Test
	void opensAndResolvesADegradedIncidentDistinctFromDown() throws Exception {
		TestEndpoint endpoint = TestEndpoint.create("Catalog", "eu-west");
		NotificationChannelSpec.Email oncall = emailChannel(endpoint);
		this.alerting.add(endpoint.alerting(policy(1, 1, 1, null, oncall.id())), oncall);
		String address = oncall.addresses().getFirst();
		TrendEvent degraded = trend(endpoint, TrendEvent.Kind.DEGRADED);

		assertThat(this.api.postAsService("/v1/trend-events", degraded).body()).contains("\"duplicate\":false");
		assertThat(this.api.postAsService("/v1/trend-events", degraded).body()).contains("\"duplicate\":true");
		fail(endpoint, "eu-west", 0);

		List<JsonNode> incidents = incidents(endpoint);
		assertThat(incidents).extracting((incident) -> incident.get("kind").asString())
			.containsExactlyInAnyOrder("DEGRADED", "DOWN");
		assertThat(awaitMails(address, 2)).extracting(IncidentTestBase::subject)
			.containsExactlyInAnyOrder("[Pepper] DEGRADED: Catalog — Apdex fell from 0.94 to 0.71 over the last hour",
					"[Pepper] DOWN: Catalog — UNEXPECTED_STATUS: expected 200-299 but got 500");

		this.api.postAsService("/v1/trend-events", trend(endpoint, TrendEvent.Kind.RECOVERED));

		assertThat(incidents(endpoint)).filteredOn((incident) -> incident.get("kind").asString().equals("DEGRADED"))
			.singleElement()
			.satisfies((incident) -> assertThat(incident.get("state").asString()).isEqualTo("RESOLVED"));
		assertThat(incidents(endpoint)).filteredOn((incident) -> incident.get("kind").asString().equals("DOWN"))
			.singleElement()
			.satisfies((incident) -> assertThat(incident.get("state").asString()).isEqualTo("OPEN"));
		assertThat(subject(awaitMails(address, 3).get(2))).isEqualTo("[Pepper] RECOVERED: Catalog");
	}

	@Test
	void showsTheEvidenceADegradedIncidentOpenedWithInTheApiAndTheMail() throws Exception {
		TestEndpoint endpoint = TestEndpoint.create("Search", "eu-west", "us-east", "ap-south");
		NotificationChannelSpec.Email oncall = emailChannel(endpoint);
		this.alerting.add(endpoint.alerting(policy(1, 1, 1, null, oncall.id())), oncall);
		Degradation evidence = new Degradation(0.96, 0.84, 412, 655, Instant.parse("2026-11-24T09:40:00Z"),
				List.of("eu-west", "us-east"), 3, "p95 412 ms → 655 ms since 09:40 UTC, 2 of 3 locations");
		TrendEvent degraded = new TrendEvent(UUID.randomUUID(), endpoint.id(), endpoint.organizationId(),
				TrendEvent.Kind.DEGRADED, Instant.now(), 0.84, 0.96, 300, "Apdex 0.96 → 0.84: " + evidence.summary(),
				evidence);

		this.api.postAsService("/v1/trend-events", degraded);

		JsonNode incident = onlyIncident(endpoint);
		assertThat(incident.get("locations")).extracting(JsonNode::asString).containsExactly("eu-west", "us-east");
		JsonNode shown = incident.get("degradation");
		assertThat(shown.get("apdexBefore").asDouble()).isEqualTo(0.96);
		assertThat(shown.get("apdexAfter").asDouble()).isEqualTo(0.84);
		assertThat(shown.get("p95BeforeMs").asLong()).isEqualTo(412);
		assertThat(shown.get("p95AfterMs").asLong()).isEqualTo(655);
		assertThat(shown.get("since").asString()).isEqualTo("2026-11-24T09:40:00Z");
		assertThat(shown.get("locationsChecked").asInt()).isEqualTo(3);
		MimeMessage mail = awaitMails(oncall.addresses().getFirst(), 1).getFirst();
		assertThat(subject(mail)).contains("p95 412 ms → 655 ms since 09:40 UTC, 2 of 3 locations");
	}

	@Test
	void keepsAFlappingEndpointInOneIncidentAndResolvesItOnceStable() throws Exception {
		TestEndpoint endpoint = TestEndpoint.create("Flaky", "eu-west");
		NotificationChannelSpec.Email oncall = emailChannel(endpoint);
		this.alerting.add(endpoint.alerting(policy(1, 1, 1, null, oncall.id())), oncall);
		String address = oncall.addresses().getFirst();

		fail(endpoint, "eu-west", 0);
		succeed(endpoint, "eu-west", 1);
		fail(endpoint, "eu-west", 2);
		succeed(endpoint, "eu-west", 3);
		fail(endpoint, "eu-west", 4);
		JsonNode flapping = onlyIncident(endpoint);
		assertThat(flapping.get("flapping").asBoolean()).isTrue();
		assertThat(flapping.get("state").asString()).isEqualTo("OPEN");

		succeed(endpoint, "eu-west", 5);
		fail(endpoint, "eu-west", 6);
		succeed(endpoint, "eu-west", 7);
		assertThat(onlyIncident(endpoint).get("state").asString()).isEqualTo("OPEN");
		this.clock.advance(Duration.ofMinutes(29));
		this.engine.sweep();
		assertThat(onlyIncident(endpoint).get("state").asString()).isEqualTo("OPEN");

		this.clock.advance(Duration.ofMinutes(2));
		this.engine.sweep();

		JsonNode incident = onlyIncident(endpoint);
		assertThat(incident.get("state").asString()).isEqualTo("RESOLVED");
		assertThat(incident.get("flapping").asBoolean()).isTrue();
		assertThat(awaitMails(address, 6)).extracting(IncidentTestBase::subject)
			.containsExactly("[Pepper] DOWN: Flaky — UNEXPECTED_STATUS: expected 200-299 but got 500",
					"[Pepper] RESOLVED: Flaky",
					"[Pepper] DOWN again: Flaky — UNEXPECTED_STATUS: expected 200-299 but got 500",
					"[Pepper] RESOLVED: Flaky",
					"[Pepper] FLAPPING: Flaky — UNEXPECTED_STATUS: expected 200-299 but got 500",
					"[Pepper] RESOLVED: Flaky");
		assertThat(timeline(endpoint, incident.get("id").asString())).contains("reopened", "flapping", "recovered",
				"failing", "resolved");
	}

	@Test
	void remindsAtThePolicysIntervalUntilAcknowledged() throws Exception {
		TestEndpoint endpoint = TestEndpoint.create("Reports", "eu-west");
		NotificationChannelSpec.Email oncall = emailChannel(endpoint);
		this.alerting.add(endpoint.alerting(policy(1, 1, 1, 10, oncall.id())), oncall);
		String address = oncall.addresses().getFirst();
		fail(endpoint, "eu-west", 0);
		awaitMails(address, 1);

		this.clock.advance(Duration.ofMinutes(9));
		this.engine.sweep();
		assertThat(pending(address)).isZero();
		this.clock.advance(Duration.ofMinutes(1));
		this.engine.sweep();
		this.engine.sweep();

		MimeMessage reminder = awaitMails(address, 2).get(1);
		assertThat(subject(reminder))
			.isEqualTo("[Pepper] Still DOWN: Reports — UNEXPECTED_STATUS: expected 200-299 but got 500");
		assertThat(Mails.partOf(reminder, "text/plain")).contains("Reports is still DOWN, for 10 min");

		String id = onlyIncident(endpoint).get("id").asString();
		String acknowledge = "/v1/incidents/" + id + "/acknowledge?organizationId=" + endpoint.organizationId();
		JsonNode acknowledged = this.api.json(this.api.postAsService(acknowledge, "{\"by\": \"ada@example.com\"}"));
		assertThat(acknowledged.get("acknowledgedBy").asString()).isEqualTo("ada@example.com");
		this.clock.advance(Duration.ofMinutes(30));
		this.engine.sweep();
		assertThat(pending(address)).isZero();
		assertThat(mailsTo(address)).hasSize(2);
		assertThat(this.api.postAsService(acknowledge, "{\"by\": \"bob@example.com\"}").statusCode()).isEqualTo(409);
		assertThat(timeline(endpoint, id)).containsExactly("opened", "notified", "reminder", "notified",
				"acknowledged");
	}

	@Test
	void holdsBackNotificationsDuringMaintenanceAndSaysSoInTheTimeline() {
		TestEndpoint endpoint = TestEndpoint.create("Warehouse", "eu-west");
		NotificationChannelSpec.Email oncall = emailChannel(endpoint);
		Instant now = this.clock.instant();
		MaintenanceWindowSpec window = new MaintenanceWindowSpec(UUID.randomUUID(), endpoint.organizationId(),
				"Database upgrade", new MaintenanceWindowSpec.OneOff(now.minusSeconds(60), now.plusSeconds(3600)));
		this.alerting.add(endpoint.alerting(policy(1, 1, 1, null, oncall.id()), window.id()), oncall, window);

		fail(endpoint, "eu-west", 0);
		succeed(endpoint, "eu-west", 1);

		JsonNode incident = onlyIncident(endpoint);
		assertThat(incident.get("state").asString()).isEqualTo("RESOLVED");
		assertThat(notifications(endpoint.organizationId())).isZero();
		assertThat(timeline(endpoint, incident.get("id").asString())).containsExactly("opened", "suppressed",
				"resolved", "suppressed");
		String detail = this.api
			.getAsService(
					"/v1/incidents/" + incident.get("id").asString() + "?organizationId=" + endpoint.organizationId())
			.body();
		assertThat(detail).contains("maintenance window 'Database upgrade' is active");
	}

	@Test
	void announcesAnOutageStillGoingWhenItsMaintenanceWindowEndsOnce() {
		TestEndpoint endpoint = TestEndpoint.create("Archive", "eu-west");
		NotificationChannelSpec.Email oncall = emailChannel(endpoint);
		String address = oncall.addresses().getFirst();
		MaintenanceWindowSpec window = windowFor(endpoint, Duration.ofMinutes(10));
		this.alerting.add(endpoint.alerting(policy(1, 1, 1, null, oncall.id()), window.id()), oncall, window);
		fail(endpoint, "eu-west", 0);
		this.engine.sweep();
		assertThat(notifications(endpoint.organizationId())).as("still inside the window").isZero();

		this.clock.advance(Duration.ofMinutes(11));
		this.engine.sweep();
		this.engine.sweep();

		assertThat(awaitMails(address, 1)).extracting(IncidentTestBase::subject)
			.containsExactly("[Pepper] DOWN: Archive — UNEXPECTED_STATUS: expected 200-299 but got 500");
		succeed(endpoint, "eu-west", 12);
		assertThat(awaitMails(address, 2).get(1))
			.satisfies((mail) -> assertThat(subject(mail)).isEqualTo("[Pepper] RESOLVED: Archive"));
		assertThat(timeline(endpoint, onlyIncident(endpoint).get("id").asString())).containsExactly("opened",
				"suppressed", "announced", "notified", "resolved", "notified");
	}

	@Test
	void tellsNobodyAnOutageEndedWhenItsDownWasNeverTold() {
		TestEndpoint endpoint = TestEndpoint.create("Backoffice", "eu-west");
		NotificationChannelSpec.Email oncall = emailChannel(endpoint);
		MaintenanceWindowSpec window = windowFor(endpoint, Duration.ofMinutes(10));
		this.alerting.add(endpoint.alerting(policy(1, 1, 1, null, oncall.id()), window.id()), oncall, window);
		fail(endpoint, "eu-west", 0);

		// The window ends and the endpoint recovers before any sweep announced it.
		this.clock.advance(Duration.ofMinutes(11));
		succeed(endpoint, "eu-west", 11);
		this.engine.sweep();

		JsonNode incident = onlyIncident(endpoint);
		assertThat(incident.get("state").asString()).isEqualTo("RESOLVED");
		assertThat(notifications(endpoint.organizationId())).isZero();
		assertThat(timeline(endpoint, incident.get("id").asString())).containsExactly("opened", "suppressed",
				"resolved", "suppressed");
		assertThat(this.api
			.getAsService(
					"/v1/incidents/" + incident.get("id").asString() + "?organizationId=" + endpoint.organizationId())
			.body()).contains("its down notification was held back by a maintenance window");
	}

	private MaintenanceWindowSpec windowFor(TestEndpoint endpoint, Duration remaining) {
		Instant now = this.clock.instant();
		return new MaintenanceWindowSpec(UUID.randomUUID(), endpoint.organizationId(), "Storage migration",
				new MaintenanceWindowSpec.OneOff(now.minusSeconds(60), now.plus(remaining)));
	}

	@Test
	void emailsTheOrganizationsOwnersAndAdminsWhenThePolicyNamesNoChannel() {
		TestEndpoint endpoint = TestEndpoint.create("Unconfigured", "eu-west");
		String owner = "owner-" + UUID.randomUUID() + "@example.com";
		String admin = "admin-" + UUID.randomUUID() + "@example.com";
		this.alerting.contacts(endpoint.organizationId(), admin, owner).add(endpoint.alerting(policy(2, 1, 1, null)));

		post(Failures.batch(endpoint.failure("eu-west", slot(0)), endpoint.failure("eu-west", slot(1))));

		assertThat(incidents(endpoint)).hasSize(1);
		assertThat(this.jdbc.sql("SELECT recipient FROM notifications WHERE organization_id = ?")
			.param(endpoint.organizationId())
			.query(String.class)
			.list()).containsExactlyInAnyOrder(admin, owner);
		assertThat(awaitMails(owner, 1)).singleElement()
			.satisfies((mail) -> assertThat(subject(mail)).startsWith("[Pepper] DOWN: Unconfigured"));
	}

	@Test
	void tellsEachOrganizationWithoutChannelsOnlyItsOwnMembers() {
		TestEndpoint first = TestEndpoint.create("Tenant one shop", "eu-west");
		TestEndpoint second = TestEndpoint.create("Tenant two shop", "eu-west");
		String firstOwner = "first-" + UUID.randomUUID() + "@example.com";
		String secondOwner = "second-" + UUID.randomUUID() + "@example.com";
		this.alerting.contacts(first.organizationId(), firstOwner)
			.contacts(second.organizationId(), secondOwner)
			.add(first.alerting(policy(1, 1, 1, null)))
			.add(second.alerting(policy(1, 1, 1, null)));

		post(Failures.batch(first.failure("eu-west", slot(0)), second.failure("eu-west", slot(0))));

		assertThat(awaitMails(firstOwner, 1)).extracting(IncidentTestBase::subject)
			.singleElement()
			.satisfies((subject) -> assertThat(subject).startsWith("[Pepper] DOWN: Tenant one shop"));
		assertThat(awaitMails(secondOwner, 1)).extracting(IncidentTestBase::subject)
			.singleElement()
			.satisfies((subject) -> assertThat(subject).startsWith("[Pepper] DOWN: Tenant two shop"));
		assertThat(
				this.jdbc.sql("SELECT DISTINCT organization_id, recipient FROM notifications WHERE recipient IN (?, ?)")
					.params(firstOwner, secondOwner)
					.query((row, n) -> row.getString(1) + " " + row.getString(2))
					.list())
			.containsExactlyInAnyOrder(first.organizationId() + " " + firstOwner,
					second.organizationId() + " " + secondOwner);
	}

	@Test
	void holdsTheDecisionOnAnEndpointTheSnapshotDoesNotListYet() {
		TestEndpoint listed = TestEndpoint.create("Listed", "eu-west");
		TestEndpoint fresh = TestEndpoint.in(listed.organizationId(), "Not listed yet", "eu-west", "us-east",
				"ap-south");
		String owner = "owner-" + UUID.randomUUID() + "@example.com";
		this.alerting.contacts(listed.organizationId(), owner).add(listed.alerting(policy(1, 1, 1, null)));

		for (int minute = 0; minute < 4; minute++) {
			fail(fresh, "eu-west", minute);
		}
		assertThat(incidents(fresh)).as("one location's word opens nothing while n is unknown").isEmpty();
		assertThat(notifications(fresh.organizationId())).isZero();

		// The next poll lists it: two of its three locations must agree.
		this.alerting.add(fresh.alerting(policy(2, 2, 1, null)));
		fail(fresh, "eu-west", 4);
		assertThat(incidents(fresh)).isEmpty();
		fail(fresh, "us-east", 4);
		fail(fresh, "us-east", 5);

		JsonNode incident = onlyIncident(fresh);
		assertThat(incident.get("locations").toString()).isEqualTo("[\"eu-west\",\"us-east\"]");
		String detail = this.api
			.getAsService(
					"/v1/incidents/" + incident.get("id").asString() + "?organizationId=" + fresh.organizationId())
			.body();
		assertThat(detail).contains("2 of 3 locations, 2 needed");
		awaitMails(owner, 1);
	}

	private static TrendEvent trend(TestEndpoint endpoint, TrendEvent.Kind kind) {
		return new TrendEvent(UUID.randomUUID(), endpoint.id(), endpoint.organizationId(), kind, Instant.now(),
				(kind == TrendEvent.Kind.DEGRADED) ? 0.71 : 0.93, 0.94, 300, (kind == TrendEvent.Kind.DEGRADED)
						? "Apdex fell from 0.94 to 0.71 over the last hour" : "Apdex is back to 0.93");
	}

}
