package io.pepper.contracts.v1;

import java.net.URI;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * The types of the services' APIs to each other survive JSON and refuse what makes no
 * sense.
 */
class ServiceApiRoundTripTest {

	private final JsonMapper json = WireJson.mapper();

	private static final UUID ORG = Samples.ORGANIZATION;

	@Test
	void alertingSnapshotWithEveryChannelAndScheduleSurvivesRoundTrip() {
		UUID email = UUID.randomUUID();
		UUID window = UUID.randomUUID();
		AlertingSnapshot snapshot = new AlertingSnapshot(Instant.parse("2026-11-24T10:00:00Z"),
				List.of(new EndpointAlerting(Samples.ENDPOINT, ORG, "Checkout API",
						URI.create("https://shop.example.com"), List.of("eu-west", "us-east"), List.of("shop"), 300,
						new AlertPolicy(3, 2, 2, 0.8, TrendSensitivity.HIGH, 30, List.of(email)), List.of(window))),
				List.of(new NotificationChannelSpec.Email(email, ORG, "On call", List.of("oncall@example.com")),
						new NotificationChannelSpec.Slack(UUID.randomUUID(), ORG, "Slack",
								URI.create("https://hooks.slack.com/services/T/B/X")),
						new NotificationChannelSpec.Webhook(UUID.randomUUID(), ORG, "Hook",
								URI.create("https://hooks.example.com/pepper"), "s3cret"),
						new NotificationChannelSpec.PagerDuty(UUID.randomUUID(), ORG, "Pager",
								URI.create("https://events.pagerduty.com"), "0123456789abcdef0123456789abcdef"),
						new NotificationChannelSpec.Opsgenie(UUID.randomUUID(), ORG, "Genie",
								URI.create("https://api.eu.opsgenie.com"), "5a3c1c52-1111-2222-3333-444455556666"),
						new NotificationChannelSpec.Teams(UUID.randomUUID(), ORG, "Room",
								URI.create("https://prod-01.westeurope.logic.azure.com/workflows/abc")),
						new NotificationChannelSpec.Discord(UUID.randomUUID(), ORG, "Discord",
								URI.create("https://discord.com/api/webhooks/1/x")),
						new NotificationChannelSpec.Telegram(UUID.randomUUID(), ORG, "Chat",
								URI.create("https://api.telegram.org"), "123:abc", "-1001234567890"),
						new NotificationChannelSpec.Ntfy(UUID.randomUUID(), ORG, "Phones",
								URI.create("https://ntfy.sh/alerts"), null)),
				List.of(new MaintenanceWindowSpec(window, ORG, "Deploys",
						new MaintenanceWindowSpec.Weekly(Set.of(DayOfWeek.TUESDAY), LocalTime.of(22, 0), 180,
								ZoneId.of("Europe/Paris"))),
						new MaintenanceWindowSpec(UUID.randomUUID(), ORG, "Migration",
								new MaintenanceWindowSpec.OneOff(Instant.parse("2026-12-01T00:00:00Z"),
										Instant.parse("2026-12-01T04:00:00Z")))),
				List.of(new OrganizationContacts(ORG, List.of("admin@example.com", "owner@example.com"))));
		String text = this.json.writeValueAsString(snapshot);
		assertThat(this.json.readValue(text, AlertingSnapshot.class)).isEqualTo(snapshot);
		assertThat(text).contains("\"type\":\"webhook\"").contains("\"type\":\"weekly\"");
	}

	@Test
	void incidentDetailSurvivesRoundTrip() {
		IncidentView incident = new IncidentView(UUID.randomUUID(), Samples.ENDPOINT, ORG, "Checkout API",
				IncidentView.Kind.DOWN, IncidentView.State.OPEN, false, Instant.parse("2026-11-24T10:03:00Z"), null,
				null, null, List.of("eu-west", "us-east"), "expected 200-299 but got 500");
		IncidentDetail detail = new IncidentDetail(incident,
				List.of(new IncidentDetail.Entry(Instant.parse("2026-11-24T10:03:00Z"), "opened",
						"confirmed by eu-west and us-east")));
		assertThat(this.json.readValue(this.json.writeValueAsString(detail), IncidentDetail.class)).isEqualTo(detail);
	}

	@Test
	void historyAndTrendTypesSurviveRoundTrip() {
		HistorySeries series = new HistorySeries(Samples.ENDPOINT, null, Instant.parse("2026-11-24T00:00:00Z"),
				Instant.parse("2026-11-25T00:00:00Z"), 3600, 300,
				List.of(new HistoryPoint(Instant.parse("2026-11-24T00:00:00Z"), 180, 179, 170, 8, 2, 0.9667, 0.9944,
						120.5, 101.0, 290.0, 900.0, 1.2, 3.4, 12.0, 100.0)));
		assertThat(this.json.readValue(this.json.writeValueAsString(series), HistorySeries.class)).isEqualTo(series);
		TrendEvent event = new TrendEvent(UUID.randomUUID(), Samples.ENDPOINT, ORG, TrendEvent.Kind.DEGRADED,
				Instant.parse("2026-11-24T10:00:00Z"), 0.85, 0.95, 300, "Apdex fell from 0.95 to 0.85");
		assertThat(this.json.readValue(this.json.writeValueAsString(event), TrendEvent.class)).isEqualTo(event);
	}

	@Test
	void degradationEvidenceSurvivesRoundTripInTrendEventsAndIncidents() {
		Degradation evidence = new Degradation(0.96, 0.84, 412, 655, Instant.parse("2026-11-24T09:40:00Z"),
				List.of("eu-west", "us-east"), 3, "p95 412 ms → 655 ms since 09:40 UTC, 2 of 3 locations");
		TrendEvent event = new TrendEvent(UUID.randomUUID(), Samples.ENDPOINT, ORG, TrendEvent.Kind.DEGRADED,
				Instant.parse("2026-11-24T10:10:00Z"), 0.84, 0.96, 300, "Apdex fell", evidence);
		String text = this.json.writeValueAsString(event);
		assertThat(this.json.readValue(text, TrendEvent.class)).isEqualTo(event);
		assertThat(text).contains("\"p95BeforeMs\":412").contains("\"since\":\"2026-11-24T09:40:00Z\"");
		IncidentView incident = new IncidentView(UUID.randomUUID(), Samples.ENDPOINT, ORG, "Checkout API",
				IncidentView.Kind.DEGRADED, IncidentView.State.OPEN, false, Instant.parse("2026-11-24T10:10:00Z"), null,
				null, null, List.of("eu-west", "us-east"), "Apdex fell", evidence);
		assertThat(this.json.readValue(this.json.writeValueAsString(incident), IncidentView.class)).isEqualTo(incident);
	}

	@Test
	void degradationRefusesAnApdexOutsideZeroToOne() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new Degradation(1.2, 0.8, 1, 2, Instant.EPOCH, List.of(), 1, "x"))
			.withMessageContaining("apdexBefore");
	}

	@Test
	void historyPointRefusesCountsThatDoNotAddUp() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new HistoryPoint(Instant.EPOCH, 10, 10, 5, 5, 1, null, null, null, null, null, null, null,
					null, null, null))
			.withMessageContaining("add up");
	}

	@Test
	void alertingSnapshotOfAnOlderSenderHasNoOrganizationContacts() {
		String text = "{\"generatedAt\":\"2026-11-24T10:00:00Z\",\"endpoints\":[],\"channels\":[],"
				+ "\"maintenanceWindows\":[]}";
		assertThat(this.json.readValue(text, AlertingSnapshot.class).organizations()).isEmpty();
	}

	@Test
	void organizationContactsRefuseAMissingAddress() {
		String text = "{\"organizationId\":\"" + ORG + "\",\"emails\":[\"owner@example.com\",null]}";
		assertThatExceptionOfType(JacksonException.class)
			.isThrownBy(() -> this.json.readValue(text, OrganizationContacts.class))
			.withMessageContaining("emails[1] is required");
	}

	@Test
	void unknownChannelTypeIsRejected() {
		String text = "{\"type\":\"pager\",\"id\":\"" + UUID.randomUUID() + "\",\"organizationId\":\"" + ORG
				+ "\",\"name\":\"x\"}";
		assertThatExceptionOfType(JacksonException.class)
			.isThrownBy(() -> this.json.readValue(text, NotificationChannelSpec.class))
			.withMessageContaining("pager");
	}

	@Test
	void quorumIsCappedByTheLocationsAnEndpointHas() {
		AlertPolicy policy = new AlertPolicy(2, 3, 2, null, TrendSensitivity.OFF, null, List.of());
		assertThat(policy.quorum(5)).isEqualTo(3);
		assertThat(policy.quorum(2)).isEqualTo(2);
		assertThat(policy.quorum(0)).isEqualTo(1);
	}

	@Test
	void oneOffWindowIsActiveFromStartUntilEnd() {
		var window = new MaintenanceWindowSpec.OneOff(Instant.parse("2026-12-01T00:00:00Z"),
				Instant.parse("2026-12-01T04:00:00Z"));
		assertThat(window.activeAt(Instant.parse("2026-11-30T23:59:59Z"))).isFalse();
		assertThat(window.activeAt(Instant.parse("2026-12-01T00:00:00Z"))).isTrue();
		assertThat(window.activeAt(Instant.parse("2026-12-01T03:59:59Z"))).isTrue();
		assertThat(window.activeAt(Instant.parse("2026-12-01T04:00:00Z"))).isFalse();
	}

	@Test
	void weeklyWindowRunsPastMidnightInItsOwnZone() {
		// Tuesdays 22:00 for 3 hours, Paris time (UTC+1 in winter): 21:00Z Tuesday to
		// 00:00Z Wednesday.
		var window = new MaintenanceWindowSpec.Weekly(Set.of(DayOfWeek.TUESDAY), LocalTime.of(22, 0), 180,
				ZoneId.of("Europe/Paris"));
		assertThat(window.activeAt(Instant.parse("2026-11-24T20:59:00Z"))).isFalse();
		assertThat(window.activeAt(Instant.parse("2026-11-24T21:00:00Z"))).isTrue();
		assertThat(window.activeAt(Instant.parse("2026-11-24T23:59:00Z"))).isTrue();
		assertThat(window.activeAt(Instant.parse("2026-11-25T00:00:00Z"))).isFalse();
		assertThat(window.activeAt(Instant.parse("2026-11-25T21:30:00Z"))).as("Wednesday").isFalse();
		assertThat(window.activeAt(Instant.parse("2026-12-01T21:30:00Z"))).as("next Tuesday").isTrue();
	}

	@Test
	void weeklyWindowFollowsSummerTime() {
		// Tuesdays 02:00 Paris for an hour: 01:00Z in winter, 00:00Z in summer.
		var window = new MaintenanceWindowSpec.Weekly(Set.of(DayOfWeek.TUESDAY), LocalTime.of(2, 0), 60,
				ZoneId.of("Europe/Paris"));
		assertThat(window.activeAt(Instant.parse("2026-11-24T01:30:00Z"))).isTrue();
		assertThat(window.activeAt(Instant.parse("2026-07-07T00:30:00Z"))).isTrue();
		assertThat(window.activeAt(Instant.parse("2026-07-07T01:30:00Z"))).isFalse();
	}

}
