package io.pepper.admin.monitoring;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import io.pepper.contracts.v1.CheckResult;
import io.pepper.contracts.v1.HistoryPoint;
import io.pepper.contracts.v1.HistorySeries;
import io.pepper.contracts.v1.IncidentView;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Component;

/**
 * What the endpoint page shows beside its charts: live status, the 90-day uptime bar, the
 * last checks and the endpoint's incidents. Each part asks one service and fails alone.
 */
@Component
public class EndpointPanels {

	static final int DAYS = 90;

	static final int RECENT = 50;

	private final LiveBoard board;

	private final MonitoringClient client;

	private final Clock clock;

	EndpointPanels(LiveBoard board, MonitoringClient client) {
		this.board = board;
		this.client = client;
		this.clock = Clock.systemUTC();
	}

	public Panels of(UUID organizationId, UUID endpoint, boolean enabled) {
		Instant now = this.clock.instant();
		LiveBoard.Board live = this.board.of(organizationId, Map.of(endpoint, enabled));
		List<Day> days = List.of();
		List<Check> checks = List.of();
		String historyNotice = live.historyNotice();
		if (historyNotice == null) {
			try {
				days = days(endpoint, now);
				checks = this.client.recentChecks(endpoint, RECENT).checks().stream().map(Check::of).toList();
			}
			catch (MonitoringUnavailableException ex) {
				historyNotice = "History unavailable: " + ex.getMessage() + ".";
			}
		}
		List<IncidentView> incidents = List.of();
		String incidentNotice = live.incidentNotice();
		if (incidentNotice == null) {
			try {
				incidents = this.client.incidents(organizationId, null, LiveBoard.OPEN_INCIDENTS)
					.stream()
					.filter((incident) -> incident.endpointId().equals(endpoint))
					.limit(20)
					.toList();
			}
			catch (MonitoringUnavailableException ex) {
				incidentNotice = "Incidents unavailable: " + ex.getMessage() + ".";
			}
		}
		// The board was asked for this endpoint alone.
		EndpointHealth health = Objects.requireNonNull(live.health().get(endpoint));
		return new Panels(health, days, checks, incidents, now, historyNotice, incidentNotice);
	}

	private List<Day> days(UUID endpoint, Instant now) {
		Instant to = now.truncatedTo(ChronoUnit.DAYS).plus(Duration.ofDays(1));
		Instant from = to.minus(Duration.ofDays(DAYS));
		HistorySeries series = this.client.series(endpoint, from, to, Duration.ofDays(1), null);
		Map<Instant, HistoryPoint> byDay = new HashMap<>();
		series.points().forEach((point) -> byDay.put(point.time(), point));
		List<Day> days = new ArrayList<>(DAYS);
		for (int i = 0; i < DAYS; i++) {
			Instant start = from.plus(Duration.ofDays(i));
			HistoryPoint point = byDay.get(start);
			Double uptime = (point != null) ? point.uptime() : null;
			String level = Figures.level(uptime);
			LocalDate date = LocalDate.ofInstant(start, ZoneOffset.UTC);
			String title = date + ": " + ((point == null) ? "no checks"
					: Figures.percent(uptime) + " up, " + point.checks() + " checks, " + (point.checks() - point.up())
							+ " failed, Apdex " + Figures.apdex(point.apdex(), series.apdexThresholdMs()) + ", p95 "
							+ Figures.millis(point.p95Ms()));
			days.add(new Day(date, uptime, level, title));
		}
		return days;
	}

	/**
	 * The endpoint page's panels.
	 *
	 * @param health the live figures
	 * @param days 90 days of uptime, oldest first
	 * @param checks the last checks, newest first
	 * @param incidents its recent incidents, newest first
	 * @param at when they were read
	 * @param historyNotice why history is missing, or null
	 * @param incidentNotice why incidents are missing, or null
	 */
	public record Panels(EndpointHealth health, List<Day> days, List<Check> checks, List<IncidentView> incidents,
			Instant at, @Nullable String historyNotice, @Nullable String incidentNotice) {

		/** Days left on the certificate; null without one. */
		public @Nullable Long certificateDaysLeft() {
			return this.health.certificateDaysLeft(this.at);
		}

	}

	/**
	 * One day of the 90-day bar.
	 *
	 * @param date the day (UTC)
	 * @param uptime its uptime, or null without checks
	 * @param level the colour
	 * @param title what a hover says
	 */
	public record Day(LocalDate date, @Nullable Double uptime, String level, String title) {

	}

	/**
	 * One of the last checks as the page lists it.
	 *
	 * @param at its scheduled time
	 * @param location where it ran
	 * @param up whether it passed
	 * @param outcome the outcome's kind
	 * @param reason why, in words
	 * @param status the HTTP status, if any
	 * @param dns DNS time
	 * @param connect connect time
	 * @param tls TLS time
	 * @param firstByte time to first byte
	 * @param total total time
	 */
	public record Check(Instant at, String location, boolean up, String outcome, String reason,
			@Nullable Integer status, String dns, String connect, String tls, String firstByte, String total) {

		static Check of(CheckResult result) {
			var t = result.timings();
			return new Check(result.scheduledAt(), result.location(), result.outcome().isUp(),
					result.outcome().kind().name(), result.outcome().reason(), result.status(),
					Figures.millis(t.dnsMs()), Figures.millis(t.connectMs()), Figures.millis(t.tlsMs()),
					Figures.millis(t.firstByteMs()), Figures.millis(t.totalMs()));
		}

	}

}
