package io.pepper.probe.tls;

import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocketFactory;

/**
 * Makes every TLS connection from an SSL context of its own, so no session is cached and
 * none is resumed: each check pays, times and verifies a full handshake, as a first-time
 * visitor would (with a shared context, JSSE and Conscrypt resume TLS 1.3 sessions from
 * tickets and skip the certificate check).
 */
final class FreshSessionSocketFactory extends SSLSocketFactory {

	private final Supplier<SSLContext> contexts;

	private final UnaryOperator<SSLSocketFactory> prepare;

	private final SSLSocketFactory template;

	FreshSessionSocketFactory(Supplier<SSLContext> contexts, UnaryOperator<SSLSocketFactory> prepare) {
		this.contexts = contexts;
		this.prepare = prepare;
		this.template = fresh();
	}

	private SSLSocketFactory fresh() {
		return this.prepare.apply(this.contexts.get().getSocketFactory());
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
		return fresh().createSocket(socket, host, port, autoClose);
	}

	@Override
	public Socket createSocket() throws IOException {
		return fresh().createSocket();
	}

	@Override
	public Socket createSocket(String host, int port) throws IOException {
		return fresh().createSocket(host, port);
	}

	@Override
	public Socket createSocket(String host, int port, InetAddress localHost, int localPort) throws IOException {
		return fresh().createSocket(host, port, localHost, localPort);
	}

	@Override
	public Socket createSocket(InetAddress host, int port) throws IOException {
		return fresh().createSocket(host, port);
	}

	@Override
	public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort)
			throws IOException {
		return fresh().createSocket(address, port, localAddress, localPort);
	}

}
