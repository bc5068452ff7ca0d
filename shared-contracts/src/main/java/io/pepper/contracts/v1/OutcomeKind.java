package io.pepper.contracts.v1;

/** What a check found; everything but {@link #UP} is a failure. */
public enum OutcomeKind {

	/** The endpoint answered as expected. */
	UP,
	/** The host name did not resolve. */
	DNS_FAILURE,
	/** The target refused the connection. */
	CONNECTION_REFUSED,
	/** The connection failed otherwise (reset, unreachable). */
	CONNECTION_ERROR,
	/** The overall deadline passed; the outcome's phase says where. */
	TIMEOUT,
	/** The TLS handshake failed: expired, untrusted or a hostname mismatch. */
	TLS_ERROR,
	/** The status code is not one the endpoint accepts. */
	UNEXPECTED_STATUS,
	/**
	 * A body assertion did not hold, or a TCP answer lacked the text it was expected to
	 * hold.
	 */
	ASSERTION_FAILED,
	/** The body was larger than a check reads. */
	RESPONSE_TOO_LARGE,
	/** The target address is not allowed (SSRF guard). */
	BLOCKED,
	/**
	 * The probe could not read the endpoint's settings (e.g. a URL no check can use), so
	 * nothing was sent; the reason names the field.
	 */
	INVALID_SPEC,
	/** A DNS answer came with another response code than the one expected. */
	DNS_RCODE_MISMATCH,
	/** A DNS answer did not hold the expected records (any or all of them). */
	DNS_ANSWER_MISMATCH;

	public boolean isUp() {
		return this == UP;
	}

}
