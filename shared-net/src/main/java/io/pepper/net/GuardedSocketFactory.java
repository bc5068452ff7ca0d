package io.pepper.net;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketAddress;

import javax.net.SocketFactory;

/**
 * Checks the address of every connection just before the TCP connect. OkHttp does not ask
 * the {@link GuardedDns} for IP-literal hosts (also after a redirect), so this is where
 * those are stopped.
 */
public final class GuardedSocketFactory extends SocketFactory {

	private final TargetPolicy policy;

	public GuardedSocketFactory(TargetPolicy policy) {
		this.policy = policy;
	}

	@Override
	public Socket createSocket() {
		return new GuardedSocket(this.policy);
	}

	@Override
	public Socket createSocket(String host, int port) throws IOException {
		return connected(new InetSocketAddress(host, port));
	}

	@Override
	public Socket createSocket(String host, int port, InetAddress localHost, int localPort) throws IOException {
		return connected(new InetSocketAddress(host, port), new InetSocketAddress(localHost, localPort));
	}

	@Override
	public Socket createSocket(InetAddress host, int port) throws IOException {
		return connected(new InetSocketAddress(host, port));
	}

	@Override
	public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort)
			throws IOException {
		return connected(new InetSocketAddress(address, port), new InetSocketAddress(localAddress, localPort));
	}

	private Socket connected(InetSocketAddress remote, InetSocketAddress... local) throws IOException {
		Socket socket = createSocket();
		try {
			if (local.length > 0) {
				socket.bind(local[0]);
			}
			socket.connect(remote);
			return socket;
		}
		catch (IOException ex) {
			socket.close();
			throw ex;
		}
	}

	private static final class GuardedSocket extends Socket {

		private final TargetPolicy policy;

		GuardedSocket(TargetPolicy policy) {
			this.policy = policy;
		}

		@Override
		public void connect(SocketAddress endpoint, int timeout) throws IOException {
			if (!(endpoint instanceof InetSocketAddress remote) || remote.isUnresolved()) {
				throw new BlockedTargetException("refusing to connect to unresolved address " + endpoint);
			}
			String refusal = this.policy.refusal(remote.getHostString(), remote.getAddress());
			if (refusal != null) {
				throw new BlockedTargetException(refusal);
			}
			super.connect(endpoint, timeout);
		}

	}

}
