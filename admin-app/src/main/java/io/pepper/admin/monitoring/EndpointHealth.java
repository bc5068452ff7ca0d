package io.pepper.admin.monitoring;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.pepper.contracts.v1.EndpointSummary;
import io.pepper.contracts.v1.IncidentView;
import org.jspecify.annotations.Nullable;

/**
 * One endpoint's live figures with the words the pages show for them; the same record
 * feeds the page and its JSON refresh.
 *
 * @param endpointId the endpoint
 * @param status what it is doing now
 * @param statusLabel the status as written ({@code NO DATA})
 * @param lastCheckAt the latest check, if any
 * @param age how long ago that was, in words
 * @param failingLocations the locations whose latest check failed
 * @param uptime24h share of UP checks over 24 hours (0..1)
 * @param uptime7d over 7 days
 * @param uptime30d over 30 days
 * @param uptime24hText written as a percentage
 * @param uptime7dText written as a percentage
 * @param uptime30dText written as a percentage
 * @param apdex24h the Apdex score over 24 hours
 * @param apdexThresholdMs its T
 * @param apdexText written the standard way, {@code 0.94 [0.5 s]}
 * @param apdexRating the rating band of the score
 * @param p95Ms24h the 95th percentile of total time over 24 hours
 * @param p95Text written in ms or s
 * @param hours 24 cells, oldest first
 * @param tlsCertExpiresAt the earliest certificate expiry seen, for https
 * @param p95Ms7d the 95th percentile over the 7 days before today
 * @param p95MsPrevious7d over the 7 days before those
 * @param openIncidentId the open incident, if any
 */
public record EndpointHealth(UUID endpointId, LiveStatus status, String statusLabel, @Nullable Instant lastCheckAt,
		String age, List<String> failingLocations, @Nullable Double uptime24h, @Nullable Double uptime7d,
		@Nullable Double uptime30d, String uptime24hText, String uptime7dText, String uptime30dText,
		@Nullable Double apdex24h, @Nullable Integer apdexThresholdMs, String apdexText, String apdexRating,
		@Nullable Double p95Ms24h, String p95Text, List<Hour> hours, @Nullable Instant tlsCertExpiresAt,
		@Nullable Double p95Ms7d, @Nullable Double p95MsPrevious7d, @Nullable UUID openIncidentId) {

	/** Cells of the bar. */
	static final int HOURS = 24;

	/**
	 * One hour of the 24-hour bar.
	 *
	 * @param start when the hour starts
	 * @param uptime its uptime, or null without checks
	 * @param level {@code up}, {@code partial}, {@code down} or {@code none}, for its
	 * colour
	 * @param title what a hover says
	 */
	public record Hour(Instant start, @Nullable Double uptime, String level, String title) {

	}

	static EndpointHealth of(UUID endpoint, boolean enabled, @Nullable EndpointSummary summary,
			@Nullable IncidentView open, Instant now) {
		EndpointSummary figures = (summary != null) ? summary
				: new EndpointSummary(endpoint, null, null, null, null, null, null, null, null);
		LiveStatus status = LiveStatus.of(enabled, summary, (open != null) ? open.kind() : null);
		return new EndpointHealth(endpoint, status, status.label(), figures.lastCheckAt(),
				Figures.age(figures.lastCheckAt(), now), LiveStatus.failingLocations(figures), figures.uptime24h(),
				figures.uptime7d(), figures.uptime30d(), Figures.percent(figures.uptime24h()),
				Figures.percent(figures.uptime7d()), Figures.percent(figures.uptime30d()), figures.apdex24h(),
				figures.apdexThresholdMs(), Figures.apdex(figures.apdex24h(), figures.apdexThresholdMs()),
				Figures.rating(figures.apdex24h()), figures.p95Ms24h(), Figures.millis(figures.p95Ms24h()),
				hours(figures, now), figures.tlsCertExpiresAt(), figures.p95Ms7d(), figures.p95MsPrevious7d(),
				(open != null) ? open.id() : null);
	}

	private static List<Hour> hours(EndpointSummary summary, Instant now) {
		Map<Instant, @Nullable Double> known = new HashMap<>();
		summary.hours().forEach((hour) -> known.put(hour.start(), hour.uptime()));
		Instant firstHour = now.truncatedTo(ChronoUnit.HOURS).minus(Duration.ofHours(HOURS - 1));
		List<Hour> hours = new ArrayList<>(HOURS);
		for (int i = 0; i < HOURS; i++) {
			Instant start = firstHour.plus(Duration.ofHours(i));
			Double uptime = known.get(start);
			String level = Figures.level(uptime);
			String title = start.toString().substring(11, 16) + " UTC: "
					+ ((uptime == null) ? "no checks" : Figures.percent(uptime) + " up");
			hours.add(new Hour(start, uptime, level, title));
		}
		return hours;
	}

	/** Days until the certificate expires, rounded down; null without one. */
	public @Nullable Long certificateDaysLeft(Instant now) {
		return (this.tlsCertExpiresAt != null) ? Duration.between(now, this.tlsCertExpiresAt).toDays() : null;
	}

	/**
	 * How much the 7-day p95 grew against the 7 days before, as a ratio; null if unknown.
	 */
	public @Nullable Double p95Growth() {
		if (this.p95Ms7d == null || this.p95MsPrevious7d == null || this.p95MsPrevious7d <= 0) {
			return null;
		}
		return this.p95Ms7d / this.p95MsPrevious7d - 1;
	}

}
