package io.pepper.receiver.store;

import org.jspecify.annotations.Nullable;

/**
 * Exact counts of an endpoint's checks over a window, all locations pooled.
 *
 * @param checks all checks
 * @param up checks whose outcome was UP
 * @param satisfied Apdex satisfied
 * @param tolerating Apdex tolerating
 * @param apdexThresholdMs the T of the latest check counted, or null without checks
 */
public record Tally(long checks, long up, long satisfied, long tolerating, @Nullable Integer apdexThresholdMs) {

	public static final Tally NONE = new Tally(0, 0, 0, 0, null);

	/** These and the later {@code other}; the later threshold wins. */
	public Tally plus(Tally other) {
		return new Tally(this.checks + other.checks, this.up + other.up, this.satisfied + other.satisfied,
				this.tolerating + other.tolerating,
				(other.apdexThresholdMs != null) ? other.apdexThresholdMs : this.apdexThresholdMs);
	}

	public @Nullable Double uptime() {
		return (this.checks == 0) ? null : (double) this.up / this.checks;
	}

	public @Nullable Double apdex() {
		return (this.checks == 0) ? null : (this.satisfied + this.tolerating / 2.0) / this.checks;
	}

}
