package io.pepper.receiver.history;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

import io.pepper.receiver.store.Resolution;

/**
 * Which data a series is computed from. {@link #AUTO} takes the coarsest resolution whose
 * buckets fit exactly into the steps, so every figure is exact: daily rollups for whole
 * days, hourly for whole hours, raw checks otherwise.
 */
enum ResolutionChoice {

	AUTO, RAW, HOURLY, DAILY;

	static ResolutionChoice parse(String value) {
		try {
			return valueOf(value.strip().toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException ex) {
			throw new BadHistoryRequestException(
					"resolution must be one of auto, raw, hourly, daily but was '" + value + "'");
		}
	}

	Resolution pick(Instant from, Instant to, Duration step) {
		if (this == AUTO) {
			for (Resolution candidate : List.of(Resolution.DAILY, Resolution.HOURLY)) {
				if (fits(candidate, from, to, step)) {
					return candidate;
				}
			}
			return Resolution.RAW;
		}
		Resolution chosen = Resolution.valueOf(name());
		if (chosen != Resolution.RAW && !fits(chosen, from, to, step)) {
			throw new BadHistoryRequestException("resolution " + name().toLowerCase(Locale.ROOT)
					+ " needs from, to and step on whole " + ((chosen == Resolution.DAILY) ? "days (UTC)" : "hours"));
		}
		return chosen;
	}

	private static boolean fits(Resolution resolution, Instant from, Instant to, Duration step) {
		long bucket = resolution.length().toMillis();
		return step.toMillis() % bucket == 0 && resolution.isAligned(from) && resolution.isAligned(to);
	}

}
