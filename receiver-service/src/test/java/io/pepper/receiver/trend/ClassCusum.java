package io.pepper.receiver.trend;

import io.pepper.contracts.v1.TrendSensitivity;

/**
 * The detector Pepper used before, kept as the study's baseline: a one-sided CUSUM on the
 * Apdex loss of each check (0 satisfied, 0.5 tolerating, 1 frustrated) against one
 * constant baseline, the mean of the first 4,320 checks, tuned to "the loss is now ratio
 * x baseline". Mutable: one instance per simulated endpoint.
 */
final class ClassCusum {

	static final int WARM_UP = 4_320;

	static final double BASELINE_WEIGHT = 1.0 / 100_000;

	static final double MIN_BASELINE_LOSS = 0.005;

	private final double ratio;

	private final double threshold;

	private long checks;

	private double baselineLoss;

	private double evidence;

	private boolean degraded;

	ClassCusum(TrendSensitivity sensitivity) {
		switch (sensitivity) {
			case LOW -> {
				this.ratio = 3.0;
				this.threshold = 12;
			}
			case MEDIUM -> {
				this.ratio = 2.0;
				this.threshold = 10;
			}
			case HIGH -> {
				this.ratio = 2.0;
				this.threshold = 7;
			}
			default -> throw new IllegalArgumentException("no parameters for " + sensitivity);
		}
	}

	/**
	 * Observes one check's Apdex score; +1 for a reported drop, -1 for a recovery, else
	 * 0.
	 */
	int observe(double score) {
		double loss = 1 - score;
		this.checks++;
		if (this.checks <= WARM_UP) {
			this.baselineLoss += (loss - this.baselineLoss) / this.checks;
			return 0;
		}
		double m0 = Math.max(MIN_BASELINE_LOSS, this.baselineLoss);
		double m1 = Math.min(0.99, this.ratio * m0);
		double dropEvidence = loss * Math.log(m1 / m0) + (1 - loss) * Math.log((1 - m1) / (1 - m0));
		if (!this.degraded) {
			this.evidence = Math.max(0, this.evidence + dropEvidence);
			this.baselineLoss += BASELINE_WEIGHT * (loss - this.baselineLoss);
			if (this.evidence > this.threshold) {
				this.evidence = 0;
				this.degraded = true;
				return 1;
			}
			return 0;
		}
		this.evidence = Math.max(0, this.evidence - dropEvidence);
		if (this.evidence > this.threshold / 2) {
			this.evidence = 0;
			this.degraded = false;
			return -1;
		}
		return 0;
	}

	/**
	 * A T change: the old detector learnt everything again, and recovered if degraded.
	 */
	int reset() {
		boolean was = this.degraded;
		this.checks = 0;
		this.baselineLoss = 0;
		this.evidence = 0;
		this.degraded = false;
		return was ? -1 : 0;
	}

}
