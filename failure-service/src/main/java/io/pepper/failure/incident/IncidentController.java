package io.pepper.failure.incident;

import java.util.List;
import java.util.UUID;

import io.pepper.contracts.v1.IncidentDetail;
import io.pepper.contracts.v1.IncidentView;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

import org.springframework.http.MediaType;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The incident API admin-app reads (service token). Every route is scoped by
 * {@code organizationId}: another organization's incident is a 404.
 */
@RestController
@RequestMapping(path = IncidentView.PATH, produces = MediaType.APPLICATION_JSON_VALUE)
class IncidentController {

	private final Incidents incidents;

	private final IncidentEngine engine;

	IncidentController(Incidents incidents, IncidentEngine engine) {
		this.incidents = incidents;
		this.engine = engine;
	}

	@GetMapping
	@Transactional(readOnly = true)
	List<IncidentView> list(@RequestParam UUID organizationId,
			@RequestParam(required = false) IncidentView.@Nullable State state,
			@RequestParam(defaultValue = "100") @Min(1) @Max(1000) int limit) {
		return this.incidents.list(organizationId, state, limit);
	}

	@GetMapping("/{id}")
	@Transactional(readOnly = true)
	IncidentDetail detail(@PathVariable UUID id, @RequestParam UUID organizationId) {
		Incident incident = this.incidents.find(id, organizationId)
			.orElseThrow(() -> new IncidentNotFoundException(id));
		return new IncidentDetail(incident.view(), this.incidents.timeline(id));
	}

	@PostMapping(path = "/{id}/acknowledge", consumes = MediaType.APPLICATION_JSON_VALUE)
	IncidentView acknowledge(@PathVariable UUID id, @RequestParam UUID organizationId,
			@Valid @RequestBody Acknowledgement acknowledgement) {
		return this.engine.acknowledge(id, organizationId, acknowledgement.by().strip());
	}

	/**
	 * Who acknowledges.
	 *
	 * @param by the person, as admin-app names them
	 */
	record Acknowledgement(@NotBlank @Size(max = 200) String by) {

	}

}
