package io.pepper.admin.web;

import tools.jackson.core.JacksonException;

/** A request body a feature read itself and could not parse; answered with 400. */
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
