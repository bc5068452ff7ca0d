package io.pepper.probe.round;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/** Waits until an instant; tests pass one that moves a simulated clock instead. */
@FunctionalInterface
public interface Sleeper {

	/** Returns at or after {@code instant}; at once if it has passed. */
	void sleepUntil(Instant instant) throws InterruptedException;

	/** Sleeps on {@code clock}'s time, waking early never. */
	static Sleeper on(Clock clock) {
		return (instant) -> {
			Duration left;
			while ((left = Duration.between(clock.instant(), instant)).isPositive()) {
				Thread.sleep(left);
			}
		};
	}

}
