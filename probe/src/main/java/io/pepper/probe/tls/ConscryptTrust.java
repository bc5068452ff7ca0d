package io.pepper.probe.tls;

import java.net.Socket;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;

import javax.net.ssl.SSLEngine;
import javax.net.ssl.X509ExtendedTrustManager;
import javax.net.ssl.X509TrustManager;

/**
 * The JDK's trust manager as Conscrypt can use it. For TLS 1.3 Conscrypt names the key
 * exchange {@code GENERIC}, which the JDK's checks of the certificate's key usage do not
 * know (JSSE says {@code UNKNOWN} for the same case), so every chain below a root would
 * be refused.
 */
final class ConscryptTrust extends X509ExtendedTrustManager {

	private final X509TrustManager delegate;

	ConscryptTrust(X509TrustManager delegate) {
		this.delegate = delegate;
	}

	private static String authType(String authType) {
		return "GENERIC".equals(authType) ? "UNKNOWN" : authType;
	}

	@Override
	public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
			throws CertificateException {
		if (this.delegate instanceof X509ExtendedTrustManager extended) {
			extended.checkServerTrusted(chain, authType(authType), engine);
		}
		else {
			this.delegate.checkServerTrusted(chain, authType(authType));
		}
	}

	@Override
	public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket)
			throws CertificateException {
		if (this.delegate instanceof X509ExtendedTrustManager extended) {
			extended.checkServerTrusted(chain, authType(authType), socket);
		}
		else {
			this.delegate.checkServerTrusted(chain, authType(authType));
		}
	}

	@Override
	public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
		this.delegate.checkServerTrusted(chain, authType(authType));
	}

	@Override
	public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
			throws CertificateException {
		throw new CertificateException("checks never accept client connections");
	}

	@Override
	public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket)
			throws CertificateException {
		throw new CertificateException("checks never accept client connections");
	}

	@Override
	public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
		throw new CertificateException("checks never accept client connections");
	}

	@Override
	public X509Certificate[] getAcceptedIssuers() {
		return this.delegate.getAcceptedIssuers();
	}

}
