package io.pepper.receiver.trend;

import io.pepper.contracts.v1.TrendSensitivity;
import org.jspecify.annotations.Nullable;

/**
 * How a sensitivity tunes the CUSUM: the detector tests "the Apdex loss per check (0
 * satisfied, 0.5 tolerating, 1 frustrated) grew to {@code ratio} times its baseline" and
 * decides once the evidence (log-likelihood ratio) passes {@code threshold}. Values come
 * from the simulation in TrendSimulationTest.
 *
 * @param ratio the growth of the loss the detector is tuned to
 * @param threshold the evidence needed to decide, in nats
 */
public record TrendParameters(double ratio, double threshold) {

	public static final TrendParameters LOW = new TrendParameters(3.0, 12);

	public static final TrendParameters MEDIUM = new TrendParameters(2.0, 10);

	public static final TrendParameters HIGH = new TrendParameters(2.0, 7);

	/** The parameters of a sensitivity, or null when it is OFF. */
	public static @Nullable TrendParameters of(TrendSensitivity sensitivity) {
		return switch (sensitivity) {
			case OFF -> null;
			case LOW -> LOW;
			case MEDIUM -> MEDIUM;
			case HIGH -> HIGH;
		};
	}

}
