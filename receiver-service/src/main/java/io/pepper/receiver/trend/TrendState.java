package io.pepper.receiver.trend;

import java.util.Map;

/**
 * What the detector remembers of one endpoint.
 *
 * @param checks checks observed since the threshold T last changed
 * @param baselineLoss the long-run mean Apdex loss per check (1 - Apdex), frozen while
 * degraded
 * @param recentLoss the mean loss of roughly the last hundred checks
 * @param evidence the CUSUM of evidence for a drop (not degraded) or for a recovery
 * (degraded)
 * @param degraded whether a drop was reported and not yet its recovery
 * @param thresholdMs the T the scores are for
 * @param seen per location, the scheduled time (epoch ms) of the latest check observed,
 * so a replayed check is not counted twice
 */
public record TrendState(long checks, double baselineLoss, double recentLoss, double evidence, boolean degraded,
		int thresholdMs, Map<String, Long> seen) {

	public static TrendState initial(int thresholdMs) {
		return new TrendState(0, 0, 0, 0, false, thresholdMs, Map.of());
	}

	public double baselineApdex() {
		return 1 - this.baselineLoss;
	}

	public double recentApdex() {
		return 1 - this.recentLoss;
	}

}
