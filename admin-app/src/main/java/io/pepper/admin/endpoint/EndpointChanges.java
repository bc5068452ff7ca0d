package io.pepper.admin.endpoint;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import org.springframework.core.NestedExceptionUtils;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Changing, pausing and deleting endpoints, always within one organization: an id from
 * another organization is not found. Each change is validated completely before anything
 * is written.
 */
@Service
class EndpointChanges {

	private static final String UNIQUE_NAME = "endpoints_organization_id_name_key";

	private final Endpoints endpoints;

	private final EndpointService service;

	EndpointChanges(Endpoints endpoints, EndpointService service) {
		this.endpoints = endpoints;
		this.service = service;
	}

	@Transactional
	Endpoint update(UUID organizationId, UUID id, EndpointRequest request) {
		Endpoint endpoint = find(organizationId, id);
		EndpointSettings settings = this.service.validate(request);
		if (!settings.name().equals(endpoint.getName())
				&& this.endpoints.existsByOrganizationIdAndName(organizationId, settings.name())) {
			throw new DuplicateEndpointNameException(settings.name());
		}
		endpoint.apply(settings, Instant.now().truncatedTo(ChronoUnit.MICROS));
		try {
			return this.endpoints.saveAndFlush(endpoint);
		}
		catch (DataIntegrityViolationException ex) {
			if (String.valueOf(NestedExceptionUtils.getMostSpecificCause(ex).getMessage()).contains(UNIQUE_NAME)) {
				throw new DuplicateEndpointNameException(settings.name());
			}
			throw ex;
		}
	}

	/**
	 * Pauses ({@code false}) or resumes ({@code true}); doing it twice changes nothing.
	 */
	@Transactional
	Endpoint setEnabled(UUID organizationId, UUID id, boolean enabled) {
		Endpoint endpoint = find(organizationId, id);
		EndpointSettings s = endpoint.getSettings();
		if (s.enabled() != enabled) {
			endpoint.apply(
					new EndpointSettings(s.name(), s.url(), s.method(), s.headers(), s.body(), s.expectedStatus(),
							s.assertions(), s.timeoutMs(), s.followRedirects(), s.apdexThresholdMs(),
							s.intervalSeconds(), enabled, s.locations(), s.tags()),
					Instant.now().truncatedTo(ChronoUnit.MICROS));
		}
		return endpoint;
	}

	@Transactional
	Endpoint delete(UUID organizationId, UUID id) {
		Endpoint endpoint = find(organizationId, id);
		this.endpoints.delete(endpoint);
		return endpoint;
	}

	private Endpoint find(UUID organizationId, UUID id) {
		return this.endpoints.findByIdAndOrganizationId(id, organizationId)
			.orElseThrow(() -> new EndpointNotFoundException(id));
	}

}
