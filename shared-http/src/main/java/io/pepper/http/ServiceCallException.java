package io.pepper.http;

import java.net.URI;

import org.jspecify.annotations.Nullable;

/**
 * A call to one of our services did not give the answer asked for: no answer, a status
 * other than 2xx, or a body that is not what was expected. {@link #verdict()} says
 * whether asking again later can help, by the rule of {@link Verdict}.
 */
public class ServiceCallException extends RuntimeException {

	private final String service;

	private final URI uri;

	private final int status;

	private final @Nullable String detail;

	private final Verdict verdict;

	ServiceCallException(String service, URI uri, int status, Verdict verdict, @Nullable String detail, String message,
			@Nullable Throwable cause) {
		super(message, cause);
		this.service = service;
		this.uri = uri;
		this.status = status;
		this.verdict = verdict;
		this.detail = detail;
	}

	/** The service called, as named by its client. */
	public String service() {
		return this.service;
	}

	public URI uri() {
		return this.uri;
	}

	/** The HTTP status, or 0 when the service did not answer. */
	public int status() {
		return this.status;
	}

	/**
	 * The {@code detail} of the service's problem answer, or the start of its body; null
	 * without one.
	 */
	public @Nullable String detail() {
		return this.detail;
	}

	/** {@link Verdict#RETRY} or {@link Verdict#SET_ASIDE}. */
	public Verdict verdict() {
		return this.verdict;
	}

	/** Whether asking again later can help. */
	public boolean retryable() {
		return this.verdict == Verdict.RETRY;
	}

}
