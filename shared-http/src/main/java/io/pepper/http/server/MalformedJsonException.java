package io.pepper.http.server;

import tools.jackson.core.JacksonException;

/**
 * A request body a controller read itself and could not parse; answered 400 with the
 * field named, like a body Spring read.
 */
public class MalformedJsonException extends RuntimeException {

	private final JacksonException jsonError;

	public MalformedJsonException(JacksonException cause) {
		super(cause.getOriginalMessage(), cause);
		this.jsonError = cause;
	}

	public JacksonException getJsonError() {
		return this.jsonError;
	}

}
