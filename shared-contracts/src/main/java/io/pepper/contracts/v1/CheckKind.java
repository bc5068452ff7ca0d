package io.pepper.contracts.v1;

/**
 * What protocol a check speaks, and so which scheme its URL has and which settings it
 * takes.
 */
public enum CheckKind {

	/** An HTTP request to an {@code http} or {@code https} URL. */
	HTTP("http"),
	/**
	 * A TCP connection to {@code tcp://host:port}, optionally over TLS, optionally
	 * sending and expecting text.
	 */
	TCP("tcp"),
	/** A DNS query for the name in {@code dns:name}. */
	DNS("dns"),
	/** A TLS handshake with {@code tls://host:port}, to judge its certificate. */
	TLS("tls");

	private final String scheme;

	CheckKind(String scheme) {
		this.scheme = scheme;
	}

	/** The URL scheme of this kind's targets ({@code https} also for HTTP). */
	public String scheme() {
		return this.scheme;
	}

}
