package io.pepper.contracts.v1;

/**
 * How a check counts towards the Apdex score of its endpoint, per the Apdex
 * specification: satisfied at or under T, tolerating up to 4T, frustrated above, and
 * failed checks frustrated.
 */
public enum ApdexClass {

	SATISFIED, TOLERATING, FRUSTRATED;

	public static ApdexClass of(Outcome outcome, double totalMs, int thresholdMs) {
		if (!outcome.isUp() || totalMs > 4.0 * thresholdMs) {
			return FRUSTRATED;
		}
		return (totalMs <= thresholdMs) ? SATISFIED : TOLERATING;
	}

}
