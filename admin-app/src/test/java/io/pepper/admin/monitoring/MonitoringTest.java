package io.pepper.admin.monitoring;

import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import io.pepper.admin.AdminProperties;
import io.pepper.contracts.v1.EndpointSummary;
import io.pepper.contracts.v1.IncidentView;
import io.pepper.contracts.v1.MaintenanceWindowSpec;
import io.pepper.contracts.v1.OutcomeKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/** The dashboards' rules: status, how figures are written, chart ranges, maintenance. */
class MonitoringTest {

	private static final UUID ID = UUID.randomUUID();

	private static final Instant NOW = Instant.parse("2026-12-01T12:34:56Z");

	@Test
	void statusFollowsIncidentsAndTheLatestCheckOfEachLocation() {
		EndpointSummary allUp = summary(OutcomeKind.UP, OutcomeKind.UP);
		EndpointSummary oneFails = summary(OutcomeKind.UP, OutcomeKind.TIMEOUT);
		EndpointSummary allFail = summary(OutcomeKind.CONNECTION_REFUSED, OutcomeKind.TIMEOUT);
		EndpointSummary never = new EndpointSummary(ID, null, null, null, null, null, null, null, null);

		assertThat(LiveStatus.of(true, allUp, null)).isEqualTo(LiveStatus.UP);
		assertThat(LiveStatus.of(true, oneFails, null)).isEqualTo(LiveStatus.DEGRADED);
		assertThat(LiveStatus.failingLocations(oneFails)).containsExactly("us-east");
		assertThat(LiveStatus.of(true, allFail, null)).isEqualTo(LiveStatus.DOWN);
		assertThat(LiveStatus.of(true, allUp, IncidentView.Kind.DOWN)).isEqualTo(LiveStatus.DOWN);
		assertThat(LiveStatus.of(true, allUp, IncidentView.Kind.DEGRADED)).isEqualTo(LiveStatus.DEGRADED);
		assertThat(LiveStatus.of(false, allFail, IncidentView.Kind.DOWN)).isEqualTo(LiveStatus.PAUSED);
		assertThat(LiveStatus.of(true, never, null)).isEqualTo(LiveStatus.NO_DATA);
		assertThat(LiveStatus.of(true, null, null)).isEqualTo(LiveStatus.NO_DATA);
		assertThat(LiveStatus.NO_DATA.label()).isEqualTo("NO DATA");
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', textBlock = """
			0.9412 | 500  | 0.94 [0.5 s]
			1.0    | 1200 | 1.00 [1.2 s]
			0.5    | 250  | 0.50 [0.25 s]
			0.0    | 3000 | 0.00 [3 s]
			""")
	void apdexIsWrittenWithItsThresholdInSeconds(double score, int thresholdMs, String written) {
		assertThat(Figures.apdex(score, thresholdMs)).isEqualTo(written);
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', textBlock = """
			1.0      | 100 %
			0.99995  | 99.99 %
			0.995    | 99.5 %
			0.5      | 50 %
			0.0      | 0 %
			""")
	void uptimeNeverRoundsUpToAHundred(double ratio, String written) {
		assertThat(Figures.percent(ratio)).isEqualTo(written);
	}

	@Test
	void figuresWithoutDataAreADash() {
		assertThat(Figures.percent(null)).isEqualTo("–");
		assertThat(Figures.apdex(null, 500)).isEqualTo("–");
		assertThat(Figures.millis(null)).isEqualTo("–");
		assertThat(Figures.millis(1234.0)).isEqualTo("1.23 s");
		assertThat(Figures.millis(87.4)).isEqualTo("87 ms");
		assertThat(Figures.millis(2.25)).isEqualTo("2.3 ms");
		assertThat(Figures.age(NOW.minusSeconds(42), NOW)).isEqualTo("42 s ago");
		assertThat(Figures.age(NOW.minus(Duration.ofMinutes(5)), NOW)).isEqualTo("5 min ago");
		assertThat(Figures.age(null, NOW)).isEqualTo("never checked");
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', textBlock = """
			1h  | 60    | 2026-12-01T11:35:00Z | 2026-12-01T12:35:00Z
			24h | 3600  | 2026-11-30T13:00:00Z | 2026-12-01T13:00:00Z
			7d  | 3600  | 2026-11-24T13:00:00Z | 2026-12-01T13:00:00Z
			30d | 86400 | 2026-11-02T00:00:00Z | 2026-12-02T00:00:00Z
			90d | 86400 | 2026-09-03T00:00:00Z | 2026-12-02T00:00:00Z
			""")
	void presetRangesEndOnWholeStepsOfReceiverServicesChoice(String name, long step, String from, String to) {
		ChartRange range = ChartRange.of(name, null, null, NOW);
		assertThat(range.step()).isEqualTo(Duration.ofSeconds(step));
		assertThat(range.from()).isEqualTo(Instant.parse(from));
		assertThat(range.to()).isEqualTo(Instant.parse(to));
	}

	@Test
	void customRangesAreWidenedToWholeStepsAndBadOnesRefused() {
		ChartRange custom = ChartRange.of("custom", Instant.parse("2026-11-01T10:17:00Z"),
				Instant.parse("2026-11-03T09:05:00Z"), NOW);
		assertThat(custom.step()).isEqualTo(Duration.ofHours(1));
		assertThat(custom.from()).isEqualTo(Instant.parse("2026-11-01T10:00:00Z"));
		assertThat(custom.to()).isEqualTo(Instant.parse("2026-11-03T10:00:00Z"));
		assertThatIllegalArgumentException().isThrownBy(() -> ChartRange.of("forever", null, null, NOW))
			.withMessageContaining("range must be one of 1h, 24h, 7d, 30d, 90d or custom");
		assertThatIllegalArgumentException().isThrownBy(() -> ChartRange.of("custom", NOW, NOW, NOW))
			.withMessage("from must be before to");
		assertThatIllegalArgumentException().isThrownBy(() -> ChartRange.of("custom", null, NOW, NOW))
			.withMessage("a custom range needs from and to");
	}

	@Test
	void weeklyMaintenanceIsCutToTheChartsRange() {
		MaintenanceWindowSpec.Weekly sundays = new MaintenanceWindowSpec.Weekly(Set.of(java.time.DayOfWeek.SUNDAY),
				LocalTime.of(23, 0), 120, ZoneOffset.UTC);
		// 2026-11-29 is a Sunday: 23:00 to 01:00 on the Monday.
		List<MaintenanceSpans.Span> spans = MaintenanceSpans.between(sundays, Instant.parse("2026-11-30T00:00:00Z"),
				Instant.parse("2026-12-07T00:00:00Z"));
		assertThat(spans).containsExactly(
				new MaintenanceSpans.Span(Instant.parse("2026-11-30T00:00:00Z"), Instant.parse("2026-11-30T01:00:00Z")),
				new MaintenanceSpans.Span(Instant.parse("2026-12-06T23:00:00Z"),
						Instant.parse("2026-12-07T00:00:00Z")));
		MaintenanceWindowSpec.OneOff once = new MaintenanceWindowSpec.OneOff(Instant.parse("2026-10-01T00:00:00Z"),
				Instant.parse("2026-10-01T02:00:00Z"));
		assertThat(MaintenanceSpans.between(once, NOW.minus(Duration.ofDays(1)), NOW)).isEmpty();
	}

	@Test
	void aServiceThatDoesNotAnswerMakesHistoryUnavailableNotAnError() throws Exception {
		int closed;
		try (ServerSocket socket = new ServerSocket(0)) {
			closed = socket.getLocalPort();
		}
		URI nowhere = URI.create("http://127.0.0.1:" + closed);
		AdminProperties properties = new AdminProperties(
				new AdminProperties.Bootstrap(null, null, null, null, null, List.of()), null, List.of(),
				new AdminProperties.Secrets(null, "k1", Map.of()), new AdminProperties.Channels(List.of()),
				new AdminProperties.Monitoring(nowhere, "t", nowhere, "t", Duration.ofSeconds(1),
						Duration.ofSeconds(1)),
				List.of());
		MonitoringClient client = new MonitoringClient(properties);
		assertThatExceptionOfType(MonitoringUnavailableException.class).isThrownBy(() -> client.summaries(List.of(ID)))
			.withMessage("receiver-service did not answer");

		LiveBoard.Board board = new LiveBoard(client).of(UUID.randomUUID(), Map.of(ID, true));
		assertThat(board.historyNotice()).startsWith("History unavailable: receiver-service did not answer");
		assertThat(board.incidentNotice()).startsWith("Incidents unavailable: failure-service did not answer");
		assertThat(board.get(ID).status()).isEqualTo(LiveStatus.NO_DATA);
	}

	@Test
	void aUrlWithoutItsTokenIsRefusedAtStart() {
		URI url = URI.create("http://127.0.0.1:8081");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new AdminProperties.Monitoring(url, null, null, null, Duration.ofSeconds(1),
					Duration.ofSeconds(1)))
			.withMessage("pepper.admin.monitoring.receiver-url needs pepper.admin.monitoring.receiver-token");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new AdminProperties.Monitoring(URI.create("ftp://x"), "t", null, null,
					Duration.ofSeconds(1), Duration.ofSeconds(1)))
			.withMessageContaining("pepper.admin.monitoring.receiver-url must be an absolute http or https URL");
	}

	private static EndpointSummary summary(OutcomeKind euWest, OutcomeKind usEast) {
		Instant at = NOW.minusSeconds(30);
		return new EndpointSummary(ID, 1.0, 1.0, 1.0, 0.9, 500, usEast, 200, at, 120.0, 110.0, 100.0, List.of(),
				List.of(new EndpointSummary.LocationStatus("eu-west", euWest, 200, "OK", at),
						new EndpointSummary.LocationStatus("us-east", usEast, null, "failed", at)),
				null);
	}

}
