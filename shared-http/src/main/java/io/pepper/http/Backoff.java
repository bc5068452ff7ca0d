package io.pepper.http;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Capped exponential backoff: {@code first} after the first failure, doubling per further
 * failure up to {@code max}. With jitter, each wait is drawn evenly from its upper half,
 * so many senders that failed together do not come back together.
 *
 * @param first the wait after the first failure
 * @param max the longest wait
 * @param jitter whether waits are spread over their upper half
 */
public record Backoff(Duration first, Duration max, boolean jitter) {

	public Backoff {
		if (first.isNegative() || first.isZero()) {
			throw new IllegalArgumentException("the first backoff must be positive but was " + first);
		}
		if (max.compareTo(first) < 0) {
			throw new IllegalArgumentException(
					"the longest backoff (" + max + ") must not be shorter than the first (" + first + ")");
		}
	}

	/** Without jitter. */
	public static Backoff exponential(Duration first, Duration max) {
		return new Backoff(first, max, false);
	}

	/** The same waits, spread over their upper half. */
	public Backoff withJitter() {
		return new Backoff(this.first, this.max, true);
	}

	/** How long to wait after {@code failures} failures in a row (at least one). */
	public Duration after(int failures) {
		Duration wait = this.first;
		for (int i = 1; i < failures && wait.compareTo(this.max) < 0; i++) {
			wait = wait.multipliedBy(2);
		}
		Duration capped = (wait.compareTo(this.max) > 0) ? this.max : wait;
		if (!this.jitter) {
			return capped;
		}
		long nanos = capped.toNanos();
		return Duration.ofNanos(nanos - ThreadLocalRandom.current().nextLong(nanos / 2 + 1));
	}

}
