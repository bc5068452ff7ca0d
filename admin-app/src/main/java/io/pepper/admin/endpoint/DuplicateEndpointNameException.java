package io.pepper.admin.endpoint;

import io.pepper.admin.web.ConflictException;

/** Endpoint names are unique within an organization, so people can tell them apart. */
class DuplicateEndpointNameException extends ConflictException {

	DuplicateEndpointNameException(String name) {
		super("name", "an endpoint named '" + name + "' already exists in this organization");
	}

}
