package io.pepper.receiver.trend;

import java.time.Duration;

import io.pepper.contracts.v1.TrendSensitivity;
import org.jspecify.annotations.Nullable;

/**
 * How a sensitivity tunes the detector. Each check is scored by where its latency falls
 * in the location's baseline (a normal score; a failed check scores the most), scores are
 * averaged per 5-minute and per 1-hour bin across locations and standardized by how much
 * such bins vary on this endpoint, and two CUSUMs add up what exceeds a reference value.
 * The 5-minute one catches steps, the 1-hour one slow drifts. Every field of HIGH is at
 * most MEDIUM's, and MEDIUM's at most LOW's, so HIGH is never slower than MEDIUM or LOW.
 * Values come from the trend study (scripts/bench/trend).
 *
 * @param reference the standardized 5-minute excess a CUSUM step must beat
 * @param threshold the CUSUM of 5-minute bins that decides
 * @param slowReference the same for 1-hour bins
 * @param slowThreshold the CUSUM of 1-hour bins that decides
 * @param minimumDuration how long a drop must last before it is reported; its 5-minute
 * bins must exceed the reference (all but one, and the latest)
 * @param apdexFloor the endpoint's Apdex floor: an Apdex below it over the minimum
 * duration is a drop however the baseline looks; null for none (then
 * {@link TrendDetector#PRIOR_APDEX} serves during the warm-up)
 */
public record TrendParameters(double reference, double threshold, double slowReference, double slowThreshold,
		Duration minimumDuration, @Nullable Double apdexFloor) {

	public static final TrendParameters LOW = new TrendParameters(1.0, 14, 1.0, 9, Duration.ofMinutes(45), null);

	public static final TrendParameters MEDIUM = new TrendParameters(1.0, 10, 0.9, 8, Duration.ofMinutes(30), null);

	public static final TrendParameters HIGH = new TrendParameters(0.8, 8, 0.8, 7, Duration.ofMinutes(20), null);

	public TrendParameters {
		if (minimumDuration.compareTo(TrendDetector.BIN) < 0) {
			throw new IllegalArgumentException("the minimum duration of a drop must be at least "
					+ TrendDetector.BIN.toMinutes() + " minutes but was " + minimumDuration);
		}
	}

	/** The parameters of a sensitivity, or null when it is OFF. */
	public static @Nullable TrendParameters of(TrendSensitivity sensitivity) {
		return switch (sensitivity) {
			case OFF -> null;
			case LOW -> LOW;
			case MEDIUM -> MEDIUM;
			case HIGH -> HIGH;
		};
	}

	/** These parameters with another minimum duration. */
	public TrendParameters withMinimumDuration(Duration duration) {
		return new TrendParameters(this.reference, this.threshold, this.slowReference, this.slowThreshold, duration,
				this.apdexFloor);
	}

	/** These parameters with an endpoint's Apdex floor, or none. */
	public TrendParameters withApdexFloor(@Nullable Double floor) {
		return new TrendParameters(this.reference, this.threshold, this.slowReference, this.slowThreshold,
				this.minimumDuration, floor);
	}

}
