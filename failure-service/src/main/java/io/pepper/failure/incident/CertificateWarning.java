package io.pepper.failure.incident;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * When a certificate is warned about: at each threshold (days before its expiry) once,
 * the most urgent one it has reached; and when the warning ends, because the certificate
 * no longer expires within any threshold (it was renewed, or the thresholds changed). A
 * pure decision: the engine loads what was told, calls this, and stores the result.
 */
final class CertificateWarning {

	private CertificateWarning() {
	}

	/**
	 * What to do about a certificate seen to expire at {@code expiry}.
	 * @param thresholds days before expiry to warn at
	 * @param told the warning told last for this endpoint, or null
	 */
	static Decision decide(List<Integer> thresholds, Instant expiry, Instant now, @Nullable Told told) {
		long daysLeft = daysLeft(expiry, now);
		Integer reached = thresholds.stream().filter((days) -> daysLeft <= days).min(Integer::compare).orElse(null);
		if (reached == null) {
			return (told != null) ? new Decision.Clear() : new Decision.Nothing();
		}
		if (told != null && told.expiresAt().equals(expiry) && told.thresholdDays() <= reached) {
			return new Decision.Nothing();
		}
		return new Decision.Warn(reached, daysLeft);
	}

	/** Whole days until {@code expiry}; negative once it has passed. */
	static long daysLeft(Instant expiry, Instant now) {
		return Math.floorDiv(Duration.between(now, expiry).toSeconds(), Duration.ofDays(1).toSeconds());
	}

	/** The threshold told last for the certificate that expires at {@code expiresAt}. */
	record Told(Instant expiresAt, int thresholdDays) {
	}

	sealed interface Decision {

		/** Tell people: the certificate has reached {@code thresholdDays}. */
		record Warn(int thresholdDays, long daysLeft) implements Decision {
		}

		/** The warning is over. */
		record Clear() implements Decision {
		}

		/** Nothing new. */
		record Nothing() implements Decision {
		}

	}

}
