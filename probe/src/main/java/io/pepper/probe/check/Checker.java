package io.pepper.probe.check;

import java.time.Instant;

import io.pepper.contracts.v1.CheckKind;
import io.pepper.contracts.v1.CheckResult;
import io.pepper.contracts.v1.EndpointSpec;

/**
 * Checks endpoints of one kind. A checker never throws: every failure becomes a failed
 * {@link CheckResult} that says why.
 */
public interface Checker {

	/** The kind of spec this checker takes. */
	CheckKind kind();

	/**
	 * Checks {@code spec} now.
	 * @param location where the check runs
	 * @param scheduledAt the slot the check belongs to
	 */
	CheckResult check(EndpointSpec spec, String location, Instant scheduledAt);

}
