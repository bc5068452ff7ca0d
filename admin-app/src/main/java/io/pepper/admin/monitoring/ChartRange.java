package io.pepper.admin.monitoring;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

import io.pepper.contracts.v1.LocationHistory;
import org.jspecify.annotations.Nullable;

/**
 * The time range of the endpoint page's charts and the step of their points: the step
 * receiver-service chooses for a range that long
 * ({@link LocationHistory#autoStepSeconds}: a minute, an hour or a day), with the range's
 * ends on whole steps so its hourly and daily rollups answer exactly.
 *
 * @param name {@code 1h}, {@code 24h}, {@code 7d}, {@code 30d}, {@code 90d} or
 * {@code custom}
 * @param from the first instant (inclusive)
 * @param to the end (exclusive)
 * @param step the length of each point
 */
public record ChartRange(String name, Instant from, Instant to, Duration step) {

	public static final List<String> PRESETS = List.of("1h", "24h", "7d", "30d", "90d");

	static final Duration MAX = Duration.ofDays(400);

	/**
	 * A preset range ending now, or a custom one.
	 * @throws IllegalArgumentException naming what is wrong with the request
	 */
	public static ChartRange of(String name, @Nullable Instant customFrom, @Nullable Instant customTo, Instant now) {
		String range = name.strip().toLowerCase(Locale.ROOT);
		return switch (range) {
			case "1h" -> ending(range, now, Duration.ofHours(1));
			case "24h" -> ending(range, now, Duration.ofHours(24));
			case "7d" -> ending(range, now, Duration.ofDays(7));
			case "30d" -> ending(range, now, Duration.ofDays(30));
			case "90d" -> ending(range, now, Duration.ofDays(90));
			case "custom" -> custom(customFrom, customTo);
			default -> throw new IllegalArgumentException(
					"range must be one of 1h, 24h, 7d, 30d, 90d or custom but was '" + name + "'");
		};
	}

	/** receiver-service's own choice of step for a range of this length. */
	private static Duration step(Duration length) {
		return Duration.ofSeconds(LocationHistory.autoStepSeconds(length.toSeconds()));
	}

	private static ChartRange ending(String name, Instant now, Duration length) {
		Duration step = step(length);
		Instant to = ceil(now, step);
		return new ChartRange(name, to.minus(length), to, step);
	}

	private static ChartRange custom(@Nullable Instant from, @Nullable Instant to) {
		if (from == null || to == null) {
			throw new IllegalArgumentException("a custom range needs from and to");
		}
		if (!from.isBefore(to)) {
			throw new IllegalArgumentException("from must be before to");
		}
		if (Duration.between(from, to).compareTo(MAX) > 0) {
			throw new IllegalArgumentException("a custom range may span at most 400 days");
		}
		Duration step = step(Duration.between(from, to));
		return new ChartRange("custom", floor(from, step), ceil(to, step), step);
	}

	private static Instant floor(Instant instant, Duration step) {
		long millis = step.toMillis();
		return Instant.ofEpochMilli(Math.floorDiv(instant.toEpochMilli(), millis) * millis);
	}

	private static Instant ceil(Instant instant, Duration step) {
		Instant floor = floor(instant, step);
		return floor.equals(instant) ? instant : floor.plus(step);
	}

}
