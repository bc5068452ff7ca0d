package io.pepper.probe.check;

import java.time.Clock;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import io.pepper.contracts.v1.CheckKind;
import io.pepper.contracts.v1.CheckResult;
import io.pepper.contracts.v1.EndpointSpec;
import io.pepper.contracts.v1.Outcome;
import io.pepper.contracts.v1.OutcomeKind;
import io.pepper.contracts.v1.PhaseTimings;

/** The checkers of a probe, one per kind; each spec goes to the checker of its kind. */
public final class Checkers {

	private final Map<CheckKind, Checker> byKind;

	private final Clock clock;

	public Checkers(List<Checker> checkers, Clock clock) {
		Map<CheckKind, Checker> byKind = new EnumMap<>(CheckKind.class);
		for (Checker checker : checkers) {
			Checker previous = byKind.put(checker.kind(), checker);
			if (previous != null) {
				throw new IllegalArgumentException("two checkers for " + checker.kind() + ": "
						+ previous.getClass().getName() + " and " + checker.getClass().getName());
			}
		}
		this.byKind = Map.copyOf(byKind);
		this.clock = clock;
	}

	/** Checks {@code spec} with the checker of its kind. */
	public CheckResult check(EndpointSpec spec, String location, Instant scheduledAt) {
		Checker checker = this.byKind.get(spec.kind());
		if (checker == null) {
			// A probe older than the admin: the owner learns it from an incident, not
			// silence.
			Outcome outcome = Outcome.failed(OutcomeKind.INVALID_SPEC, null,
					"this probe cannot run " + spec.kind() + " checks");
			return Results.of(spec, location, scheduledAt, this.clock.instant(),
					new PhaseTimings(null, null, null, null, 0), outcome);
		}
		return checker.check(spec, location, scheduledAt);
	}

	/** The kinds this probe can check. */
	public java.util.Set<CheckKind> kinds() {
		return this.byKind.keySet();
	}

}
