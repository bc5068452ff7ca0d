package io.pepper.probe.check;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.List;

import javax.net.ssl.SSLPeerUnverifiedException;
import javax.net.ssl.SSLSession;
import javax.net.ssl.SSLSocket;

import io.pepper.contracts.v1.Phase;
import io.pepper.contracts.v1.PhaseTimings;
import io.pepper.net.BlockedTargetException;
import io.pepper.net.GuardedDns;
import io.pepper.net.GuardedSocketFactory;
import io.pepper.net.TargetPolicy;
import io.pepper.probe.dns.DeadlineResolver;
import io.pepper.probe.tls.TlsSockets;
import okhttp3.internal.tls.OkHostnameVerifier;
import org.jspecify.annotations.Nullable;

/**
 * Opens the guarded TCP connection (and TLS session) of a check that is not HTTP: the
 * host resolved within the deadline and checked against the SSRF guard, every address
 * checked again just before its connect, the certificate verified against the probe's
 * trust and the host name as HTTPS does. Times each phase as it goes.
 */
public final class Connector {

	private final TlsSockets tls;

	private final DeadlineResolver resolver;

	private final TargetPolicy policy;

	public Connector(TlsSockets tls, DeadlineResolver resolver, TargetPolicy policy) {
		this.tls = tls;
		this.resolver = resolver;
		this.policy = policy;
	}

	public TargetPolicy policy() {
		return this.policy;
	}

	/**
	 * Resolves {@code host} through the guard, within the deadline of {@code phases}; an
	 * IP literal is its own address (and is still judged by the guard).
	 */
	public List<InetAddress> resolve(String host, Phases phases) throws UnknownHostException {
		String hostRefusal = this.policy.refusalForHost(host);
		if (hostRefusal != null) {
			throw new BlockedTargetException(hostRefusal);
		}
		InetAddress literal = literal(host);
		if (literal != null) {
			String refusal = this.policy.refusal(host, literal);
			if (refusal != null) {
				throw new BlockedTargetException(refusal);
			}
			return List.of(literal);
		}
		return new GuardedDns(this.policy, (name) -> this.resolver.resolve(name, phases.deadlineNanos())).lookup(host);
	}

	/**
	 * Connects to {@code host:port}, over TLS when {@code secure}.
	 * @throws IOException whatever went wrong, for {@link Failures#classify}
	 */
	public Socket open(String host, int port, boolean secure, Phases phases) throws IOException {
		String bare = (host.startsWith("[") && host.endsWith("]")) ? host.substring(1, host.length() - 1) : host;
		// numeric forms other than a dotted quad are refused before anything reads them
		String refusal = this.policy.refusalForHost(bare);
		if (refusal != null) {
			throw new BlockedTargetException(refusal);
		}
		List<InetAddress> addresses;
		InetAddress literal = literal(bare);
		if (literal != null) {
			addresses = List.of(literal);
			phases.to(Phase.CONNECT);
		}
		else {
			addresses = resolve(bare, phases);
			phases.dnsDone();
		}
		Socket socket = connect(addresses, port, phases);
		if (!secure) {
			return socket;
		}
		try {
			SSLSocket ssl = (SSLSocket) this.tls.socketFactory().createSocket(socket, bare, port, true);
			ssl.setSoTimeout(phases.remainingMillis());
			ssl.startHandshake();
			SSLSession session = ssl.getSession();
			if (!OkHostnameVerifier.INSTANCE.verify(bare, session)) {
				throw new SSLPeerUnverifiedException("the certificate names " + names(session) + ", not " + bare);
			}
			phases.tlsDone(session);
			return ssl;
		}
		catch (IOException | RuntimeException ex) {
			socket.close();
			throw ex;
		}
	}

	private Socket connect(List<InetAddress> addresses, int port, Phases phases) throws IOException {
		IOException last = null;
		for (InetAddress address : addresses) {
			int left = phases.remainingMillis();
			Socket socket = new GuardedSocketFactory(this.policy).createSocket();
			try {
				socket.connect(new InetSocketAddress(address, port), left);
				phases.connectDone();
				socket.setSoTimeout(phases.remainingMillis());
				return socket;
			}
			catch (SocketTimeoutException ex) {
				socket.close();
				throw ex;
			}
			catch (IOException ex) {
				// Refused or unreachable on this address: the next one may answer.
				socket.close();
				last = ex;
			}
		}
		throw (last != null) ? last : new UnknownHostException("no address to connect to");
	}

	private static @Nullable InetAddress literal(String host) {
		try {
			return (host.indexOf(':') >= 0 || host.matches("[0-9.]+")) ? InetAddress.ofLiteral(host) : null;
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

	private static String names(SSLSession session) {
		try {
			Certificate[] chain = session.getPeerCertificates();
			if (chain.length > 0 && chain[0] instanceof X509Certificate leaf) {
				return String.valueOf(Certificates.subjectAlternativeNames(leaf));
			}
		}
		catch (SSLPeerUnverifiedException ex) {
			// no certificate to name
		}
		return "[]";
	}

	/**
	 * The phases of one check as they happen, with its deadline; the durations of those
	 * that did not happen stay null.
	 */
	public static final class Phases {

		private final long startNanos;

		private final long deadlineNanos;

		private final long timeoutMs;

		private Phase phase = Phase.DNS;

		private long mark;

		private @Nullable Double dnsMs;

		private @Nullable Double connectMs;

		private @Nullable Double tlsMs;

		private @Nullable Double firstByteMs;

		private @Nullable X509Certificate leaf;

		public Phases(long startNanos, long timeoutMs) {
			this.startNanos = startNanos;
			this.mark = startNanos;
			this.timeoutMs = timeoutMs;
			this.deadlineNanos = startNanos + timeoutMs * 1_000_000;
		}

		public Phase phase() {
			return this.phase;
		}

		public long timeoutMs() {
			return this.timeoutMs;
		}

		public long deadlineNanos() {
			return this.deadlineNanos;
		}

		/** What is left of the deadline, at least 1 ms (0 would mean no timeout). */
		public int remainingMillis() {
			long left = (this.deadlineNanos - System.nanoTime()) / 1_000_000;
			return (int) Math.max(1, Math.min(Integer.MAX_VALUE, left));
		}

		public boolean expired() {
			return System.nanoTime() - this.deadlineNanos >= 0;
		}

		/** Moves on to {@code next} without timing the phase before it. */
		public void to(Phase next) {
			this.phase = next;
			this.mark = System.nanoTime();
		}

		public void dnsDone() {
			this.dnsMs = lap();
			this.phase = Phase.CONNECT;
		}

		void connectDone() {
			this.connectMs = lap();
			this.phase = Phase.TLS;
		}

		void tlsDone(SSLSession session) {
			this.tlsMs = lap();
			this.phase = Phase.FIRST_BYTE;
			try {
				Certificate[] chain = session.getPeerCertificates();
				if (chain.length > 0 && chain[0] instanceof X509Certificate certificate) {
					this.leaf = certificate;
				}
			}
			catch (SSLPeerUnverifiedException ex) {
				this.leaf = null;
			}
		}

		/** The first byte of the answer arrived. */
		public void firstByte() {
			this.firstByteMs = (System.nanoTime() - this.startNanos) / 1_000_000.0;
			this.phase = Phase.BODY;
		}

		/** Marks the start of the wait for an answer (after the send). */
		public void waiting() {
			this.phase = Phase.FIRST_BYTE;
		}

		/** The server's own certificate, once a TLS handshake passed. */
		public @Nullable X509Certificate certificate() {
			return this.leaf;
		}

		public PhaseTimings timings() {
			return new PhaseTimings(this.dnsMs, this.connectMs, this.tlsMs, this.firstByteMs,
					(System.nanoTime() - this.startNanos) / 1_000_000.0);
		}

		private double lap() {
			long now = System.nanoTime();
			double ms = (now - this.mark) / 1_000_000.0;
			this.mark = now;
			return Math.max(0, ms);
		}

	}

}
