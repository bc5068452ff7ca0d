package io.pepper.contracts.v1;

/** Which HTTP versions a check may speak. */
public enum HttpVersion {

	/**
	 * HTTP/2 where the server offers it through ALPN (https only), HTTP/1.1 otherwise.
	 */
	AUTO,

	/** HTTP/1.1 only, even where the server offers HTTP/2. */
	HTTP_1_1

}
