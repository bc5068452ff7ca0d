package io.pepper.failure;

import java.net.URI;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import io.pepper.contracts.v1.ApdexClass;
import io.pepper.contracts.v1.CheckResult;
import io.pepper.contracts.v1.FailureBatch;
import io.pepper.contracts.v1.FailureReport;
import io.pepper.contracts.v1.Outcome;
import io.pepper.contracts.v1.OutcomeKind;
import io.pepper.contracts.v1.Phase;
import io.pepper.contracts.v1.PhaseTimings;
import io.pepper.contracts.v1.WireJson;

/** Failure batches as probes send them. */
public final class Failures {

	private Failures() {
	}

	/**
	 * A report of a 500 from {@code endpointName} at {@code location}, in a fresh slot.
	 */
	public static FailureReport report(String endpointName, String url, String location) {
		Instant slot = Instant.now().truncatedTo(ChronoUnit.MINUTES);
		CheckResult result = new CheckResult(UUID.randomUUID(), UUID.randomUUID(), location, slot, slot.plusMillis(250),
				new PhaseTimings(1.0, 2.0, null, 30.0, 31.5), 500, 12, null,
				Outcome.failed(OutcomeKind.UNEXPECTED_STATUS, Phase.FIRST_BYTE, "expected 200-299 but got 500"), 300,
				ApdexClass.FRUSTRATED);
		return new FailureReport(endpointName, URI.create(url), result);
	}

	/** The same failure of the same endpoint and location, one minute later. */
	public static FailureReport next(FailureReport report) {
		CheckResult result = report.result();
		return new FailureReport(report.endpointName(), report.url(),
				new CheckResult(result.endpointId(), result.organizationId(), result.location(),
						result.scheduledAt().plusSeconds(60), result.startedAt().plusSeconds(60), result.timings(),
						result.status(), result.bytes(), result.tlsCertExpiresAt(), result.outcome(),
						result.apdexThresholdMs(), result.apdex()));
	}

	public static FailureBatch batch(FailureReport... reports) {
		return new FailureBatch(UUID.randomUUID(), "probe-test", List.of(reports));
	}

	public static String json(Object value) {
		return WireJson.mapper().writeValueAsString(value);
	}

}
