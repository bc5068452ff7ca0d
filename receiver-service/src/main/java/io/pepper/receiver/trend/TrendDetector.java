package io.pepper.receiver.trend;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import io.pepper.contracts.v1.TrendEvent;
import org.jspecify.annotations.Nullable;

/**
 * The trend detector of one endpoint, as a pure function: a check and the state before it
 * give the state after it and, sometimes, a decision (DEGRADED or RECOVERED with its
 * evidence). No clock, no I/O: TrendWatcher stores the state and sends the decisions, and
 * the trend study replays seeded series through the same function.
 *
 * <p>
 * How it decides. Each location learns its normal ln(total ms) as a slow level plus an
 * offset per hour of day and per day of week, and the shape of the spread around it. A
 * check scores the normal quantile of its latency in that baseline (a failed check scores
 * as the slowest). Scores are pooled across locations in 5-minute and 1-hour bins, and
 * each bin's mean is standardized by how much such bins vary on this endpoint (so load
 * that wanders does not look like a drop). A CUSUM on 5-minute bins catches steps, a
 * CUSUM on hour bins slow drifts. A drop is reported once its CUSUM passes the threshold,
 * it lasted the minimum duration and every 5-minute bin of that duration was above the
 * reference. While degraded, the baseline learns ten times slower, so a drop is not
 * learnt as normal; it recovers once bins stay under the reference. The threshold T does
 * not enter the decision: it only turns the baseline into the reported Apdex, so a new T
 * changes the figures, never the state.
 */
public final class TrendDetector {

	/** The short bin. */
	public static final Duration BIN = Duration.ofMinutes(5);

	/**
	 * Until then the baseline is learnt quickly and drops are judged against the prior
	 * (the Apdex floor) only: a day's pattern cannot be told from a drop before it was
	 * seen.
	 */
	public static final Duration WARM_UP = Duration.ofHours(24);

	/**
	 * Without a policy floor, the prior a new endpoint is judged against: below 0.70 an
	 * Apdex is "poor" on the Apdex scale.
	 */
	public static final double PRIOR_APDEX = 0.70;

	/** A floor drop recovers once the Apdex is this much above the floor. */
	static final double FLOOR_HYSTERESIS = 0.02;

	static final long BIN_MS = BIN.toMillis();

	static final long HOUR_MS = 3_600_000L;

	static final long WARM_UP_MS = WARM_UP.toMillis();

	/** The score of a check slower than 99.9% of the baseline, and of a failed check. */
	static final double MAX_SCORE = 3.09;

	/** One bin adds at most this much, so a short outage cannot decide alone. */
	static final double CAP = 3;

	private static final long DAY_MS = 86_400_000L;

	/** The first week, while the level and the week's pattern settle. */
	static final long SETTLING_MS = 7 * DAY_MS;

	/** The level follows slow changes over about a week. */
	private static final double LEVEL_MS = 7 * DAY_MS;

	/** Checks of a location before its level is trusted enough to learn the shape. */
	private static final long SETTLED_CHECKS = 60;

	/** The spread's shape changes even slower. */
	private static final double SHAPE_MS = 30 * DAY_MS;

	/**
	 * An hour-of-day offset learns from the checks of its hour: 2 hours of them, so about
	 * 40% a day, and 30 minutes of them during the warm-up.
	 */
	private static final double HOUR_EXPOSURE_MS = 2 * HOUR_MS;

	private static final double WARM_HOUR_EXPOSURE_MS = 30 * 60_000.0;

	/** A day-of-week offset learns from a day of its checks: about 60% a week. */
	private static final double DAY_EXPOSURE_MS = DAY_MS;

	/** The variance of bins is learnt over about a week of bins. */
	private static final double VARIANCE_BINS = 2016;

	private static final double SLOW_VARIANCE_BINS = 168;

	/** The scores' spread is learnt over about a week of checks at three locations. */
	private static final double SPREAD_CHECKS = 30_000;

	/** An endpoint that always answers alike still gets some spread. */
	private static final double MIN_SPREAD = 0.05;

	/** How much slower the spread and the variances learn while degraded. */
	private static final double DEGRADED_LEARNING = 0.1;

	/**
	 * How much slower the level learns while degraded: slow enough that a drop stays
	 * reported for weeks, fast enough that a level learnt on a weekend catches up.
	 */
	private static final double DEGRADED_LEVEL_LEARNING = 1.0 / 3;

	/** A residual moves the baseline by at most this much, so outliers barely count. */
	private static final double HUBER = 0.5;

	/**
	 * A drop must exceed the load's own wandering by this many of its standard
	 * deviations.
	 */
	static final double WANDER_MARGIN = 2;

	/**
	 * Hour bins are so precise that the baseline's own small errors (an hour's offset
	 * learnt from a few days) would look like drifts: they must show at least this mean
	 * score.
	 */
	static final double MIN_SLOW_SHIFT = 0.1;

	private static final double[] NORMAL_A = { -3.969683028665376e+01, 2.209460984245205e+02, -2.759285104469687e+02,
			1.383577518672690e+02, -3.066479806614716e+01, 2.506628277459239e+00 };

	private static final double[] NORMAL_B = { -5.447609879822406e+01, 1.615858368580409e+02, -1.556989798598866e+02,
			6.680131188771972e+01, -1.328068155288572e+01 };

	private static final double[] NORMAL_C = { -7.784894002430293e-03, -3.223964580411365e-01, -2.400758277161838e+00,
			-2.549732539343734e+00, 4.374664141464968e+00, 2.938163982698783e+00 };

	private static final double[] NORMAL_D = { 7.784695709041462e-03, 3.224671290700398e-01, 2.445134137142996e+00,
			3.754408661907416e+00 };

	private TrendDetector() {
	}

	/**
	 * The state after one check, and the decision it led to, if any. The given state is
	 * not changed. A check already seen from its location changes nothing.
	 */
	public static Step observe(TrendState state, Check check, TrendParameters parameters) {
		TrendState next = state.copy();
		Decision decision = apply(next, check, parameters);
		return new Step(next, decision);
	}

	/**
	 * Like {@link #observe} but changes {@code state} in place; for batches and studies.
	 */
	static @Nullable Decision apply(TrendState state, Check check, TrendParameters parameters) {
		long at = check.scheduledAt().toEpochMilli();
		LocationBaseline location = state.locations.get(check.location());
		if (location == null) {
			location = new LocationBaseline();
			state.locations.put(check.location(), location);
		}
		if (!location.remember(at)) {
			return null;
		}
		if (state.startedAt == 0) {
			state.startedAt = at;
			state.bin = Math.floorDiv(at, BIN_MS);
			state.hour = Math.floorDiv(at, HOUR_MS);
		}
		state.observed++;
		state.thresholdMs = check.thresholdMs();
		Decision decision = null;
		long bin = Math.floorDiv(at, BIN_MS);
		if (bin > state.bin) {
			decision = closeBin(state, bin, parameters);
		}
		long hour = Math.floorDiv(at, HOUR_MS);
		if (hour > state.hour) {
			Decision slow = closeHour(state, hour, parameters, decision == null);
			decision = (decision != null) ? decision : slow;
		}
		// A late check (one forwarded late by failure-service) counts in the open bins.
		double score = score(location, check, at);
		// The scores' spread: about 1 for smooth latencies, less when most checks take
		// the
		// same time; learnt like the level.
		double spreadRate = Math.max(1.0 / state.observed, 1.0 / SPREAD_CHECKS)
				* (state.degraded ? DEGRADED_LEARNING : 1);
		state.scoreVariance += spreadRate * (Math.min(score * score, 9) - state.scoreVariance);
		location.binSum += score;
		location.binCount++;
		location.hourSum += score;
		location.hourCount++;
		learn(state, location, check, at);
		state.recent[state.recentNext] = check.up() ? check.totalMs() : -1;
		state.recentAt[state.recentNext] = at;
		state.recentNext = (state.recentNext + 1) % TrendState.RECENT;
		return decision;
	}

	/** The normal quantile of a check in its location's baseline. */
	static double score(LocationBaseline location, Check check, long at) {
		double failed = Math.min(0.5, location.failedShare);
		if (!check.up()) {
			return Math.min(MAX_SCORE, inverseNormal(Math.min(0.999, 1 - failed / 2)));
		}
		if (location.answered == 0) {
			return 0;
		}
		double residual = Math.log(Math.max(0.1, check.totalMs())) - location.expected(at);
		double share = (1 - failed) * location.cdf(residual);
		return Math.max(-MAX_SCORE, Math.min(MAX_SCORE, inverseNormal(Math.max(0.001, Math.min(0.999, share)))));
	}

	private static void learn(TrendState state, LocationBaseline location, Check check, long at) {
		double elapsed = (location.learntAt == 0 || at <= location.learntAt) ? 60_000
				: Math.min(HOUR_MS, Math.max(1_000, at - location.learntAt));
		location.learntAt = Math.max(location.learntAt, at);
		boolean warm = at - state.startedAt < WARM_UP_MS;
		double slowdown = state.degraded ? DEGRADED_LEARNING : 1;
		long seen = location.answered + Math.round(location.failedShare * location.answered) + 1;
		double failedRate = slowdown * Math.max(elapsed / LEVEL_MS, warm ? 1.0 / seen : 0);
		location.failedShare += failedRate * ((check.up() ? 0 : 1) - location.failedShare);
		if (!check.up()) {
			return;
		}
		location.answered++;
		double ln = Math.log(Math.max(0.1, check.totalMs()));
		if (location.answered == 1) {
			location.level = ln;
			return;
		}
		double residual = ln - location.expected(at);
		double clipped = Math.max(-HUBER, Math.min(HUBER, residual));
		// In the first week the level is the mean of all checks so far, degraded or not:
		// a
		// level learnt on a weekend must catch up with the weekdays.
		boolean firstWeek = at - state.startedAt < SETTLING_MS;
		double levelRate = firstWeek ? Math.max(elapsed / LEVEL_MS, 1.0 / location.answered)
				: (state.degraded ? DEGRADED_LEVEL_LEARNING : 1) * elapsed / LEVEL_MS;
		location.level += levelRate * clipped;
		// The spread's shape is learnt once the level settled (an hour of checks); the
		// prior
		// serves until then.
		if (location.answered > SETTLED_CHECKS) {
			double shapeRate = slowdown
					* Math.max(elapsed / SHAPE_MS, warm ? 1.0 / (location.answered - SETTLED_CHECKS) : 0);
			location.learnShape(residual, Math.min(0.5, shapeRate));
		}
		// Offsets average zero, so a drop of every hour and day cannot be learnt into
		// them:
		// they keep learning at full speed while degraded.
		double hourRate = elapsed / (warm ? WARM_HOUR_EXPOSURE_MS : HOUR_EXPOSURE_MS);
		location.learnHour(at, Math.min(1, hourRate) * clipped);
		location.learnDay(at, elapsed / DAY_EXPOSURE_MS * clipped);
	}

	private static @Nullable Decision closeBin(TrendState state, long next, TrendParameters parameters) {
		long start = state.bin * BIN_MS;
		long end = start + BIN_MS;
		state.bin = next;
		double sum = 0;
		int count = 0;
		for (LocationBaseline location : state.locations.values()) {
			sum += location.binSum;
			count += location.binCount;
		}
		if (count == 0) {
			return null;
		}
		double mean = sum / count;
		double sampling = Math.max(MIN_SPREAD, state.scoreVariance) / count;
		double excess = Math.max(0, state.fastExcess);
		double variance = sampling + excess;
		double x = (mean - WANDER_MARGIN * Math.sqrt(excess)) / Math.sqrt(variance);
		boolean warm = end - state.startedAt < WARM_UP_MS;
		// Not from a drop in the making: it would hide itself.
		if (state.fast < parameters.threshold() / 2) {
			state.fastExcess = learnVariance(state, state.fastExcess, Math.min(mean * mean, 9 * variance) - sampling,
					++state.fastBins, VARIANCE_BINS, warm);
		}
		System.arraycopy(state.recentBins, 1, state.recentBins, 0, state.recentBins.length - 1);
		state.recentBins[state.recentBins.length - 1] = x;
		boolean fresh = state.fast == 0;
		state.fast = Math.max(0, state.fast + Math.min(x, CAP) - parameters.reference());
		if (fresh && state.fast > 0) {
			state.fastSince = start;
		}
		for (LocationBaseline location : state.locations.values()) {
			boolean restart = fresh || state.fast == 0;
			location.fastSum = (restart ? 0 : location.fastSum) + location.binSum;
			location.fastCount = (restart ? 0 : location.fastCount) + location.binCount;
			location.binSum = 0;
			location.binCount = 0;
		}
		int bins = (int) Math.ceil((double) parameters.minimumDuration().toMillis() / BIN_MS);
		Floor floor = floor(state, end, parameters, bins);
		if (!state.degraded) {
			boolean sustained = sustained(state.recentBins, bins, parameters.reference());
			if (!warm && state.fast >= parameters.threshold() && end - state.fastSince >= bins * BIN_MS && sustained) {
				return degrade(state, end, state.fastSince, true);
			}
			if (floor.crossed()) {
				return degrade(state, end, end - bins * BIN_MS, true);
			}
			return null;
		}
		state.recovery = Math.max(0, state.recovery + Math.min(CAP, parameters.reference() - x));
		boolean under = all(state.recentBins, bins, (bin) -> bin < parameters.reference());
		// The last hour must agree, so a drift does not recover on a few good bins.
		if (state.recovery >= parameters.threshold() && under && state.lastHour < parameters.slowReference()
				&& !floor.below()) {
			return recover(state, end);
		}
		return null;
	}

	private static @Nullable Decision closeHour(TrendState state, long next, TrendParameters parameters,
			boolean decide) {
		long start = state.hour * HOUR_MS;
		long end = start + HOUR_MS;
		state.hour = next;
		double sum = 0;
		int count = 0;
		for (LocationBaseline location : state.locations.values()) {
			sum += location.hourSum;
			count += location.hourCount;
		}
		if (count == 0) {
			return null;
		}
		double mean = sum / count;
		double spread = Math.max(MIN_SPREAD, state.scoreVariance);
		double slowExcess = Math.max(0, state.slowExcess);
		double variance = spread / count + slowExcess;
		double margin = Math.max(MIN_SLOW_SHIFT, WANDER_MARGIN * Math.sqrt(slowExcess));
		double x = (mean - margin) / Math.sqrt(variance);
		boolean warm = end - state.startedAt < WARM_UP_MS;
		// From differences of consecutive hours, so a slow drift is not learnt as noise.
		if (state.slowBins++ > 0) {
			double difference = mean - state.previousHour;
			double sample = Math.min(difference * difference / 2, 9 * variance)
					- spread * (1.0 / count + 1.0 / Math.max(1, state.previousHourCount)) / 2;
			state.slowExcess = learnVariance(state, state.slowExcess, sample, state.slowBins, SLOW_VARIANCE_BINS, warm);
		}
		state.previousHour = mean;
		state.previousHourCount = count;
		boolean fresh = state.slow == 0;
		// The hour bins say nothing until the week's pattern was learnt.
		state.slow = (end - state.startedAt < SETTLING_MS) ? 0
				: Math.max(0, state.slow + Math.min(x, CAP) - parameters.slowReference());
		if (fresh && state.slow > 0) {
			state.slowSince = start;
		}
		for (LocationBaseline location : state.locations.values()) {
			boolean restart = fresh || state.slow == 0;
			location.slowSum = (restart ? 0 : location.slowSum) + location.hourSum;
			location.slowCount = (restart ? 0 : location.slowCount) + location.hourCount;
			location.hourSum = 0;
			location.hourCount = 0;
		}
		state.lastHour = x;
		if (decide && !state.degraded && state.slow >= parameters.slowThreshold() && x > parameters.slowReference()) {
			return degrade(state, end, state.slowSince, false);
		}
		return null;
	}

	private static double learnVariance(TrendState state, double excess, double sample, long bins, double window,
			boolean warm) {
		double rate = Math.max(1.0 / bins, 1.0 / (warm ? window / 7 : window))
				* (state.degraded ? DEGRADED_LEARNING : 1);
		// Unbounded below, so an endpoint without wander averages zero, not a little
		// more.
		return excess + rate * (sample - excess);
	}

	private static Decision degrade(TrendState state, long at, long since, boolean fast) {
		state.degraded = true;
		state.degradedSince = since;
		state.recovery = 0;
		double pooled = 0;
		int count = 0;
		for (LocationBaseline location : state.locations.values()) {
			pooled += fast ? location.fastSum : location.slowSum;
			count += fast ? location.fastCount : location.slowCount;
		}
		double mean = (count > 0) ? pooled / count : 0;
		List<String> where = new ArrayList<>();
		state.locations.forEach((name, location) -> {
			double sum = fast ? location.fastSum : location.slowSum;
			int checks = fast ? location.fastCount : location.slowCount;
			if (checks > 0 && sum / checks > mean / 2) {
				where.add(name);
			}
		});
		return decision(state, TrendEvent.Kind.DEGRADED, at, since, where);
	}

	private static Decision recover(TrendState state, long at) {
		state.degraded = false;
		state.recovery = 0;
		state.fast = 0;
		state.slow = 0;
		return decision(state, TrendEvent.Kind.RECOVERED, at, state.degradedSince,
				List.copyOf(state.locations.keySet()));
	}

	private static Decision decision(TrendState state, TrendEvent.Kind kind, long at, long since, List<String> where) {
		Baseline before = baseline(state, at);
		long from = (kind == TrendEvent.Kind.DEGRADED) ? since : at - BIN_MS * 6;
		Recent after = recent(state, from);
		return new Decision(kind, Instant.ofEpochMilli(at), before.apdex(), after.apdex(), before.p95Ms(),
				after.p95Ms(), Instant.ofEpochMilli(since), List.copyOf(where), state.locations.size(),
				state.thresholdMs);
	}

	/**
	 * What the Apdex floor (or, in the warm-up without one, the prior) says: whether the
	 * last minimum duration fell below it from a baseline clearly above it, and whether
	 * it is still too close to it to call a recovery.
	 */
	private static Floor floor(TrendState state, long at, TrendParameters parameters, int bins) {
		boolean warm = at - state.startedAt < WARM_UP_MS;
		Double configured = parameters.apdexFloor();
		if (configured == null && !warm) {
			return new Floor(false, false);
		}
		double floor = (configured != null) ? configured : PRIOR_APDEX;
		if (at - state.startedAt < HOUR_MS) {
			return new Floor(false, false);
		}
		Recent recent = recent(state, at - bins * BIN_MS);
		boolean below = recent.checks() > 0 && recent.apdex() < floor;
		boolean wasAbove = baseline(state, at).apdex() >= floor + 0.05;
		return new Floor(below && wasAbove, recent.checks() > 0 && recent.apdex() < floor + FLOOR_HYSTERESIS);
	}

	/** The Apdex and p95 the baseline expects at a time, pooled across locations. */
	static Baseline baseline(TrendState state, long at) {
		double t = Math.log(state.thresholdMs);
		double fourT = Math.log(4.0 * state.thresholdMs);
		double apdex = 0;
		int locations = 0;
		for (LocationBaseline location : state.locations.values()) {
			if (location.answered == 0) {
				continue;
			}
			double expected = location.expected(at);
			double satisfied = location.cdfUpTo(t - expected);
			double tolerating = location.cdfUpTo(fourT - expected) - satisfied;
			apdex += (1 - location.failedShare) * (satisfied + tolerating / 2);
			locations++;
		}
		if (locations == 0) {
			return new Baseline(1, 0);
		}
		// The pooled p95: the ln ms where the locations' shares below average 0.95.
		double low = 0;
		double high = 14;
		for (int round = 0; round < 40; round++) {
			double middle = (low + high) / 2;
			double below = 0;
			for (LocationBaseline location : state.locations.values()) {
				if (location.answered > 0) {
					below += location.cdfUpTo(middle - location.expected(at));
				}
			}
			if (below / locations < 0.95) {
				low = middle;
			}
			else {
				high = middle;
			}
		}
		return new Baseline(clamp(apdex / locations), Math.round(Math.exp(high)));
	}

	/** The Apdex and p95 of the recent checks scheduled from {@code from} on. */
	static Recent recent(TrendState state, long from) {
		double[] answered = new double[TrendState.RECENT];
		int count = 0;
		int failed = 0;
		double score = 0;
		for (int i = 0; i < TrendState.RECENT; i++) {
			double ms = state.recent[i];
			if (ms == -2 || state.recentAt[i] < from) {
				continue;
			}
			if (ms == -1) {
				failed++;
				continue;
			}
			answered[count++] = ms;
			score += (ms <= state.thresholdMs) ? 1 : (ms <= 4.0 * state.thresholdMs) ? 0.5 : 0;
		}
		int checks = count + failed;
		if (checks == 0) {
			return new Recent(1, 0, 0);
		}
		long p95 = 0;
		if (count > 0) {
			double[] sorted = Arrays.copyOf(answered, count);
			Arrays.sort(sorted);
			p95 = Math.round(sorted[Math.min(count - 1, (int) Math.ceil(0.95 * count) - 1)]);
		}
		return new Recent(clamp(score / checks), p95, checks);
	}

	/**
	 * Whether the drop lasted: of the latest {@code last} bins, the newest and all but
	 * one of the others are above the reference (one noisy bin does not restart the
	 * clock).
	 */
	private static boolean sustained(double[] bins, int last, double reference) {
		if (last > bins.length || bins[bins.length - 1] <= reference) {
			return false;
		}
		int below = 0;
		for (int i = bins.length - last; i < bins.length; i++) {
			below += (bins[i] <= reference) ? 1 : 0;
		}
		return below <= ((last >= 6) ? 1 : 0);
	}

	private static boolean all(double[] bins, int last, java.util.function.DoublePredicate test) {
		if (last > bins.length) {
			return false;
		}
		for (int i = bins.length - last; i < bins.length; i++) {
			if (!test.test(bins[i])) {
				return false;
			}
		}
		return true;
	}

	private static double clamp(double apdex) {
		return Math.max(0, Math.min(1, apdex));
	}

	/**
	 * The inverse of the standard normal distribution (Acklam's rational approximation,
	 * relative error below 1.2e-9).
	 */
	static double inverseNormal(double p) {
		double[] a = NORMAL_A;
		double[] b = NORMAL_B;
		double[] c = NORMAL_C;
		double[] d = NORMAL_D;
		if (p < 0.02425) {
			double q = Math.sqrt(-2 * Math.log(p));
			return (((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5])
					/ ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1);
		}
		if (p > 1 - 0.02425) {
			double q = Math.sqrt(-2 * Math.log(1 - p));
			return -(((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5])
					/ ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1);
		}
		double q = p - 0.5;
		double r = q * q;
		return (((((a[0] * r + a[1]) * r + a[2]) * r + a[3]) * r + a[4]) * r + a[5]) * q
				/ (((((b[0] * r + b[1]) * r + b[2]) * r + b[3]) * r + b[4]) * r + 1);
	}

	/**
	 * One check as the detector sees it.
	 *
	 * @param location where it ran
	 * @param scheduledAt the slot it belongs to
	 * @param totalMs its total time
	 * @param up whether it succeeded; a failed check counts as the slowest
	 * @param thresholdMs the endpoint's Apdex threshold T at the time
	 */
	public record Check(String location, Instant scheduledAt, double totalMs, boolean up, int thresholdMs) {

	}

	/**
	 * A state and the decision that led to it.
	 *
	 * @param state the state after the check
	 * @param decision what the check decided, or null
	 */
	public record Step(TrendState state, @Nullable Decision decision) {

	}

	/**
	 * A drop or its recovery, with what explains it.
	 *
	 * @param kind DEGRADED or RECOVERED
	 * @param at the end of the bin that decided
	 * @param apdexBefore the baseline's Apdex for T at that time of day
	 * @param apdexAfter the Apdex since the drop started (or, for a recovery, of the
	 * latest half hour)
	 * @param p95BeforeMs the baseline's 95th percentile
	 * @param p95AfterMs the 95th percentile since the drop started
	 * @param since when the drop started
	 * @param locations the locations that show it
	 * @param locationsChecked how many locations the endpoint is checked from
	 * @param thresholdMs the T the Apdex figures are for
	 */
	public record Decision(TrendEvent.Kind kind, Instant at, double apdexBefore, double apdexAfter, long p95BeforeMs,
			long p95AfterMs, Instant since, List<String> locations, int locationsChecked, int thresholdMs) {

	}

	record Baseline(double apdex, long p95Ms) {

	}

	record Recent(double apdex, long p95Ms, int checks) {

	}

	private record Floor(boolean crossed, boolean below) {

	}

}
