package io.pepper.probe.check;

import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateNotYetValidException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

import javax.net.ssl.SSLException;
import javax.net.ssl.SSLPeerUnverifiedException;

import io.pepper.contracts.v1.Outcome;
import io.pepper.contracts.v1.OutcomeKind;
import io.pepper.contracts.v1.Phase;
import io.pepper.net.BlockedTargetException;
import io.pepper.probe.dns.DnsTimeoutException;
import org.jspecify.annotations.Nullable;

/** Turns what went wrong during a check into an outcome that says why. */
public final class Failures {

	private Failures() {
	}

	public static Outcome classify(Throwable failure, Phase phase, boolean timedOut, long timeoutMs) {
		List<Throwable> chain = chain(failure);
		BlockedTargetException blocked = find(chain, BlockedTargetException.class);
		if (blocked != null) {
			return Outcome.failed(OutcomeKind.BLOCKED, phase, "blocked: " + blocked.getMessage());
		}
		if (timedOut || failure instanceof InterruptedIOException) {
			return Outcome.failed(OutcomeKind.TIMEOUT, phase,
					"no answer within " + timeoutMs + " ms (" + describe(phase) + ")");
		}
		DnsTimeoutException dnsTimeout = find(chain, DnsTimeoutException.class);
		if (dnsTimeout != null) {
			return Outcome.failed(OutcomeKind.TIMEOUT, Phase.DNS,
					"no answer within " + timeoutMs + " ms (" + describe(Phase.DNS) + ")");
		}
		UnknownHostException unknownHost = find(chain, UnknownHostException.class);
		if (unknownHost != null) {
			return Outcome.failed(OutcomeKind.DNS_FAILURE, Phase.DNS,
					"cannot resolve host " + unknownHost.getMessage());
		}
		SSLPeerUnverifiedException unverified = find(chain, SSLPeerUnverifiedException.class);
		if (unverified != null) {
			return Outcome.failed(OutcomeKind.TLS_ERROR, Phase.TLS,
					"certificate does not match the host name: " + firstLine(unverified.getMessage()));
		}
		SSLException tls = find(chain, SSLException.class);
		if (tls != null) {
			return Outcome.failed(OutcomeKind.TLS_ERROR, Phase.TLS, tlsReason(chain, tls));
		}
		ConnectException refused = find(chain, ConnectException.class);
		if (refused != null) {
			return Outcome.failed(OutcomeKind.CONNECTION_REFUSED, Phase.CONNECT,
					"connection refused: " + messages(chain));
		}
		return Outcome.failed(OutcomeKind.CONNECTION_ERROR, phase,
				"connection failed (" + describe(phase) + "): " + messages(chain));
	}

	private static String tlsReason(List<Throwable> chain, SSLException tls) {
		if (find(chain, CertificateExpiredException.class) != null) {
			return "certificate expired";
		}
		if (find(chain, CertificateNotYetValidException.class) != null) {
			return "certificate not yet valid";
		}
		CertPathValidatorException invalid = find(chain, CertPathValidatorException.class);
		if (invalid != null && invalid.getReason() == CertPathValidatorException.BasicReason.EXPIRED) {
			return "certificate expired";
		}
		String all = messages(chain);
		if (all.contains("PKIX path building failed") || all.contains("unable to find valid certification path")) {
			return "certificate not trusted (unknown issuer or self-signed)";
		}
		if (invalid != null) {
			return "certificate not trusted (" + firstLine(invalid.getMessage()) + ")";
		}
		if (all.contains("No subject alternative") || all.contains("doesn't match any of the subject alternative")) {
			return "certificate does not match the host name: " + firstLine(tls.getMessage());
		}
		return "TLS handshake failed: " + firstLine(tls.getMessage());
	}

	private static String describe(Phase phase) {
		return switch (phase) {
			case DNS -> "resolving the host name";
			case CONNECT -> "connecting";
			case TLS -> "during the TLS handshake";
			case FIRST_BYTE -> "waiting for the response";
			case BODY -> "reading the body";
		};
	}

	/** The exception, its causes and suppressed exceptions, each once. */
	private static List<Throwable> chain(Throwable failure) {
		List<Throwable> all = new ArrayList<>();
		Map<Throwable, Boolean> seen = new IdentityHashMap<>();
		Deque<Throwable> todo = new ArrayDeque<>();
		todo.add(failure);
		while (!todo.isEmpty()) {
			Throwable next = todo.poll();
			if (seen.put(next, Boolean.TRUE) != null) {
				continue;
			}
			all.add(next);
			if (next.getCause() != null) {
				todo.add(next.getCause());
			}
			todo.addAll(List.of(next.getSuppressed()));
		}
		return all;
	}

	private static <T extends Throwable> @Nullable T find(List<Throwable> chain, Class<T> type) {
		for (Throwable candidate : chain) {
			if (type.isInstance(candidate)) {
				return type.cast(candidate);
			}
		}
		return null;
	}

	private static String messages(List<Throwable> chain) {
		StringBuilder text = new StringBuilder();
		for (Throwable candidate : chain) {
			String message = firstLine(candidate.getMessage());
			if (!message.isEmpty() && text.indexOf(message) < 0) {
				text.append((text.isEmpty()) ? "" : ": ").append(message);
			}
		}
		return (text.isEmpty()) ? chain.getFirst().getClass().getSimpleName() : text.toString();
	}

	private static String firstLine(@Nullable String message) {
		if (message == null) {
			return "";
		}
		int newline = message.indexOf('\n');
		return ((newline < 0) ? message : message.substring(0, newline)).trim();
	}

}
