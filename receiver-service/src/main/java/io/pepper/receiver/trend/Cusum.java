package io.pepper.receiver.trend;

import io.pepper.contracts.v1.TrendEvent;
import org.jspecify.annotations.Nullable;

/**
 * A one-sided CUSUM on the Apdex loss of each check (0 satisfied, 0.5 tolerating, 1
 * frustrated). Against a baseline loss m0 it accumulates the log-likelihood ratio of "the
 * loss is now r x m0" and reports a drop when that passes the threshold; while degraded
 * it accumulates the reverse ratio and reports the recovery the same way. This is a CUSUM
 * on the per-check score whose reference value follows the baseline, so one setting suits
 * an endpoint at Apdex 0.99 and one at 0.90. Pure and deterministic; the simulation test
 * measures it.
 */
public final class Cusum {

	/**
	 * Checks before the baseline is trusted: a day at three locations. Fewer leave the
	 * baseline of a 1% loss too uncertain to tell it from 2%.
	 */
	static final int WARM_UP = 4_320;

	/** The baseline follows slow changes only: a month of checks at three locations. */
	static final double BASELINE_WEIGHT = 1.0 / 100_000;

	static final double RECENT_WEIGHT = 1.0 / 100;

	/**
	 * A perfect endpoint still gets a small baseline loss, so one bad check is not proof.
	 */
	static final double MIN_BASELINE_LOSS = 0.005;

	private Cusum() {
	}

	/** The next state after one check, and the transition it caused if any. */
	public static Step observe(TrendState state, double score, TrendParameters parameters) {
		double loss = 1 - score;
		long checks = state.checks() + 1;
		double recent = (checks == 1) ? loss : state.recentLoss() + RECENT_WEIGHT * (loss - state.recentLoss());
		if (checks <= WARM_UP) {
			double baseline = state.baselineLoss() + (loss - state.baselineLoss()) / checks;
			return new Step(new TrendState(checks, baseline, recent, 0, false, state.thresholdMs(), state.seen()),
					null);
		}
		double m0 = Math.max(MIN_BASELINE_LOSS, state.baselineLoss());
		double m1 = Math.min(0.99, parameters.ratio() * m0);
		double dropEvidence = loss * Math.log(m1 / m0) + (1 - loss) * Math.log((1 - m1) / (1 - m0));
		if (!state.degraded()) {
			double evidence = Math.max(0, state.evidence() + dropEvidence);
			double baseline = state.baselineLoss() + BASELINE_WEIGHT * (loss - state.baselineLoss());
			if (evidence > parameters.threshold()) {
				return new Step(new TrendState(checks, state.baselineLoss(), recent, 0, true, state.thresholdMs(),
						state.seen()), TrendEvent.Kind.DEGRADED);
			}
			return new Step(
					new TrendState(checks, baseline, recent, evidence, false, state.thresholdMs(), state.seen()), null);
		}
		double evidence = Math.max(0, state.evidence() - dropEvidence);
		// A late recovery costs more than a hasty one, which the next drop corrects.
		if (evidence > parameters.threshold() / 2) {
			return new Step(
					new TrendState(checks, state.baselineLoss(), recent, 0, false, state.thresholdMs(), state.seen()),
					TrendEvent.Kind.RECOVERED);
		}
		return new Step(
				new TrendState(checks, state.baselineLoss(), recent, evidence, true, state.thresholdMs(), state.seen()),
				null);
	}

	/**
	 * A state and the transition that led to it.
	 *
	 * @param state the state after the check
	 * @param transition DEGRADED or RECOVERED when the check decided one, else null
	 */
	public record Step(TrendState state, TrendEvent.@Nullable Kind transition) {

	}

}
