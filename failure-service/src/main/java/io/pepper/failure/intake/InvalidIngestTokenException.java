package io.pepper.failure.intake;

/** A request to the intake came without an accepted bearer token. */
class InvalidIngestTokenException extends RuntimeException {

	InvalidIngestTokenException() {
		super("a valid bearer token is required to post failures");
	}

}
