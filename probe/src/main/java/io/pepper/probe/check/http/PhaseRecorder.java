package io.pepper.probe.check.http;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.List;

import io.pepper.contracts.v1.Phase;
import io.pepper.contracts.v1.PhaseTimings;
import okhttp3.Call;
import okhttp3.EventListener;
import okhttp3.Handshake;
import okhttp3.Protocol;
import okhttp3.Response;
import org.jspecify.annotations.Nullable;

/**
 * Times the phases of one check from OkHttp's events. Durations of a phase add up over
 * redirect hops; first byte is measured from the start of the check to the final
 * response's headers.
 */
final class PhaseRecorder extends EventListener {

	private final long startNanos;

	private volatile Phase phase = Phase.DNS;

	private volatile long dnsStart;

	private volatile long dnsNanos = -1;

	private volatile long connectStart;

	private volatile boolean connectCounted;

	private volatile long connectNanos = -1;

	private volatile long tlsStart;

	private volatile long tlsNanos = -1;

	private volatile long firstByte = -1;

	private volatile @Nullable Instant certificateExpiry;

	private volatile @Nullable Protocol protocol;

	PhaseRecorder(long startNanos) {
		this.startNanos = startNanos;
	}

	long startNanos() {
		return this.startNanos;
	}

	/** The protocol of the last connection or response, as its ALPN id. */
	@Nullable String protocol() {
		Protocol known = this.protocol;
		return (known != null) ? known.toString() : null;
	}

	void protocol(Protocol protocol) {
		this.protocol = protocol;
	}

	/** The phase the check had reached, for a timeout or a failure. */
	Phase phase() {
		return this.phase;
	}

	@Nullable Instant certificateExpiry() {
		return this.certificateExpiry;
	}

	/** The body is being read now. */
	void bodyStarted() {
		this.phase = Phase.BODY;
	}

	PhaseTimings timings(long endNanos) {
		return new PhaseTimings(millis(this.dnsNanos), millis(this.connectNanos), millis(this.tlsNanos),
				(this.firstByte < 0) ? null : toMillis(this.firstByte - this.startNanos),
				toMillis(endNanos - this.startNanos));
	}

	@Override
	public void dnsStart(Call call, String domainName) {
		this.phase = Phase.DNS;
		this.dnsStart = System.nanoTime();
	}

	@Override
	public void dnsEnd(Call call, String domainName, List<InetAddress> inetAddressList) {
		this.dnsNanos = add(this.dnsNanos, System.nanoTime() - this.dnsStart);
	}

	@Override
	public void connectStart(Call call, InetSocketAddress inetSocketAddress, Proxy proxy) {
		this.phase = Phase.CONNECT;
		this.connectStart = System.nanoTime();
		this.connectCounted = false;
	}

	@Override
	public void secureConnectStart(Call call) {
		long now = System.nanoTime();
		countConnect(now);
		this.phase = Phase.TLS;
		this.tlsStart = now;
	}

	@Override
	public void secureConnectEnd(Call call, @Nullable Handshake handshake) {
		this.tlsNanos = add(this.tlsNanos, System.nanoTime() - this.tlsStart);
		if (handshake != null) {
			List<Certificate> peer = handshake.peerCertificates();
			if (!peer.isEmpty() && peer.getFirst() instanceof X509Certificate certificate) {
				this.certificateExpiry = certificate.getNotAfter().toInstant();
			}
		}
	}

	@Override
	public void connectEnd(Call call, InetSocketAddress inetSocketAddress, Proxy proxy, @Nullable Protocol protocol) {
		countConnect(System.nanoTime());
		if (protocol != null) {
			this.protocol = protocol;
		}
	}

	@Override
	public void requestHeadersStart(Call call) {
		this.phase = Phase.FIRST_BYTE;
	}

	@Override
	public void responseHeadersStart(Call call) {
		this.firstByte = System.nanoTime();
	}

	@Override
	public void responseHeadersEnd(Call call, Response response) {
		this.phase = Phase.BODY;
	}

	private void countConnect(long now) {
		if (!this.connectCounted) {
			this.connectCounted = true;
			this.connectNanos = add(this.connectNanos, now - this.connectStart);
		}
	}

	private static long add(long total, long nanos) {
		return (total < 0) ? nanos : total + nanos;
	}

	private static @Nullable Double millis(long nanos) {
		return (nanos < 0) ? null : toMillis(nanos);
	}

	private static double toMillis(long nanos) {
		return Math.max(0, nanos) / 1_000_000.0;
	}

}
