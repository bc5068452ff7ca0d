package io.pepper.admin.dashboard;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import io.pepper.admin.endpoint.Endpoint;
import io.pepper.admin.endpoint.EndpointService;
import io.pepper.admin.monitoring.Figures;
import io.pepper.admin.monitoring.MonitoringClient;
import io.pepper.admin.monitoring.MonitoringUnavailableException;
import io.pepper.admin.ui.CurrentMember;
import io.pepper.admin.ui.WebPage;
import io.pepper.admin.web.NotFoundException;
import io.pepper.contracts.v1.HistoryPoint;
import io.pepper.contracts.v1.HistorySeries;
import io.pepper.contracts.v1.IncidentDetail;
import io.pepper.contracts.v1.IncidentView;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The incident pages, read from failure-service's incident API: open and recent incidents
 * filtered by endpoint, state and kind; one incident with its timeline; acknowledging for
 * owners and admins. Another organization's incident or endpoint id is a 404.
 */
@Controller
@WebPage
@RequestMapping("/incidents")
class IncidentPageController {

	static final String LIST = "incidents/list";

	static final String SHOW = "incidents/show";

	static final int LIMIT = 500;

	/** How far before a degraded incident its "before" Apdex looks. */
	static final Duration BEFORE = Duration.ofHours(24);

	private final MonitoringClient client;

	private final EndpointService endpoints;

	private final Clock clock = Clock.systemUTC();

	IncidentPageController(MonitoringClient client, EndpointService endpoints) {
		this.client = client;
		this.endpoints = endpoints;
	}

	@GetMapping
	String list(CurrentMember me, @RequestParam(defaultValue = "") String state,
			@RequestParam(defaultValue = "") String kind, @RequestParam(required = false) @Nullable UUID endpoint,
			Model model) {
		IncidentView.State wantedState = parse(IncidentView.State.class, state);
		IncidentView.Kind wantedKind = parse(IncidentView.Kind.class, kind);
		Endpoint only = (endpoint != null) ? this.endpoints.get(me.organizationId(), endpoint) : null;
		List<IncidentView> incidents = List.of();
		try {
			incidents = this.client.incidents(me.organizationId(), wantedState, LIMIT)
				.stream()
				.filter((incident) -> wantedKind == null || incident.kind() == wantedKind)
				.filter((incident) -> endpoint == null || incident.endpointId().equals(endpoint))
				.toList();
		}
		catch (MonitoringUnavailableException ex) {
			model.addAttribute("incidentNotice", "Incidents unavailable: " + ex.getMessage() + ".");
		}
		Map<UUID, String> names = new HashMap<>();
		if (!incidents.isEmpty()) {
			this.endpoints.list(me.organizationId())
				.forEach((known) -> names.put(known.getId(), known.getSettings().name()));
		}
		model.addAttribute("incidents", incidents);
		model.addAttribute("names", names);
		model.addAttribute("state", (wantedState != null) ? wantedState.name() : "");
		model.addAttribute("kind", (wantedKind != null) ? wantedKind.name() : "");
		model.addAttribute("endpoint", (only != null) ? only.getId() : null);
		model.addAttribute("endpointName", (only != null) ? only.getSettings().name() : null);
		model.addAttribute("now", this.clock.instant());
		return LIST;
	}

	@GetMapping("/{id}")
	String show(CurrentMember me, @PathVariable UUID id, Model model) {
		IncidentDetail detail;
		try {
			detail = this.client.incident(me.organizationId(), id).orElseThrow(() -> notFound(id));
		}
		catch (MonitoringUnavailableException ex) {
			model.addAttribute("incidentNotice", "Incidents unavailable: " + ex.getMessage() + ".");
			return SHOW;
		}
		IncidentView incident = detail.incident();
		model.addAttribute("detail", detail);
		model.addAttribute("incident", incident);
		model.addAttribute("duration", duration(incident));
		Endpoint endpoint = find(me.organizationId(), incident.endpointId());
		String name = (endpoint != null) ? endpoint.getSettings().name() : null;
		model.addAttribute("endpointExists", name != null);
		// admin-app's name is the current one; failure-service may only know the id.
		model.addAttribute("endpointName", (name != null) ? name : incident.endpointName());
		if (incident.kind() == IncidentView.Kind.DEGRADED) {
			model.addAttribute("apdex",
					apdexAround(incident, (endpoint != null) ? endpoint.getSettings().apdexThresholdMs() : null));
		}
		return SHOW;
	}

	@PostMapping("/{id}/acknowledge")
	String acknowledge(CurrentMember me, @PathVariable UUID id, RedirectAttributes redirect) {
		me.requireEditor();
		try {
			this.client.acknowledge(me.organizationId(), id, me.email()).orElseThrow(() -> notFound(id));
			redirect.addFlashAttribute("flash", "Incident acknowledged.");
		}
		catch (MonitoringUnavailableException ex) {
			redirect.addFlashAttribute("flashError", "Not acknowledged: " + ex.getMessage() + ". Try again.");
		}
		return "redirect:/incidents/" + id;
	}

	private @Nullable Endpoint find(UUID organizationId, UUID endpoint) {
		try {
			return this.endpoints.get(organizationId, endpoint);
		}
		catch (NotFoundException ex) {
			return null;
		}
	}

	/**
	 * The Apdex of the 24 hours before a degraded incident opened and of the time since
	 * (until it resolved), from receiver-service; empty when history is unavailable. T is
	 * the one the checks were classified with, else the endpoint's own.
	 */
	private Optional<ApdexChange> apdexAround(IncidentView incident, @Nullable Integer configuredT) {
		Instant opened = incident.openedAt().truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
		Instant end = (incident.resolvedAt() != null) ? incident.resolvedAt() : this.clock.instant();
		end = end.truncatedTo(java.time.temporal.ChronoUnit.SECONDS).plusSeconds(1);
		try {
			HistorySeries earlier = this.client.series(incident.endpointId(), opened.minus(BEFORE), opened, BEFORE,
					null);
			HistoryPoint before = single(earlier);
			Duration since = Duration.between(opened, end);
			HistorySeries after = this.client.series(incident.endpointId(), opened, end, since, null);
			HistoryPoint afterPoint = single(after);
			Integer t = (after.apdexThresholdMs() != null) ? after.apdexThresholdMs()
					: (earlier.apdexThresholdMs() != null) ? earlier.apdexThresholdMs() : configuredT;
			return Optional.of(new ApdexChange(Figures.apdex((before != null) ? before.apdex() : null, t),
					Figures.apdex((afterPoint != null) ? afterPoint.apdex() : null, t),
					(before != null) ? before.apdex() : null, (afterPoint != null) ? afterPoint.apdex() : null));
		}
		catch (MonitoringUnavailableException ex) {
			return Optional.empty();
		}
	}

	private static @Nullable HistoryPoint single(HistorySeries series) {
		return series.points().isEmpty() ? null : series.points().getFirst();
	}

	private String duration(IncidentView incident) {
		Instant end = (incident.resolvedAt() != null) ? incident.resolvedAt() : this.clock.instant();
		long minutes = Duration.between(incident.openedAt(), end).toMinutes();
		String length = (minutes < 60) ? minutes + " min" : (minutes / 60) + " h " + (minutes % 60) + " min";
		return (incident.resolvedAt() != null) ? "lasted " + length : "open for " + length;
	}

	/** The constant {@code value} names, in any case; null when it names none. */
	static <E extends Enum<E>> @Nullable E parse(Class<E> type, String value) {
		if (value.isBlank()) {
			return null;
		}
		try {
			return Enum.valueOf(type, value.strip().toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

	static NotFoundException notFound(UUID id) {
		return new NotFoundException("No incident " + id);
	}

	/**
	 * A degraded incident's Apdex before and after it opened.
	 *
	 * @param beforeText the 24 hours before, written {@code 0.94 [0.5 s]}
	 * @param afterText since it opened
	 * @param before the score before
	 * @param after the score after
	 */
	record ApdexChange(String beforeText, String afterText, @Nullable Double before, @Nullable Double after) {

	}

}
