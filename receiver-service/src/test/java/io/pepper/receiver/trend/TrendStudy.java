package io.pepper.receiver.trend;

import java.io.PrintStream;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.IntStream;

import io.pepper.contracts.v1.TrendEvent;
import io.pepper.contracts.v1.TrendSensitivity;

/**
 * The trend study: seeded endpoint series fed to the detector and, side by side, to the
 * detector Pepper had before ({@link ClassCusum}); false alarms on stable families,
 * delays on changes, against a CUSUM that knows the true before and after distributions.
 * Runs on every core. Deterministic: the same sizes give the same table.
 */
final class TrendStudy {

	static final List<TrendSensitivity> SENSITIVITIES = List.of(TrendSensitivity.LOW, TrendSensitivity.MEDIUM,
			TrendSensitivity.HIGH);

	static final long DAY = 86_400_000L;

	static final long HOUR = 3_600_000L;

	static final long MINUTE = 60_000L;

	static final int LOCATIONS = TrendSeries.LOCATIONS.length;

	/** Checks of one endpoint in 90 days, for the oracle's calibration. */
	static final double CHECKS_90_DAYS = 90.0 * 1440 * LOCATIONS;

	/** A stable family: nothing degrades. */
	record Family(String name, TrendSeries series, double apdex) {

	}

	static final List<Family> STABLE = List.of(
			new Family("independent checks, constant level, Apdex 0.95", TrendSeries.CONSTANT, 0.95),
			new Family("independent checks, constant level, Apdex 0.99", TrendSeries.CONSTANT, 0.99),
			new Family("business hours 40% slower, 8 h a day", new TrendSeries(0.4, 0, 0, 0, 0, 0), 0.95),
			new Family("business hours 20% slower", new TrendSeries(0.2, 0, 0, 0, 0, 0), 0.95),
			new Family("weekdays 30% slower than weekends", new TrendSeries(0, 0.3, 0, 0, 0, 0), 0.95),
			new Family("a 5-minute 4x slowdown once a day", new TrendSeries(0, 0, 0, 0, 0, 5), 0.95),
			new Family("load wandering ±10%, 1-hour correlation", new TrendSeries(0, 0, 0.1, 0, 0, 0), 0.95),
			new Family("business hours + heavy tail + one slower location", new TrendSeries(0.4, 0, 0, 0.03, 0.5, 0),
					0.95));

	private TrendStudy() {
	}

	/** Runs the study and prints its tables. */
	static void print(int runs, int seeds, PrintStream out) {
		long started = System.nanoTime();
		out.println();
		out.printf(Locale.ROOT,
				"Trend study: %d endpoint runs x 90 days per stable family, %d seeds per change; 3 locations, 1 check/min each,%n"
						+ "lognormal latencies (sigma 0.5 in ln ms), T set for the stated baseline Apdex; start at a random time of the week.%n"
						+ "Each cell: this detector | the detector before (class CUSUM, constant baseline), measured in the same run.%n%n",
				runs, seeds);
		out.printf(Locale.ROOT, "False alarms per endpoint per 90 days%n%-52s %-18s %-18s %-18s%n", "stable family",
				"LOW", "MEDIUM", "HIGH");
		for (int f = 0; f < STABLE.size(); f++) {
			Family family = STABLE.get(f);
			double[] alarms = falseAlarms(family, f, runs);
			out.printf(Locale.ROOT, "%-52s %-18s %-18s %-18s%n", family.name(), pair(alarms[0], alarms[3]),
					pair(alarms[1], alarms[4]), pair(alarms[2], alarms[5]));
		}
		out.println();
		out.printf(Locale.ROOT,
				"Delays in minutes after the change (median / p90; missed = not reported within the horizon)%n"
						+ "oracle: a CUSUM on each check's ln latency that knows the true before and after distributions, calibrated to%n"
						+ "1 false alarm per 90 days (e^h = checks in 90 days), no minimum duration; ratio = median / oracle median.%n");
		out.printf(Locale.ROOT, "%-44s %-7s %-22s %-22s %-14s %-6s%n", "change", "sens.", "this detector", "before",
				"oracle", "ratio");
		for (Change change : changes()) {
			for (TrendSensitivity sensitivity : SENSITIVITIES) {
				Delays delays = delays(change, sensitivity, seeds);
				out.printf(Locale.ROOT, "%-44s %-7s %-22s %-22s %-14s %-6s%n", change.name(), sensitivity,
						delays.now().describe(), delays.before().describe(),
						(delays.oracle() != null) ? delays.oracle().describe() : "-",
						(delays.oracle() != null)
								? String.format(Locale.ROOT, "%.2f", delays.now().median() / delays.oracle().median())
								: "-");
			}
		}
		out.println();
		out.printf(Locale.ROOT, "Slow drift: median latency +2%% per day from day 8 (T for Apdex 0.95)%n");
		out.printf(Locale.ROOT, "%-7s %-34s %-34s%n", "sens.", "this detector: days, Apdex loss",
				"before: days, Apdex loss");
		for (TrendSensitivity sensitivity : SENSITIVITIES) {
			double[][] drift = drift(sensitivity, seeds);
			out.printf(Locale.ROOT, "%-7s %-34s %-34s%n", sensitivity, driftCell(drift[0], drift[1]),
					driftCell(drift[2], drift[3]));
		}
		out.println();
		out.printf(Locale.ROOT,
				"T doubled 3 h into a 0.95 -> 0.85 drop that lasts 24 h: runs with a RECOVERED while still degraded, and%n"
						+ "minutes from the drop's end to the RECOVERED%n");
		for (TrendSensitivity sensitivity : SENSITIVITIES) {
			double[] t = thresholdChange(sensitivity, seeds);
			out.printf(Locale.ROOT, "%-7s this detector: %5.1f%% early RECOVERED, recovery %s | before: %5.1f%%%n",
					sensitivity, 100 * t[0], minutes(t[1], t[2]), 100 * t[3]);
		}
		out.printf(Locale.ROOT, "%nStudy took %.0f s on %d cores.%n", (System.nanoTime() - started) / 1e9,
				Runtime.getRuntime().availableProcessors());
	}

	private static String pair(double now, double before) {
		return String.format(Locale.ROOT, "%.3f | %.1f", now, before);
	}

	private static String minutes(double median, double p90) {
		return Double.isNaN(median) ? "-" : String.format(Locale.ROOT, "%.0f / %.0f min", median, p90);
	}

	private static String driftCell(double[] days, double[] loss) {
		return String.format(Locale.ROOT, "%.1f / %.1f d, %.3f / %.3f", percentile(days, 0.5), percentile(days, 0.9),
				percentile(loss, 0.5), percentile(loss, 0.9));
	}

	/** Per run: a random start in the week. */
	static long start(long seed) {
		return TrendSeries.MONDAY + Math.floorMod(seed * 2_654_435_761L, 7 * 1440L) * MINUTE;
	}

	/** LOW, MEDIUM, HIGH of this detector, then of the one before: alarms per run. */
	static double[] falseAlarms(Family family, int index, int runs) {
		int threshold = TrendSeries.thresholdFor(family.apdex());
		long[] total = IntStream.range(0, runs).parallel().mapToObj((run) -> {
			long seed = 1_000_003L * (index + 1) + run;
			long start = start(seed);
			TrendSeries.Generator generator = family.series().generator(seed, start);
			TrendState[] states = new TrendState[3];
			ClassCusum[] before = new ClassCusum[3];
			for (int s = 0; s < 3; s++) {
				states[s] = TrendState.initial(threshold);
				before[s] = new ClassCusum(SENSITIVITIES.get(s));
			}
			long[] alarms = new long[6];
			long end = start + 90 * DAY;
			while (true) {
				generator.next();
				if (generator.at >= end) {
					break;
				}
				TrendDetector.Check check = generator.check(threshold);
				double score = generator.score(threshold);
				for (int s = 0; s < 3; s++) {
					TrendDetector.Decision decision = TrendDetector.apply(states[s], check,
							TrendParameters.of(SENSITIVITIES.get(s)));
					if (decision != null && decision.kind() == TrendEvent.Kind.DEGRADED) {
						alarms[s]++;
					}
					if (before[s].observe(score) > 0) {
						alarms[3 + s]++;
					}
				}
			}
			return alarms;
		}).reduce(new long[6], (a, b) -> {
			long[] sum = new long[6];
			for (int i = 0; i < 6; i++) {
				sum[i] = a[i] + b[i];
			}
			return sum;
		});
		return Arrays.stream(total).mapToDouble((sum) -> (double) sum / runs).toArray();
	}

	/**
	 * A change to measure the delay of.
	 *
	 * @param name for the table
	 * @param series the endpoint
	 * @param apdex its baseline Apdex (sets T)
	 * @param after the Apdex after the change, by a shift of the median
	 * @param at when the change comes, after the series' start
	 * @param oracle whether the oracle applies (a step on independent checks)
	 */
	record Change(String name, TrendSeries series, double apdex, double after, long at, boolean oracle) {

	}

	static List<Change> changes() {
		TrendSeries business = new TrendSeries(0.4, 0, 0, 0, 0, 0);
		return List.of(new Change("step 0.95 -> 0.85", TrendSeries.CONSTANT, 0.95, 0.85, 8 * DAY, true),
				new Change("step 0.98 -> 0.95", TrendSeries.CONSTANT, 0.98, 0.95, 8 * DAY, true),
				new Change("step 0.95 -> 0.85, business-hours endpoint", business, 0.95, 0.85, 15 * DAY, false),
				new Change("first day: 0.95 -> 0.85 at hour 6", TrendSeries.CONSTANT, 0.95, 0.85, 6 * HOUR, false),
				new Change("first day: 0.95 -> 0.75 at hour 6", TrendSeries.CONSTANT, 0.95, 0.75, 6 * HOUR, false));
	}

	/** Delays of this detector, the one before and the oracle, in minutes. */
	record Delays(Summary now, Summary before, Summary oracle) {

	}

	/** Median, p90 and misses of delays. */
	record Summary(double median, double p90, int missed, int falseBefore) {

		String describe() {
			return String.format(Locale.ROOT, "%.0f / %s", this.median,
					Double.isInfinite(this.p90) ? "-" : String.format(Locale.ROOT, "%.0f", this.p90))
					+ ((this.missed > 0) ? " missed " + this.missed : "");
		}

	}

	static Delays delays(Change change, TrendSensitivity sensitivity, int seeds) {
		int threshold = TrendSeries.thresholdFor(change.apdex());
		double shift = TrendSeries.shiftFor(change.apdex(), change.after());
		long horizon = 2 * DAY;
		double oracleThreshold = Math.log(CHECKS_90_DAYS);
		double[][] results = IntStream.range(0, seeds).parallel().mapToObj((run) -> {
			long seed = 7_000_000L + run;
			long start = start(seed) + (change.at() < DAY ? -Math.floorMod(start(seed), DAY) : 0);
			// The change at a random minute of the day after the stated time.
			long changeAt = start + change.at() + ((change.at() < DAY) ? 0 : Math.floorMod(seed * 7919, 1440) * MINUTE);
			TrendSeries.Generator generator = change.series().generator(seed, start);
			TrendState state = TrendState.initial(threshold);
			ClassCusum before = new ClassCusum(sensitivity);
			TrendParameters parameters = TrendParameters.of(sensitivity);
			double now = Double.POSITIVE_INFINITY;
			double old = Double.POSITIVE_INFINITY;
			double oracle = Double.POSITIVE_INFINITY;
			double evidence = 0;
			double mu0 = Math.log(TrendSeries.MEDIAN_MS);
			double variance = TrendSeries.SIGMA * TrendSeries.SIGMA;
			while (true) {
				generator.next();
				if (generator.at >= changeAt + horizon) {
					break;
				}
				boolean changed = generator.at >= changeAt;
				generator.shift = changed ? shift : 0;
				TrendDetector.Decision decision = TrendDetector.apply(state, generator.check(threshold), parameters);
				int oldDecision = before.observe(generator.score(threshold));
				if (!changed) {
					continue;
				}
				double delay = (generator.at - changeAt) / (double) MINUTE;
				if (decision != null && decision.kind() == TrendEvent.Kind.DEGRADED
						&& now == Double.POSITIVE_INFINITY) {
					now = delay;
				}
				if (state.degraded && now == Double.POSITIVE_INFINITY) {
					// Already degraded by an earlier false alarm: it counts from the
					// change.
					now = delay;
				}
				if (oldDecision > 0 && old == Double.POSITIVE_INFINITY) {
					old = delay;
				}
				double x = Math.log(generator.totalMs);
				evidence = Math.max(0, evidence + shift / variance * (x - mu0 - shift / 2));
				if (evidence > oracleThreshold && oracle == Double.POSITIVE_INFINITY) {
					oracle = delay;
				}
				if (now != Double.POSITIVE_INFINITY && old != Double.POSITIVE_INFINITY
						&& oracle != Double.POSITIVE_INFINITY) {
					break;
				}
			}
			return new double[] { now, old, oracle };
		}).toArray(double[][]::new);
		return new Delays(summary(results, 0), summary(results, 1), change.oracle() ? summary(results, 2) : null);
	}

	private static Summary summary(double[][] results, int column) {
		double[] values = Arrays.stream(results).mapToDouble((row) -> row[column]).sorted().toArray();
		int missed = (int) Arrays.stream(values).filter(Double::isInfinite).count();
		return new Summary(percentile(values, 0.5), percentile(values, 0.9), missed, 0);
	}

	static double percentile(double[] values, double p) {
		double[] sorted = values.clone();
		Arrays.sort(sorted);
		return sorted[Math.min(sorted.length - 1, (int) Math.floor(p * sorted.length))];
	}

	/** Days to detect and Apdex lost by then, for this detector and the one before. */
	static double[][] drift(TrendSensitivity sensitivity, int seeds) {
		int threshold = TrendSeries.thresholdFor(0.95);
		double perDay = Math.log(1.02);
		long from = 8 * DAY;
		long horizon = 40 * DAY;
		double[][] rows = IntStream.range(0, seeds).parallel().mapToObj((run) -> {
			long seed = 9_000_000L + run;
			long start = start(seed);
			TrendSeries.Generator generator = TrendSeries.CONSTANT.generator(seed, start);
			TrendState state = TrendState.initial(threshold);
			ClassCusum before = new ClassCusum(sensitivity);
			TrendParameters parameters = TrendParameters.of(sensitivity);
			double now = Double.POSITIVE_INFINITY;
			double old = Double.POSITIVE_INFINITY;
			while (generator.at < start + from + horizon
					&& (now == Double.POSITIVE_INFINITY || old == Double.POSITIVE_INFINITY)) {
				generator.next();
				double days = Math.max(0, (generator.at - start - from) / (double) DAY);
				generator.shift = perDay * days;
				TrendDetector.Decision decision = TrendDetector.apply(state, generator.check(threshold), parameters);
				int oldDecision = before.observe(generator.score(threshold));
				if (days <= 0) {
					continue;
				}
				if (state.degraded && now == Double.POSITIVE_INFINITY) {
					now = days;
				}
				if (oldDecision > 0 && old == Double.POSITIVE_INFINITY) {
					old = days;
				}
			}
			double base = TrendSeries.apdex(threshold, 0);
			return new double[] { now, base - lossAt(threshold, perDay, now), old,
					base - lossAt(threshold, perDay, old) };
		}).toArray(double[][]::new);
		double[][] columns = new double[4][];
		for (int c = 0; c < 4; c++) {
			int column = c;
			columns[c] = Arrays.stream(rows).mapToDouble((row) -> row[column]).toArray();
		}
		return columns;
	}

	private static double lossAt(int threshold, double perDay, double days) {
		return Double.isInfinite(days) ? 0 : TrendSeries.apdex(threshold, perDay * days);
	}

	/**
	 * Share of runs with a RECOVERED while still degraded, recovery median and p90, and
	 * the share for the detector before.
	 */
	static double[] thresholdChange(TrendSensitivity sensitivity, int seeds) {
		int threshold = TrendSeries.thresholdFor(0.95);
		double shift = TrendSeries.shiftFor(0.95, 0.85);
		double[][] rows = IntStream.range(0, seeds).parallel().mapToObj((run) -> {
			long seed = 11_000_000L + run;
			long start = start(seed);
			long changeAt = start + 8 * DAY;
			long newT = changeAt + 3 * HOUR;
			long end = changeAt + DAY;
			TrendSeries.Generator generator = TrendSeries.CONSTANT.generator(seed, start);
			TrendState state = TrendState.initial(threshold);
			ClassCusum before = new ClassCusum(sensitivity);
			TrendParameters parameters = TrendParameters.of(sensitivity);
			boolean early = false;
			boolean oldEarly = false;
			double recovered = Double.POSITIVE_INFINITY;
			boolean reset = false;
			while (generator.at < end + DAY && recovered == Double.POSITIVE_INFINITY) {
				generator.next();
				generator.shift = (generator.at >= changeAt && generator.at < end) ? shift : 0;
				int t = (generator.at >= newT) ? 2 * threshold : threshold;
				if (generator.at >= newT && !reset) {
					reset = true;
					oldEarly |= before.reset() < 0;
				}
				TrendDetector.Decision decision = TrendDetector.apply(state, generator.check(t), parameters);
				int oldDecision = before.observe(generator.score(t));
				if (generator.at >= changeAt && generator.at < end) {
					early |= decision != null && decision.kind() == TrendEvent.Kind.RECOVERED;
					oldEarly |= oldDecision < 0;
				}
				if (generator.at >= end && decision != null && decision.kind() == TrendEvent.Kind.RECOVERED) {
					recovered = (generator.at - end) / (double) MINUTE;
				}
			}
			return new double[] { early ? 1 : 0, recovered, oldEarly ? 1 : 0 };
		}).toArray(double[][]::new);
		double[] recoveries = Arrays.stream(rows).mapToDouble((row) -> row[1]).toArray();
		return new double[] { Arrays.stream(rows).mapToDouble((row) -> row[0]).average().orElse(0),
				percentile(recoveries, 0.5), percentile(recoveries, 0.9),
				Arrays.stream(rows).mapToDouble((row) -> row[2]).average().orElse(0) };
	}

	/** For quick looks while tuning: {@code runs seeds}. */
	public static void main(String[] arguments) {
		print(Integer.parseInt(arguments[0]), Integer.parseInt(arguments[1]), System.out);
	}

}
