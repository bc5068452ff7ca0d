package io.pepper.failure.incident;

/** A transition an incident does not allow in its state, e.g. resolving it twice. */
class IncidentStateException extends RuntimeException {

	IncidentStateException(String message) {
		super(message);
	}

}
