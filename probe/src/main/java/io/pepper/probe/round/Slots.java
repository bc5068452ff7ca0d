package io.pepper.probe.round;

import java.time.Duration;
import java.time.Instant;

/** Round slots: the multiples of the interval since the epoch. */
public final class Slots {

	private Slots() {
	}

	/** The start of the slot {@code now} falls in. */
	public static Instant current(Instant now, Duration interval) {
		long length = interval.toMillis();
		return Instant.ofEpochMilli(Math.floorDiv(now.toEpochMilli(), length) * length);
	}

	/** The first slot start strictly after {@code now}. */
	public static Instant next(Instant now, Duration interval) {
		return current(now, interval).plus(interval);
	}

}
