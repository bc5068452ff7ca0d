package io.pepper.receiver.store;

import java.time.Duration;
import java.time.Instant;

import io.pepper.receiver.ReceiverProperties;

/** How finely checks are kept: each check, or rolled up per hour or per day (UTC). */
public enum Resolution {

	RAW(Duration.ofMinutes(1)), HOURLY(Duration.ofHours(1)), DAILY(Duration.ofDays(1));

	private final Duration length;

	Resolution(Duration length) {
		this.length = length;
	}

	/** The length of one bucket; for raw, the probes' usual interval. */
	public Duration length() {
		return this.length;
	}

	/** The start of the bucket holding {@code time}. */
	public Instant floor(Instant time) {
		long millis = this.length.toMillis();
		return Instant.ofEpochMilli(Math.floorDiv(time.toEpochMilli(), millis) * millis);
	}

	/** Whether {@code time} is the start of a bucket. */
	public boolean isAligned(Instant time) {
		return floor(time).equals(time);
	}

	/** How long this resolution is kept. */
	public Duration keptFor(ReceiverProperties.Retention retention) {
		return switch (this) {
			case RAW -> retention.raw();
			case HOURLY -> retention.hourly();
			case DAILY -> retention.daily();
		};
	}

	/** The InfluxDB retention policy that keeps this resolution. */
	public String retentionPolicy(ReceiverProperties.Influx influx) {
		return switch (this) {
			case RAW -> influx.retentionPolicy();
			case HOURLY -> influx.hourlyRetentionPolicy();
			case DAILY -> influx.dailyRetentionPolicy();
		};
	}

}
