package io.pepper.admin.endpoint;

import java.util.UUID;

import io.pepper.admin.web.NotFoundException;

/**
 * No such endpoint in the caller's organization (other organizations' are not revealed).
 */
class EndpointNotFoundException extends NotFoundException {

	EndpointNotFoundException(UUID id) {
		super("No endpoint " + id);
	}

}
