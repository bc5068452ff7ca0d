package io.pepper.admin.endpoint;

import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Changing, pausing and deleting endpoints, always within one organization: an id from
 * another organization is not found. Each change is validated completely before anything
 * is written.
 */
@Service
class EndpointChanges {

	private final Endpoints endpoints;

	private final EndpointService service;

	EndpointChanges(Endpoints endpoints, EndpointService service) {
		this.endpoints = endpoints;
		this.service = service;
	}

	// The API's EndpointService does the work, so pages and API change endpoints alike.
	@Transactional
	Endpoint update(UUID organizationId, UUID id, EndpointRequest request) {
		return this.service.update(organizationId, id, request);
	}

	/**
	 * Pauses ({@code false}) or resumes ({@code true}); doing it twice changes nothing.
	 */
	@Transactional
	Endpoint setEnabled(UUID organizationId, UUID id, boolean enabled) {
		return enabled ? this.service.resume(organizationId, id) : this.service.pause(organizationId, id);
	}

	@Transactional
	Endpoint delete(UUID organizationId, UUID id) {
		Endpoint endpoint = find(organizationId, id);
		this.service.delete(organizationId, id);
		return endpoint;
	}

	private Endpoint find(UUID organizationId, UUID id) {
		return this.endpoints.findByIdAndOrganizationId(id, organizationId)
			.orElseThrow(() -> new EndpointNotFoundException(id));
	}

}
