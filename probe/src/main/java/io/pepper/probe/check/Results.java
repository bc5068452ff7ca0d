package io.pepper.probe.check;

import java.time.Instant;

import io.pepper.contracts.v1.ApdexClass;
import io.pepper.contracts.v1.CheckResult;
import io.pepper.contracts.v1.EndpointSpec;
import io.pepper.contracts.v1.Outcome;
import io.pepper.contracts.v1.PhaseTimings;
import org.jspecify.annotations.Nullable;

/** Builds the one shape of result every checker returns, with its Apdex class. */
public final class Results {

	private Results() {
	}

	/** A result with no HTTP status, no body and no certificate. */
	public static CheckResult of(EndpointSpec spec, String location, Instant scheduledAt, Instant startedAt,
			PhaseTimings timings, Outcome outcome) {
		return of(spec, location, scheduledAt, startedAt, timings, null, 0, null, outcome, null);
	}

	public static CheckResult of(EndpointSpec spec, String location, Instant scheduledAt, Instant startedAt,
			PhaseTimings timings, @Nullable Integer status, long bytes, @Nullable Instant certificateExpiry,
			Outcome outcome, @Nullable String protocol) {
		return new CheckResult(spec.id(), spec.organizationId(), location, scheduledAt, startedAt, timings, status,
				bytes, certificateExpiry, outcome, spec.apdexThresholdMs(),
				ApdexClass.of(outcome, timings.totalMs(), spec.apdexThresholdMs()), protocol);
	}

}
