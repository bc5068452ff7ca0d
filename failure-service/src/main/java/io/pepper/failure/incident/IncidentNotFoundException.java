package io.pepper.failure.incident;

import java.util.UUID;

/** No incident with this id in this organization (whether it exists elsewhere or not). */
class IncidentNotFoundException extends RuntimeException {

	IncidentNotFoundException(UUID id) {
		super("no incident " + id + " in this organization");
	}

}
