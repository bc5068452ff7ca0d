package io.pepper.receiver.history;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import io.pepper.contracts.v1.EndpointSummary;
import io.pepper.contracts.v1.HistoryPoint;
import io.pepper.contracts.v1.HistorySeries;
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
	HistorySeries series(UUID endpoint, @Nullable String location, Instant from, Instant to, Duration step,
			ResolutionChoice choice) {
		if (!from.isBefore(to)) {
			throw new BadHistoryRequestException("from (" + from + ") must be before to (" + to + ")");
		}
		if (step.toSeconds() < 1 || step.toMillis() % 1000 != 0) {
			throw new BadHistoryRequestException(
					"step must be a whole number of seconds, at least 1s, but was " + step);
		}
		Duration range = Duration.between(from, to);
		if (range.compareTo(MAX_RANGE) > 0) {
			throw new BadHistoryRequestException(
					"the range may be at most 5 years but was " + range.toDays() + " days");
		}
		long points = (range.toMillis() + step.toMillis() - 1) / step.toMillis();
		if (points > MAX_POINTS) {
			throw new BadHistoryRequestException("from, to and step ask for " + points + " points; at most "
					+ MAX_POINTS + " are answered, so choose a longer step");
		}
		Resolution resolution = choice.pick(from, to, step);
		Map<Long, Stats> steps = new TreeMap<>();
		Stats latest = new Stats();
		for (Bucket bucket : this.store.read(resolution, List.of(endpoint), location, from, to)) {
			long index = Duration.between(from, bucket.time()).toMillis() / step.toMillis();
			steps.computeIfAbsent(index, (i) -> new Stats()).add(bucket.stats());
		}
		List<HistoryPoint> series = new ArrayList<>(steps.size());
		steps.forEach((index, stats) -> {
			series.add(stats.toPoint(from.plusMillis(index * step.toMillis())));
			latest.add(countsOnly(stats));
		});
		Integer threshold = (latest.checks() > 0) ? latest.apdexThresholdMs() : null;
		return new HistorySeries(endpoint, location, from, to, step.toSeconds(), threshold, series);
	}

	/** Counts and threshold without the histogram, to find the latest T cheaply. */
	private static Stats countsOnly(Stats stats) {
		return Stats.ofRollup(stats.checks(), stats.up(), stats.satisfied(), stats.tolerating(), stats.frustrated(), 0,
				0, 0, 0, 0, 0, 0, 0, 0, stats.apdexThresholdMs(), stats.latestAtMs(), null);
	}

	/**
	 * The summaries of a page of endpoints in a fixed number of store queries. Windows
	 * are whole rollup buckets: 24 h is the current hour and the 23 before it; 7 d and 30
	 * d are today (UTC, so far) and the 6 or 29 days before.
	 */
	List<EndpointSummary> summaries(List<UUID> endpoints) {
		Instant now = this.clock.instant();
		Instant nextHour = Resolution.HOURLY.floor(now).plus(Duration.ofHours(1));
		Instant today = Resolution.DAILY.floor(now);
		Map<UUID, Tally> lastDay = this.store.tally(Resolution.HOURLY, endpoints, nextHour.minus(Duration.ofHours(24)),
				nextHour);
		Map<UUID, Tally> sinceMidnight = this.store.tally(Resolution.HOURLY, endpoints, today, nextHour);
		Map<UUID, Tally> week = this.store.tally(Resolution.DAILY, endpoints, today.minus(Duration.ofDays(6)), today);
		Map<UUID, Tally> month = this.store.tally(Resolution.DAILY, endpoints, today.minus(Duration.ofDays(29)), today);
		Map<UUID, LastCheck> last = this.store.lastChecks(endpoints, today.minus(Duration.ofDays(30)));
		List<EndpointSummary> summaries = new ArrayList<>(endpoints.size());
		for (UUID endpoint : endpoints) {
			Tally day = lastDay.getOrDefault(endpoint, Tally.NONE);
			Tally current = sinceMidnight.getOrDefault(endpoint, Tally.NONE);
			Tally sevenDays = week.getOrDefault(endpoint, Tally.NONE).plus(current);
			Tally thirtyDays = month.getOrDefault(endpoint, Tally.NONE).plus(current);
			LastCheck check = last.get(endpoint);
			summaries.add(new EndpointSummary(endpoint, day.uptime(), sevenDays.uptime(), thirtyDays.uptime(),
					day.apdex(), day.apdexThresholdMs(), (check != null) ? check.outcome() : null,
					(check != null) ? check.status() : null, (check != null) ? check.scheduledAt() : null));
		}
		return summaries;
	}

}
