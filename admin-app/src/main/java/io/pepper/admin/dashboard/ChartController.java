package io.pepper.admin.dashboard;

import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import io.pepper.admin.endpoint.Endpoint;
import io.pepper.admin.endpoint.EndpointService;
import io.pepper.admin.maintenance.MaintenanceWindow;
import io.pepper.admin.maintenance.WindowService;
import io.pepper.admin.monitoring.ChartRange;
import io.pepper.admin.monitoring.LiveBoard;
import io.pepper.admin.monitoring.MaintenanceSpans;
import io.pepper.admin.monitoring.MonitoringClient;
import io.pepper.admin.monitoring.MonitoringUnavailableException;
import io.pepper.admin.ui.CurrentMember;
import io.pepper.admin.ui.WebPage;
import io.pepper.contracts.v1.HistoryPoint;
import io.pepper.contracts.v1.IncidentView;
import io.pepper.contracts.v1.LocationHistory;
import io.pepper.http.server.ProblemAdvice;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The data of the endpoint page's charts, as JSON for its script: receiver-service's
 * series (pooled and per location, one call), the endpoint's incidents and its
 * maintenance windows over the range. Another organization's endpoint is a 404.
 */
@Controller
@WebPage
class ChartController {

	private final EndpointService endpoints;

	private final WindowService windows;

	private final MonitoringClient client;

	private final Clock clock = Clock.systemUTC();

	ChartController(EndpointService endpoints, WindowService windows, MonitoringClient client) {
		this.endpoints = endpoints;
		this.windows = windows;
		this.client = client;
	}

	@GetMapping(path = "/endpoints/{id}/charts", produces = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<?> charts(CurrentMember me, @PathVariable UUID id, @RequestParam(defaultValue = "24h") String range,
			@RequestParam(required = false) @Nullable String from,
			@RequestParam(required = false) @Nullable String to) {
		Endpoint endpoint = this.endpoints.get(me.organizationId(), id);
		ChartRange chart;
		try {
			chart = ChartRange.of(range, instant(from), instant(to), this.clock.instant());
		}
		catch (IllegalArgumentException ex) {
			ProblemDetail problem = ProblemAdvice.problem(HttpStatus.BAD_REQUEST, "Bad chart range", ex.getMessage());
			return ResponseEntity.badRequest().contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
		}
		LocationHistory history = null;
		String notice = null;
		try {
			history = this.client.locationHistory(id, chart.from(), chart.to(), chart.step());
		}
		catch (MonitoringUnavailableException ex) {
			notice = "History unavailable: " + ex.getMessage() + ".";
		}
		List<Span> incidents = new ArrayList<>();
		String incidentNotice = null;
		try {
			for (IncidentView incident : this.client.incidents(me.organizationId(), null, 1000)) {
				if (incident.endpointId().equals(id) && incident.openedAt().isBefore(chart.to())
						&& (incident.resolvedAt() == null || incident.resolvedAt().isAfter(chart.from()))) {
					incidents
						.add(new Span(incident.kind().name().toLowerCase(), incident.openedAt(), incident.resolvedAt(),
								incident.endpointName() + ": " + incident.reason(), "/incidents/" + incident.id()));
				}
			}
		}
		catch (MonitoringUnavailableException ex) {
			incidentNotice = "Incidents unavailable: " + ex.getMessage() + ".";
		}
		List<Span> maintenance = new ArrayList<>();
		for (MaintenanceWindow window : this.windows.list(me.organizationId())) {
			if (window.covers(id, endpoint.getSettings().tags())) {
				MaintenanceSpans.between(window.getSettings().schedule(), chart.from(), chart.to())
					.forEach((span) -> maintenance
						.add(new Span("maintenance", span.from(), span.to(), window.getName(), "/maintenance")));
			}
		}
		return ResponseEntity.ok(new Charts(chart.name(), chart.from(), chart.to(), chart.step().toSeconds(),
				(history != null) ? history.resolution().name() : null,
				(history != null) ? history.apdexThresholdMs() : null, (history != null) ? history.all() : List.of(),
				(history != null) ? history.locations() : List.of(), incidents, maintenance, notice, incidentNotice));
	}

	private static @Nullable Instant instant(@Nullable String value) {
		if (value == null || value.isBlank()) {
			return null;
		}
		try {
			return Instant.parse(value.strip());
		}
		catch (DateTimeParseException ex) {
			throw new IllegalArgumentException(
					"from and to must be ISO-8601 instants such as 2026-03-01T00:00:00Z but one was '" + value + "'");
		}
	}

	/**
	 * The charts' data.
	 *
	 * @param range the range asked for
	 * @param from its start
	 * @param to its end
	 * @param stepSeconds each point's length
	 * @param resolution what receiver-service computed the points from
	 * @param apdexThresholdMs the T of the Apdex figures
	 * @param all the points of all locations pooled
	 * @param locations the points per location
	 * @param incidents the endpoint's incidents in the range
	 * @param maintenance its maintenance windows in the range
	 * @param historyNotice why the series are missing, or null
	 * @param incidentNotice why the incidents are missing, or null
	 */
	record Charts(String range, Instant from, Instant to, long stepSeconds, @Nullable String resolution,
			@Nullable Integer apdexThresholdMs, List<HistoryPoint> all, List<LocationHistory.Series> locations,
			List<Span> incidents, List<Span> maintenance, @Nullable String historyNotice,
			@Nullable String incidentNotice) {

	}

	/**
	 * A stretch of time drawn on the charts' time axis.
	 *
	 * @param kind {@code down}, {@code degraded} or {@code maintenance}
	 * @param from when it started
	 * @param to when it ended; null while it lasts
	 * @param label what a hover says
	 * @param href where it links
	 */
	record Span(String kind, Instant from, @Nullable Instant to, String label, String href) {

	}

}
