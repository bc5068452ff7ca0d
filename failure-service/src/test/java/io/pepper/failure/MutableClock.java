package io.pepper.failure;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** A clock tests move by hand, so reminders and flapping windows need no sleeping. */
public final class MutableClock extends Clock {

	private volatile Instant now;

	public MutableClock(Instant start) {
		this.now = start;
	}

	public void advance(Duration duration) {
		this.now = this.now.plus(duration);
	}

	/**
	 * Back to the time of day, for tests whose far end compares with the wall clock (a
	 * Standard Webhooks verifier); only for fresh endpoints, as earlier ones may have
	 * times ahead of it.
	 */
	public void resetToWallClock() {
		this.now = Instant.now();
	}

	@Override
	public Instant instant() {
		return this.now;
	}

	@Override
	public ZoneId getZone() {
		return ZoneOffset.UTC;
	}

	@Override
	public Clock withZone(ZoneId zone) {
		throw new UnsupportedOperationException("a test clock stays in UTC");
	}

}
