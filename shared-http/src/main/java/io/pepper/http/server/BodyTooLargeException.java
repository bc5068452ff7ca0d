package io.pepper.http.server;

import java.io.IOException;

/**
 * A request body is larger than its route accepts; raised while it is read, so it holds
 * for chunked bodies too, and answered 413 by {@link ProblemAdvice} or
 * {@link BodySizeLimit}.
 */
public class BodyTooLargeException extends IOException {

	private final long limit;

	public BodyTooLargeException(long limit) {
		super("The request body must be at most " + limit + " bytes");
		this.limit = limit;
	}

	/** The largest body the route accepts, in bytes. */
	public long getLimit() {
		return this.limit;
	}

}
