package io.pepper.failure.web;

/** A request came without a bearer token its route accepts. */
class UnauthorizedException extends RuntimeException {

	UnauthorizedException(String message) {
		super(message);
	}

}
