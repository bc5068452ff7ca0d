package io.pepper.probe.tls;

/** Which TLS implementation checks use ({@code pepper.probe.tls-provider}). */
public enum TlsProvider {

	/**
	 * Conscrypt: BoringSSL's handshake, key exchange and ciphers in native code, about a
	 * third of JSSE's CPU per handshake. Falls back to {@link #JSSE} where its native
	 * library does not load.
	 */
	CONSCRYPT,

	/** The JDK's own TLS, in pure Java. */
	JSSE

}
