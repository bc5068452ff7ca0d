package io.pepper.receiver.history;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import io.pepper.contracts.v1.CheckResult;
import io.pepper.contracts.v1.EndpointSummary;
import io.pepper.contracts.v1.HistoryPoint;
import io.pepper.contracts.v1.HistoryResolution;
import io.pepper.contracts.v1.HistorySeries;
import io.pepper.contracts.v1.LocationHistory;
import io.pepper.contracts.v1.RecentChecks;
import io.pepper.receiver.store.Bucket;
import io.pepper.receiver.store.LastCheck;
import io.pepper.receiver.store.MetricQueries;
import io.pepper.receiver.store.Resolution;
import io.pepper.receiver.store.Stats;
import io.pepper.receiver.store.Tally;
import org.jspecify.annotations.Nullable;

/**
 * Answers history questions from the metric store. Apdex is (satisfied + tolerating / 2)
 * / checks over the stored per-check classes, so a window in which T changed counts each
 * check as it was classified with the T of its time, and reports the latest T.
 */
public class HistoryService {

	/** More points than a chart can show is a mistake in the request. */
	static final long MAX_POINTS = 10_000;

	static final Duration MAX_RANGE = Duration.ofDays(5 * 366);

	private final MetricQueries store;

	private final Clock clock;

	public HistoryService(MetricQueries store, Clock clock) {
		this.store = store;
		this.clock = clock;
	}

	/**
	 * The series of one endpoint, all locations pooled or one location, in steps of
	 * {@code step} starting at {@code from}.
	 */
	HistorySeries series(UUID endpoint, @Nullable String location, Instant from, Instant to, @Nullable Duration step,
			ResolutionChoice choice) {
		Window window = window(from, to, step, choice);
		Steps steps = new Steps(window);
		for (Bucket bucket : this.store.read(window.resolution(), List.of(endpoint), location, window.from(),
				window.to())) {
			steps.add(bucket);
		}
		return new HistorySeries(endpoint, location, window.from(), window.to(), window.step().toSeconds(),
				steps.threshold(), steps.points(), wire(window.resolution()));
	}

	/** The pooled series and one per location, from one read of the store. */
	LocationHistory byLocation(UUID endpoint, Instant from, Instant to, @Nullable Duration step,
			ResolutionChoice choice) {
		Window window = window(from, to, step, choice);
		Steps all = new Steps(window);
		Map<String, Steps> locations = new TreeMap<>();
		for (Bucket bucket : this.store.read(window.resolution(), List.of(endpoint), null, window.from(),
				window.to())) {
			all.add(bucket);
			locations.computeIfAbsent(bucket.location(), (name) -> new Steps(window)).add(bucket);
		}
		List<LocationHistory.Series> series = new ArrayList<>(locations.size());
		locations
			.forEach((name, steps) -> series.add(new LocationHistory.Series(name, steps.threshold(), steps.points())));
		return new LocationHistory(endpoint, window.from(), window.to(), window.step().toSeconds(),
				wire(window.resolution()), all.threshold(), all.points(), series);
	}

	/**
	 * A page of the most recent checks before {@code before}, completed to the whole
	 * scheduled slot of its oldest check so that no check falls between two pages.
	 */
	RecentChecks recentChecks(UUID endpoint, @Nullable String location, @Nullable Instant before, int limit) {
		if (limit < 1 || limit > RecentChecks.MAX_LIMIT) {
			throw new BadHistoryRequestException(
					"limit must be between 1 and " + RecentChecks.MAX_LIMIT + " but was " + limit);
		}
		Instant to = (before != null) ? before : this.clock.instant().plus(Duration.ofDays(1));
		Instant from = to.minus(MAX_RANGE);
		List<CheckResult> page = new ArrayList<>(this.store.checks(endpoint, location, from, to, limit));
		if (page.size() < limit) {
			return new RecentChecks(endpoint, location, page, null);
		}
		Instant oldest = page.getLast().scheduledAt();
		page.removeIf((check) -> check.scheduledAt().equals(oldest));
		page.addAll(this.store.checks(endpoint, location, oldest, oldest.plusMillis(1), RecentChecks.MAX_LIMIT));
		return new RecentChecks(endpoint, location, page, oldest);
	}

	private static HistoryResolution wire(Resolution resolution) {
		return HistoryResolution.valueOf(resolution.name());
	}

	/**
	 * The range, step and resolution of a series request. Without a step, the step is
	 * picked from the range and the range widened to whole steps, so that rollups answer.
	 */
	static Window window(Instant from, Instant to, @Nullable Duration step, ResolutionChoice choice) {
		if (!from.isBefore(to)) {
			throw new BadHistoryRequestException("from (" + from + ") must be before to (" + to + ")");
		}
		Duration range = Duration.between(from, to);
		if (range.compareTo(MAX_RANGE) > 0) {
			throw new BadHistoryRequestException(
					"the range may be at most 5 years but was " + range.toDays() + " days");
		}
		if (step == null) {
			long seconds = LocationHistory.autoStepSeconds(range.toSeconds());
			long millis = seconds * 1000;
			from = Instant.ofEpochMilli(Math.floorDiv(from.toEpochMilli(), millis) * millis);
			to = Instant.ofEpochMilli(Math.floorDiv(to.toEpochMilli() + millis - 1, millis) * millis);
			step = Duration.ofSeconds(seconds);
			range = Duration.between(from, to);
		}
		if (step.toSeconds() < 1 || step.toMillis() % 1000 != 0) {
			throw new BadHistoryRequestException(
					"step must be a whole number of seconds, at least 1s, but was " + step);
		}
		long points = (range.toMillis() + step.toMillis() - 1) / step.toMillis();
		if (points > MAX_POINTS) {
			throw new BadHistoryRequestException("from, to and step ask for " + points + " points; at most "
					+ MAX_POINTS + " are answered, so choose a longer step");
		}
		return new Window(from, to, step, choice.pick(from, to, step));
	}

	record Window(Instant from, Instant to, Duration step, Resolution resolution) {
	}

	/** Buckets gathered into the steps of a window. */
	private static final class Steps {

		private final Window window;

		private final Map<Long, Stats> steps = new TreeMap<>();

		Steps(Window window) {
			this.window = window;
		}

		void add(Bucket bucket) {
			long index = Duration.between(this.window.from(), bucket.time()).toMillis() / this.window.step().toMillis();
			this.steps.computeIfAbsent(index, (i) -> new Stats()).add(bucket.stats());
		}

		List<HistoryPoint> points() {
			List<HistoryPoint> points = new ArrayList<>(this.steps.size());
			this.steps.forEach((index, stats) -> points
				.add(stats.toPoint(this.window.from().plusMillis(index * this.window.step().toMillis()))));
			return points;
		}

		/**
		 * The threshold of the latest check, from counts only, or null without checks.
		 */
		@Nullable Integer threshold() {
			Stats latest = new Stats();
			this.steps.values().forEach((stats) -> latest.add(countsOnly(stats)));
			return (latest.checks() > 0) ? latest.apdexThresholdMs() : null;
		}

	}

	/** Counts and threshold without the histogram, to find the latest T cheaply. */
	private static Stats countsOnly(Stats stats) {
		return Stats.ofRollup(stats.checks(), stats.up(), stats.satisfied(), stats.tolerating(), stats.frustrated(), 0,
				0, 0, 0, 0, 0, 0, 0, 0, stats.apdexThresholdMs(), stats.latestAtMs(), null);
	}

	/**
	 * The summaries of a page of endpoints in a fixed number of store queries. Windows
	 * are whole rollup buckets: 24 h is the current hour and the 23 before it; 7 d and 30
	 * d are today (UTC, so far) and the 6 or 29 days before; the 7 days before those are
	 * the 7 before that.
	 */
	List<EndpointSummary> summaries(List<UUID> endpoints) {
		Instant now = this.clock.instant();
		Instant nextHour = Resolution.HOURLY.floor(now).plus(Duration.ofHours(1));
		Instant dayStart = nextHour.minus(Duration.ofHours(24));
		Instant today = Resolution.DAILY.floor(now);
		Instant weekStart = today.minus(Duration.ofDays(6));
		Instant previousWeekStart = weekStart.minus(Duration.ofDays(7));
		// Per hour only counts are shown, so only the day and today merge histograms.
		Map<UUID, long[]> hours = new HashMap<>();
		Map<UUID, Stats> last24Hours = new HashMap<>();
		Map<UUID, Stats> sinceMidnight = new HashMap<>();
		for (Bucket bucket : this.store.read(Resolution.HOURLY, endpoints, null, dayStart, nextHour)) {
			int hour = (int) Duration.between(dayStart, bucket.time()).toHours();
			long[] cells = hours.computeIfAbsent(bucket.endpointId(), (e) -> new long[48]);
			cells[2 * hour] += bucket.stats().checks();
			cells[2 * hour + 1] += bucket.stats().up();
			last24Hours.computeIfAbsent(bucket.endpointId(), (e) -> new Stats()).add(bucket.stats());
			if (!bucket.time().isBefore(today)) {
				sinceMidnight.computeIfAbsent(bucket.endpointId(), (e) -> new Stats()).add(bucket.stats());
			}
		}
		Map<UUID, Stats> week = new HashMap<>();
		Map<UUID, Stats> previousWeek = new HashMap<>();
		for (Bucket bucket : this.store.read(Resolution.DAILY, endpoints, null, previousWeekStart, today)) {
			Map<UUID, Stats> into = bucket.time().isBefore(weekStart) ? previousWeek : week;
			into.computeIfAbsent(bucket.endpointId(), (e) -> new Stats()).add(bucket.stats());
		}
		Map<UUID, Tally> month = this.store.tally(Resolution.DAILY, endpoints, today.minus(Duration.ofDays(29)), today);
		Map<UUID, List<LastCheck>> latest = new HashMap<>();
		for (LastCheck check : this.store.lastChecks(endpoints, today.minus(Duration.ofDays(30)))) {
			latest.computeIfAbsent(check.endpointId(), (e) -> new ArrayList<>()).add(check);
		}
		List<EndpointSummary> summaries = new ArrayList<>(endpoints.size());
		for (UUID endpoint : endpoints) {
			long[] cells = hours.getOrDefault(endpoint, new long[48]);
			Stats day = last24Hours.getOrDefault(endpoint, new Stats());
			List<EndpointSummary.Hour> bar = new ArrayList<>(24);
			for (int hour = 0; hour < 24; hour++) {
				bar.add(EndpointSummary.Hour.of(dayStart.plus(Duration.ofHours(hour)), cells[2 * hour],
						cells[2 * hour + 1]));
			}
			Stats current = sinceMidnight.getOrDefault(endpoint, new Stats());
			Stats sevenDays = copy(week.getOrDefault(endpoint, new Stats())).add(current);
			Tally thirtyDays = month.getOrDefault(endpoint, Tally.NONE).plus(tally(current));
			List<LastCheck> locations = latest.getOrDefault(endpoint, new ArrayList<>());
			locations.sort(Comparator.comparing(LastCheck::location));
			LastCheck last = locations.stream()
				// The newest; of checks in the same slot, a failure rather than a
				// success.
				.max(Comparator.comparing(LastCheck::scheduledAt).thenComparing((c) -> !c.outcome().isUp()))
				.orElse(null);
			Instant certificate = locations.stream()
				.filter((c) -> c.tlsCertExpiresAt() != null)
				.max(Comparator.comparing(LastCheck::scheduledAt))
				.map(LastCheck::tlsCertExpiresAt)
				.orElse(null);
			summaries.add(new EndpointSummary(endpoint, day.uptime(), sevenDays.uptime(), thirtyDays.uptime(),
					day.apdex(), (day.checks() > 0) ? day.apdexThresholdMs() : null,
					(last != null) ? last.outcome() : null, (last != null) ? last.status() : null,
					(last != null) ? last.scheduledAt() : null, day.percentileMs(95), sevenDays.percentileMs(95),
					previousWeek.getOrDefault(endpoint, new Stats()).percentileMs(95), bar,
					locations.stream()
						.map((c) -> new EndpointSummary.LocationStatus(c.location(), c.outcome(), c.status(),
								c.reason(), c.scheduledAt()))
						.toList(),
					certificate));
		}
		return summaries;
	}

	/** A copy to merge into, so buckets read from the store are never changed. */
	private static Stats copy(Stats stats) {
		return new Stats().add(stats);
	}

	private static Tally tally(Stats stats) {
		return (stats.checks() == 0) ? Tally.NONE : new Tally(stats.checks(), stats.up(), stats.satisfied(),
				stats.tolerating(), stats.apdexThresholdMs());
	}

}
