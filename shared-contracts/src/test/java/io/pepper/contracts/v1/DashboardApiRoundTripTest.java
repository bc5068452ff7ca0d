package io.pepper.contracts.v1;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * The history types behind the dashboards survive JSON and refuse what makes no sense.
 */
class DashboardApiRoundTripTest {

	private final JsonMapper json = WireJson.mapper();

	private static final Instant DAY = Instant.parse("2026-11-24T00:00:00Z");

	private static HistoryPoint point(Instant time) {
		return new HistoryPoint(time, 60, 59, 55, 4, 1, 0.95, 0.9833, 120.5, 101.0, 290.0, 900.0, 1.2, 3.4, 12.0,
				100.0);
	}

	@Test
	void recentChecksSurviveRoundTrip() {
		RecentChecks page = new RecentChecks(Samples.ENDPOINT, null, List.of(Samples.failed(), Samples.up()),
				Instant.parse("2026-11-24T09:00:00Z"));
		RecentChecks back = this.json.readValue(this.json.writeValueAsString(page), RecentChecks.class);
		assertThat(back).isEqualTo(page);
		assertThat(back.checks().get(0).outcome().reason()).isEqualTo(Samples.failed().outcome().reason());
	}

	@Test
	void recentChecksRefuseAnotherEndpointsCheck() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new RecentChecks(UUID.randomUUID(), null, List.of(Samples.up()), null))
			.withMessage("checks[0] is of another endpoint");
	}

	@Test
	void recentChecksRefuseOldestFirst() {
		CheckResult older = Samples.up();
		CheckResult newer = new CheckResult(older.endpointId(), older.organizationId(), older.location(),
				older.scheduledAt().plusSeconds(60), older.startedAt().plusSeconds(60), older.timings(), older.status(),
				older.bytes(), older.tlsCertExpiresAt(), older.outcome(), older.apdexThresholdMs(), older.apdex());
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new RecentChecks(older.endpointId(), null, List.of(older, newer), null))
			.withMessage("checks must be newest first but checks[1] is newer");
	}

	@Test
	void locationHistorySurvivesRoundTrip() {
		LocationHistory history = new LocationHistory(Samples.ENDPOINT, DAY, DAY.plusSeconds(86400), 3600,
				HistoryResolution.HOURLY, 300, List.of(point(DAY)),
				List.of(new LocationHistory.Series("eu-west", 300, List.of(point(DAY))),
						new LocationHistory.Series("us-east", 300, List.of())));
		String text = this.json.writeValueAsString(history);
		assertThat(this.json.readValue(text, LocationHistory.class)).isEqualTo(history);
		assertThat(text).contains("\"resolution\":\"HOURLY\"");
	}

	@Test
	void locationHistoryRefusesABlankLocation() {
		String text = "{\"endpointId\":\"" + Samples.ENDPOINT + "\",\"from\":\"2026-11-24T00:00:00Z\","
				+ "\"to\":\"2026-11-25T00:00:00Z\",\"stepSeconds\":3600,\"resolution\":\"HOURLY\",\"all\":[],"
				+ "\"locations\":[{\"location\":\" \",\"points\":[]}]}";
		assertThatExceptionOfType(JacksonException.class)
			.isThrownBy(() -> this.json.readValue(text, LocationHistory.class))
			.withMessageContaining("location is required and must not be blank");
	}

	@Test
	void locationHistoryRefusesAMissingResolution() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new LocationHistory(Samples.ENDPOINT, DAY, DAY.plusSeconds(60), 60, null, null, List.of(),
					List.of()))
			.withMessage("resolution is required");
	}

	@Test
	void autoStepGrowsWithTheRange() {
		assertThat(LocationHistory.autoStepSeconds(3600)).isEqualTo(60);
		assertThat(LocationHistory.autoStepSeconds(3 * 3600)).isEqualTo(60);
		assertThat(LocationHistory.autoStepSeconds(86400)).isEqualTo(3600);
		assertThat(LocationHistory.autoStepSeconds(7 * 86400)).isEqualTo(3600);
		assertThat(LocationHistory.autoStepSeconds(30 * 86400)).isEqualTo(86400);
		assertThat(LocationHistory.autoStepSeconds(90 * 86400)).isEqualTo(86400);
	}

	@Test
	void historySeriesCarriesItsResolutionAndReadsAnOlderSender() {
		HistorySeries series = new HistorySeries(Samples.ENDPOINT, "eu-west", DAY, DAY.plusSeconds(86400), 86400, 300,
				List.of(point(DAY)), HistoryResolution.DAILY);
		assertThat(this.json.readValue(this.json.writeValueAsString(series), HistorySeries.class)).isEqualTo(series);
		String older = "{\"endpointId\":\"" + Samples.ENDPOINT + "\",\"from\":\"2026-11-24T00:00:00Z\","
				+ "\"to\":\"2026-11-25T00:00:00Z\",\"stepSeconds\":3600,\"points\":[]}";
		assertThat(this.json.readValue(older, HistorySeries.class).resolution()).isNull();
	}

	@Test
	void summaryWithHoursLocationsAndCertificateSurvivesRoundTrip() {
		EndpointSummary summary = new EndpointSummary(Samples.ENDPOINT, 0.99, 0.995, 0.999, 0.94, 500, OutcomeKind.UP,
				200, DAY, 180.0, 170.0, 150.0,
				List.of(EndpointSummary.Hour.of(DAY, 180, 178), EndpointSummary.Hour.of(DAY.plusSeconds(3600), 0, 0)),
				List.of(new EndpointSummary.LocationStatus("eu-west", OutcomeKind.UP, 200, "OK", DAY),
						new EndpointSummary.LocationStatus("us-east", OutcomeKind.TIMEOUT, null, "no answer in 5s",
								DAY)),
				Instant.parse("2027-02-01T00:00:00Z"));
		EndpointSummary back = this.json.readValue(this.json.writeValueAsString(summary), EndpointSummary.class);
		assertThat(back).isEqualTo(summary);
		assertThat(back.hours().get(1).uptime()).isNull();
	}

	@Test
	void summaryOfAnOlderSenderHasNoHoursNorLocations() {
		String older = "{\"endpointId\":\"" + Samples.ENDPOINT + "\",\"uptime24h\":1.0}";
		EndpointSummary summary = this.json.readValue(older, EndpointSummary.class);
		assertThat(summary.hours()).isEmpty();
		assertThat(summary.locations()).isEmpty();
		assertThat(summary.p95Ms24h()).isNull();
	}

	@Test
	void hourRefusesMoreUpThanChecks() {
		assertThatIllegalArgumentException().isThrownBy(() -> EndpointSummary.Hour.of(DAY, 2, 3))
			.withMessage("up must be between 0 and checks (2) but was 3");
	}

	@Test
	void locationStatusRefusesAMissingOutcome() {
		String text = "{\"location\":\"eu-west\",\"reason\":\"OK\",\"checkedAt\":\"2026-11-24T00:00:00Z\"}";
		assertThatExceptionOfType(JacksonException.class)
			.isThrownBy(() -> this.json.readValue(text, EndpointSummary.LocationStatus.class))
			.withMessageContaining("outcome is required");
	}

}
