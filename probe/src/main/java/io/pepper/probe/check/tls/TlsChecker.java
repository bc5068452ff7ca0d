package io.pepper.probe.check.tls;

import java.io.IOException;
import java.net.Socket;
import java.net.URI;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import io.pepper.contracts.v1.CheckKind;
import io.pepper.contracts.v1.CheckResult;
import io.pepper.contracts.v1.EndpointSpec;
import io.pepper.contracts.v1.Outcome;
import io.pepper.contracts.v1.OutcomeKind;
import io.pepper.contracts.v1.Phase;
import io.pepper.probe.check.Certificates;
import io.pepper.probe.check.Checker;
import io.pepper.probe.check.Connector;
import io.pepper.probe.check.Connector.Phases;
import io.pepper.probe.check.Failures;
import io.pepper.probe.check.Results;

/**
 * Makes a TLS handshake with {@code tls://host:port} and nothing more, to judge the
 * server's certificate: the chain must be trusted and name the host, as for HTTPS. The
 * result carries the expiry (from which failure-service warns ahead of it); its reason
 * names the subject, issuer, SANs and the days left.
 */
public final class TlsChecker implements Checker {

	private final Connector connector;

	private final Clock clock;

	public TlsChecker(Connector connector, Clock clock) {
		this.connector = connector;
		this.clock = clock;
	}

	@Override
	public CheckKind kind() {
		return CheckKind.TLS;
	}

	@Override
	public CheckResult check(EndpointSpec spec, String location, Instant scheduledAt) {
		Instant startedAt = this.clock.instant();
		Phases phases = new Phases(System.nanoTime(), spec.timeoutMs());
		Outcome outcome;
		X509Certificate certificate = null;
		try {
			URI url = spec.url();
			try (Socket socket = this.connector.open(url.getHost(), url.getPort(), true, phases)) {
				certificate = phases.certificate();
				outcome = (certificate != null) ? Outcome.up(describe(certificate, this.clock.instant()))
						: Outcome.failed(OutcomeKind.TLS_ERROR, Phase.TLS, "the server sent no certificate");
			}
		}
		catch (IOException ex) {
			outcome = Failures.classify(ex, phases.phase(), false, spec.timeoutMs());
		}
		catch (RuntimeException ex) {
			outcome = Outcome.failed(OutcomeKind.TLS_ERROR, phases.phase(), "the check could not run: " + ex);
		}
		return Results.of(spec, location, scheduledAt, startedAt, phases.timings(), null, 0,
				(certificate != null) ? certificate.getNotAfter().toInstant() : null, outcome, null);
	}

	/**
	 * Whole days from {@code now} until the certificate expires; negative once it has.
	 */
	public static long daysLeft(Instant expiry, Instant now) {
		return Math.floorDiv(Duration.between(now, expiry).toSeconds(), Duration.ofDays(1).toSeconds());
	}

	static String describe(X509Certificate certificate, Instant now) {
		Instant expiry = certificate.getNotAfter().toInstant();
		return "certificate " + certificate.getSubjectX500Principal().getName() + " issued by "
				+ certificate.getIssuerX500Principal().getName() + " for "
				+ String.join(", ", Certificates.subjectAlternativeNames(certificate)) + " expires " + expiry + " (in "
				+ daysLeft(expiry, now) + " days)";
	}

}
