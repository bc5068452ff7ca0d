package io.pepper.probe.check;

import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import java.security.GeneralSecurityException;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;

/**
 * Makes every TLS connection from an SSL context of its own, so no session is cached and
 * none is resumed: each check pays, times and verifies a full handshake, as a first-time
 * visitor would (with a shared context, JSSE resumes TLS 1.3 sessions from tickets and
 * skips the certificate check).
 */
final class FreshSessionSocketFactory extends SSLSocketFactory {

	private final X509TrustManager trustManager;

	private final SSLSocketFactory template;

	FreshSessionSocketFactory(X509TrustManager trustManager) {
		this.trustManager = trustManager;
		this.template = context().getSocketFactory();
	}

	private SSLContext context() {
		try {
			SSLContext context = SSLContext.getInstance("TLS");
			context.init(null, new TrustManager[] { this.trustManager }, null);
			return context;
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("cannot create a TLS context", ex);
		}
	}

	@Override
	public String[] getDefaultCipherSuites() {
		return this.template.getDefaultCipherSuites();
	}

	@Override
	public String[] getSupportedCipherSuites() {
		return this.template.getSupportedCipherSuites();
	}

	@Override
	public Socket createSocket(Socket socket, String host, int port, boolean autoClose) throws IOException {
		return context().getSocketFactory().createSocket(socket, host, port, autoClose);
	}

	@Override
	public Socket createSocket() throws IOException {
		return context().getSocketFactory().createSocket();
	}

	@Override
	public Socket createSocket(String host, int port) throws IOException {
		return context().getSocketFactory().createSocket(host, port);
	}

	@Override
	public Socket createSocket(String host, int port, InetAddress localHost, int localPort) throws IOException {
		return context().getSocketFactory().createSocket(host, port, localHost, localPort);
	}

	@Override
	public Socket createSocket(InetAddress host, int port) throws IOException {
		return context().getSocketFactory().createSocket(host, port);
	}

	@Override
	public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort)
			throws IOException {
		return context().getSocketFactory().createSocket(address, port, localAddress, localPort);
	}

}
