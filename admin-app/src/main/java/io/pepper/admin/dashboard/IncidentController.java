package io.pepper.admin.dashboard;

import java.util.List;
import java.util.UUID;

import io.pepper.admin.monitoring.MonitoringClient;
import io.pepper.admin.monitoring.MonitoringUnavailableException;
import io.pepper.admin.token.ApiCaller;
import io.pepper.admin.web.InvalidInputException;
import io.pepper.contracts.v1.IncidentDetail;
import io.pepper.contracts.v1.IncidentView;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The caller's organization's incidents, as failure-service keeps them, for scripts and
 * the {@code pepper} command line: {@code GET /api/v1/incidents} (newest first,
 * {@code ?state=OPEN|RESOLVED}, {@code ?limit=} up to {@value #MAX_LIMIT}) and {@code GET
 * /api/v1/incidents/{id}} with its timeline. Another organization's incident is a 404;
 * failure-service out of reach is a 503.
 */
@RestController
@RequestMapping(IncidentController.PATH)
@Tag(name = "Incidents", description = "Incidents opened by failure-service, read through admin-app")
class IncidentController {

	static final String PATH = "/api/v1/incidents";

	static final int MAX_LIMIT = 500;

	private final MonitoringClient client;

	IncidentController(MonitoringClient client) {
		this.client = client;
	}

	@GetMapping
	@Operation(operationId = "listIncidents", summary = "List incidents",
			description = "The organization's incidents, newest first, optionally only open or resolved ones.")
	List<IncidentView> list(@RequestParam(required = false) @Nullable String state,
			@RequestParam(defaultValue = "100") int limit, @AuthenticationPrincipal ApiCaller caller) {
		if (limit < 1 || limit > MAX_LIMIT) {
			throw new InvalidInputException("limit", "must be between 1 and " + MAX_LIMIT);
		}
		String asked = (state != null) ? state : "";
		IncidentView.State wanted = IncidentPageController.parse(IncidentView.State.class, asked);
		if (wanted == null && !asked.isBlank()) {
			throw new InvalidInputException("state", "must be OPEN or RESOLVED");
		}
		try {
			return this.client.incidents(caller.organizationId(), wanted, limit);
		}
		catch (MonitoringUnavailableException ex) {
			throw unavailable(ex);
		}
	}

	@GetMapping("/{id}")
	@Operation(operationId = "getIncident", summary = "Get an incident",
			description = "One incident of the organization, with its timeline.")
	IncidentDetail get(@PathVariable UUID id, @AuthenticationPrincipal ApiCaller caller) {
		try {
			return this.client.incident(caller.organizationId(), id)
				.orElseThrow(() -> IncidentPageController.notFound(id));
		}
		catch (MonitoringUnavailableException ex) {
			throw unavailable(ex);
		}
	}

	private static ErrorResponseException unavailable(MonitoringUnavailableException ex) {
		return new ErrorResponseException(HttpStatus.SERVICE_UNAVAILABLE, ProblemDetail
			.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE, "incidents are unavailable: " + ex.getMessage()), ex);
	}

}
