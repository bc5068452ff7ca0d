package io.pepper.probe.check.tcp;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;

import io.pepper.contracts.v1.CheckKind;
import io.pepper.contracts.v1.CheckResult;
import io.pepper.contracts.v1.CheckSettings;
import io.pepper.contracts.v1.EndpointSpec;
import io.pepper.contracts.v1.Outcome;
import io.pepper.contracts.v1.OutcomeKind;
import io.pepper.contracts.v1.Phase;
import io.pepper.probe.check.Checker;
import io.pepper.probe.check.Connector;
import io.pepper.probe.check.Connector.Phases;
import io.pepper.probe.check.Failures;
import io.pepper.probe.check.Results;
import org.jspecify.annotations.Nullable;

/**
 * Connects to {@code tcp://host:port}, optionally over TLS, optionally sends a text and
 * optionally waits for a text in the answer. Times DNS, connect, TLS and the first byte
 * of the answer; a phase that did not happen stays null.
 */
public final class TcpChecker implements Checker {

	/** How much of an answer a check reads while it looks for the expected text. */
	public static final int MAX_ANSWER_BYTES = 64 * 1024;

	private static final int QUOTED = 120;

	private final Connector connector;

	private final Clock clock;

	public TcpChecker(Connector connector, Clock clock) {
		this.connector = connector;
		this.clock = clock;
	}

	@Override
	public CheckKind kind() {
		return CheckKind.TCP;
	}

	@Override
	public CheckResult check(EndpointSpec spec, String location, Instant scheduledAt) {
		Instant startedAt = this.clock.instant();
		Phases phases = new Phases(System.nanoTime(), spec.timeoutMs());
		CheckSettings.Tcp settings = spec.settings(CheckSettings.Tcp.class);
		Outcome outcome;
		long bytes = 0;
		try {
			URI url = spec.url();
			try (Socket socket = this.connector.open(url.getHost(), url.getPort(), settings.tls(), phases)) {
				Answer answer = converse(socket, settings, phases);
				bytes = answer.bytes();
				outcome = answer.outcome();
			}
		}
		catch (IOException ex) {
			outcome = Failures.classify(ex, phases.phase(), false, spec.timeoutMs());
		}
		catch (RuntimeException ex) {
			outcome = Outcome.failed(OutcomeKind.CONNECTION_ERROR, phases.phase(), "the check could not run: " + ex);
		}
		return Results.of(spec, location, scheduledAt, startedAt, phases.timings(), null, bytes,
				(phases.certificate() != null) ? phases.certificate().getNotAfter().toInstant() : null, outcome, null);
	}

	private static Answer converse(Socket socket, CheckSettings.Tcp settings, Phases phases) throws IOException {
		if (settings.send() != null) {
			OutputStream out = socket.getOutputStream();
			out.write(settings.send().getBytes(StandardCharsets.UTF_8));
			out.flush();
		}
		String expect = settings.expect();
		if (expect == null) {
			return new Answer(Outcome.up(), 0);
		}
		phases.waiting();
		byte[] wanted = expect.getBytes(StandardCharsets.UTF_8);
		ByteArrayOutputStream answer = new ByteArrayOutputStream();
		InputStream in = socket.getInputStream();
		byte[] buffer = new byte[8192];
		while (answer.size() < MAX_ANSWER_BYTES) {
			socket.setSoTimeout(phases.remainingMillis());
			int read = in.read(buffer);
			if (read < 0) {
				break;
			}
			if (answer.size() == 0 && read > 0) {
				phases.firstByte();
			}
			answer.write(buffer, 0, Math.min(read, MAX_ANSWER_BYTES - answer.size()));
			if (contains(answer.toByteArray(), wanted)) {
				return new Answer(Outcome.up(), answer.size());
			}
		}
		String got = (answer.size() == 0) ? "the connection closed without an answer"
				: "the answer was '" + quote(answer.toString(StandardCharsets.UTF_8)) + "'"
						+ ((answer.size() >= MAX_ANSWER_BYTES) ? " (first " + MAX_ANSWER_BYTES + " bytes)" : "");
		return new Answer(
				Outcome.failed(OutcomeKind.ASSERTION_FAILED, (answer.size() == 0) ? Phase.FIRST_BYTE : Phase.BODY,
						"expected the answer to contain '" + quote(expect) + "' but " + got),
				answer.size());
	}

	private static boolean contains(byte[] data, byte[] wanted) {
		outer: for (int i = 0; i + wanted.length <= data.length; i++) {
			for (int j = 0; j < wanted.length; j++) {
				if (data[i + j] != wanted[j]) {
					continue outer;
				}
			}
			return true;
		}
		return false;
	}

	private static String quote(@Nullable String text) {
		if (text == null) {
			return "";
		}
		String shown = text.replace("\r", "\\r").replace("\n", "\\n");
		return (shown.length() > QUOTED) ? shown.substring(0, QUOTED) + "…" : shown;
	}

	private record Answer(Outcome outcome, long bytes) {
	}

}
