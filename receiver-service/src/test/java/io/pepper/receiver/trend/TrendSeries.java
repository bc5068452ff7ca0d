package io.pepper.receiver.trend;

import java.time.Instant;
import java.util.SplittableRandom;

/**
 * Seeded synthetic checks of one endpoint from several locations, one check a minute
 * each: lognormal latencies (sigma 0.5 in ln ms around a 200 ms median) with the patterns
 * real endpoints have. Deterministic: a seed gives the same series.
 *
 * @param businessSlowdown how much slower 09:00-17:00 UTC is every day, e.g. 0.4 for 40%
 * @param weekdaySlowdown how much slower Monday to Friday are than weekends
 * @param wander the standard deviation of a load factor that wanders with a one-hour
 * correlation, in ln units (0.1 for about ±10%)
 * @param tailShare the share of checks with an extra exponential delay (mean x e)
 * @param slowLocation how much slower the last location always is
 * @param dailyBlipMinutes minutes of a 4x slowdown at a random time each day
 */
record TrendSeries(double businessSlowdown, double weekdaySlowdown, double wander, double tailShare,
		double slowLocation, int dailyBlipMinutes) {

	static final double SIGMA = 0.5;

	static final double MEDIAN_MS = 200;

	static final String[] LOCATIONS = { "eu-west", "us-east", "ap-south" };

	/** A Monday. */
	static final long MONDAY = Instant.parse("2026-01-05T00:00:00Z").toEpochMilli();

	static final long MINUTE = 60_000;

	static final TrendSeries CONSTANT = new TrendSeries(0, 0, 0, 0, 0, 0);

	/** The T that gives {@code apdex} for a lognormal at the 200 ms median. */
	static int thresholdFor(double apdex) {
		return (int) Math.round(MEDIAN_MS * Math.exp(SIGMA * aFor(apdex)));
	}

	/**
	 * The shift of ln median that turns Apdex {@code from} into {@code to} for the same
	 * T.
	 */
	static double shiftFor(double from, double to) {
		return SIGMA * (aFor(from) - aFor(to));
	}

	/** Apdex of a lognormal whose ln T lies {@code a} sigmas above its ln median. */
	static double apdex(double a) {
		double satisfied = phi(a);
		return satisfied + (phi(a + Math.log(4) / SIGMA) - satisfied) / 2;
	}

	/** Apdex for T when the ln median is {@code shift} above the 200 ms one. */
	static double apdex(int thresholdMs, double shift) {
		return apdex((Math.log(thresholdMs / MEDIAN_MS) - shift) / SIGMA);
	}

	private static double aFor(double apdex) {
		double low = -5;
		double high = 8;
		for (int i = 0; i < 60; i++) {
			double middle = (low + high) / 2;
			if (apdex(middle) < apdex) {
				low = middle;
			}
			else {
				high = middle;
			}
		}
		return (low + high) / 2;
	}

	static double phi(double x) {
		// Abramowitz and Stegun 7.1.26 through erf; error below 1.5e-7.
		double z = Math.abs(x) / Math.sqrt(2);
		double t = 1 / (1 + 0.3275911 * z);
		double erf = 1
				- t * (0.254829592 + t * (-0.284496736 + t * (1.421413741 + t * (-1.453152027 + t * 1.061405429))))
						* Math.exp(-z * z);
		return (x >= 0) ? (1 + erf) / 2 : (1 - erf) / 2;
	}

	/** A generator of this series for one seed, starting at {@code start}. */
	Generator generator(long seed, long start) {
		return new Generator(this, new SplittableRandom(seed), start);
	}

	/**
	 * Produces the checks minute by minute; each call to {@link #next} gives one check.
	 */
	static final class Generator {

		private final TrendSeries series;

		private final SplittableRandom random;

		private final double rho = Math.exp(-1.0 / 60);

		private long minute;

		private int location = LOCATIONS.length;

		private double load;

		private long blipDay = -1;

		private long blipStart;

		/** Added to ln median from now on (steps, drifts). */
		double shift;

		long at;

		String where = LOCATIONS[0];

		double totalMs;

		boolean up = true;

		/** While true, every check fails. */
		boolean down;

		Generator(TrendSeries series, SplittableRandom random, long start) {
			this.series = series;
			this.random = random;
			this.minute = start / MINUTE - 1;
		}

		/**
		 * The next check: fills {@code at}, {@code where}, {@code totalMs}, {@code up}.
		 */
		void next() {
			if (this.location == LOCATIONS.length) {
				this.location = 0;
				this.minute++;
				if (this.series.wander > 0) {
					this.load = this.rho * this.load
							+ Math.sqrt(1 - this.rho * this.rho) * this.series.wander * this.random.nextGaussian();
				}
			}
			long time = this.minute * MINUTE;
			this.at = time;
			this.where = LOCATIONS[this.location];
			double ln = Math.log(MEDIAN_MS) + this.shift + this.load + SIGMA * this.random.nextGaussian();
			int hour = LocationBaseline.hourOf(time);
			int day = LocationBaseline.dayOf(time);
			if (this.series.businessSlowdown > 0 && hour >= 9 && hour < 17) {
				ln += Math.log1p(this.series.businessSlowdown);
			}
			if (this.series.weekdaySlowdown > 0 && day < 5) {
				ln += Math.log1p(this.series.weekdaySlowdown);
			}
			if (this.series.slowLocation > 0 && this.location == LOCATIONS.length - 1) {
				ln += Math.log1p(this.series.slowLocation);
			}
			if (this.series.tailShare > 0 && this.random.nextDouble() < this.series.tailShare) {
				ln += -Math.log(1 - this.random.nextDouble());
			}
			if (this.series.dailyBlipMinutes > 0) {
				long today = Math.floorDiv(time, 86_400_000L);
				if (today != this.blipDay) {
					this.blipDay = today;
					this.blipStart = today * 86_400_000L
							+ this.random.nextLong(1440 - this.series.dailyBlipMinutes) * MINUTE;
				}
				if (time >= this.blipStart && time < this.blipStart + this.series.dailyBlipMinutes * MINUTE) {
					ln += Math.log(4);
				}
			}
			this.totalMs = Math.min(60_000, Math.exp(ln));
			this.up = !this.down;
			this.location++;
		}

		TrendDetector.Check check(int thresholdMs) {
			return new TrendDetector.Check(this.where, Instant.ofEpochMilli(this.at), this.up ? this.totalMs : 0,
					this.up, thresholdMs);
		}

		/** The check's Apdex score for T: 1, 0.5 or 0. */
		double score(int thresholdMs) {
			return !this.up ? 0 : (this.totalMs <= thresholdMs) ? 1 : (this.totalMs <= 4.0 * thresholdMs) ? 0.5 : 0;
		}

	}

}
