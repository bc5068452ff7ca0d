package io.pepper.http.server;

/**
 * A request came without a bearer token its route accepts; answered 401 with
 * {@code WWW-Authenticate: Bearer} by {@link ProblemAdvice}.
 */
public class InvalidTokenException extends RuntimeException {

	public InvalidTokenException(String message) {
		super(message);
	}

}
