package io.pepper.receiver.trend;

import java.util.Arrays;

import com.fasterxml.jackson.annotation.JsonIgnore;
import org.jspecify.annotations.Nullable;

/**
 * What the detector learnt of one location of one endpoint: the normal log-latency per
 * hour of day and day of week around a slow level, and the shape of the spread around it,
 * so a check can be scored by its quantile. Mutable, and changed only by
 * {@link TrendDetector}, which copies it before it changes anything.
 */
public final class LocationBaseline {

	/** Residuals (ln ms minus the expected ln ms) are binned from here ... */
	static final double HISTOGRAM_FROM = -2.0;

	/** ... in steps of this many nats. */
	static final double HISTOGRAM_STEP = 0.1;

	static final int HISTOGRAM_BINS = 60;

	/**
	 * How many scheduled times are remembered, so a replayed check is not counted twice.
	 */
	static final int SEEN = 32;

	/** The slow level of ln(total ms). */
	public double level;

	/**
	 * Deviations from the level per hour of day (UTC), before their mean is taken out;
	 * the mean is kept in {@code hoursSum} so learning costs one bucket, not all of them.
	 */
	public double[] hours = new double[24];

	public double hoursSum;

	/** The same per day of week, Monday first. */
	public double[] days = new double[7];

	public double daysSum;

	/** The latest scheduled time seen. */
	public long latestSeen = Long.MIN_VALUE;

	/**
	 * Weights of the residuals, per bin; the first and last bins also take everything
	 * beyond.
	 */
	public double[] histogram = new double[HISTOGRAM_BINS];

	/** The share of failed checks. */
	public double failedShare;

	/** Checks that answered, since the location was first seen. */
	public long answered;

	/** The scheduled time (epoch ms) of the latest check learnt from. */
	public long learntAt;

	/** Scores of the open 5-minute bin. */
	public double binSum;

	public int binCount;

	/** Scores of the open hour bin. */
	public double hourSum;

	public int hourCount;

	/** Scores since the fast detector last left zero. */
	public double fastSum;

	public int fastCount;

	/** Scores since the slow detector last left zero. */
	public double slowSum;

	public int slowCount;

	/** The latest scheduled times seen (epoch ms), a ring. */
	public long[] seen = new long[SEEN];

	public int seenNext;

	/** The histogram's implicit decay so far: its bins are worth 1/shapeScale each. */
	public double shapeScale = 1;

	@JsonIgnore
	private double @Nullable [] cumulative;

	@JsonIgnore
	private int learntSinceCumulative;

	public LocationBaseline() {
		// A prior shape until the location's own is known: lognormal, sigma 0.5.
		for (int bin = 0; bin < HISTOGRAM_BINS; bin++) {
			double center = HISTOGRAM_FROM + (bin + 0.5) * HISTOGRAM_STEP;
			this.histogram[bin] = Math.exp(-center * center / (2 * 0.25));
		}
		normalize(this.histogram, 1);
	}

	LocationBaseline copy() {
		LocationBaseline copy = new LocationBaseline();
		copy.level = this.level;
		copy.hours = this.hours.clone();
		copy.hoursSum = this.hoursSum;
		copy.days = this.days.clone();
		copy.daysSum = this.daysSum;
		copy.latestSeen = this.latestSeen;
		copy.histogram = this.histogram.clone();
		copy.shapeScale = this.shapeScale;
		copy.failedShare = this.failedShare;
		copy.answered = this.answered;
		copy.learntAt = this.learntAt;
		copy.binSum = this.binSum;
		copy.binCount = this.binCount;
		copy.hourSum = this.hourSum;
		copy.hourCount = this.hourCount;
		copy.fastSum = this.fastSum;
		copy.fastCount = this.fastCount;
		copy.slowSum = this.slowSum;
		copy.slowCount = this.slowCount;
		copy.seen = this.seen.clone();
		copy.seenNext = this.seenNext;
		return copy;
	}

	/** Records a scheduled time; false when it was seen before. */
	boolean remember(long at) {
		if (at <= this.latestSeen) {
			for (long seen : this.seen) {
				if (seen == at) {
					return false;
				}
			}
		}
		this.latestSeen = Math.max(this.latestSeen, at);
		this.seen[this.seenNext] = at;
		this.seenNext = (this.seenNext + 1) % SEEN;
		return true;
	}

	static int hourOf(long at) {
		return (int) Math.floorMod(Math.floorDiv(at, 3_600_000L), 24L);
	}

	static int dayOf(long at) {
		// 1970-01-01 was a Thursday.
		return (int) Math.floorMod(Math.floorDiv(at, 86_400_000L) + 3, 7L);
	}

	/** The expected ln(total ms) at a time. */
	double expected(long at) {
		return this.level + this.hours[hourOf(at)] - this.hoursSum / 24 + this.days[dayOf(at)] - this.daysSum / 7;
	}

	/**
	 * The baseline's share of residuals below {@code residual}, counting half of its own
	 * bin (a mid-rank), so a location that always answers alike scores about zero.
	 */
	double cdf(double residual) {
		double[] cumulative = cumulative();
		int bin = (int) Math.floor((residual - HISTOGRAM_FROM) / HISTOGRAM_STEP);
		if (bin < 0) {
			return cumulative[0] / 2;
		}
		if (bin >= HISTOGRAM_BINS) {
			return 1 - (1 - cumulative[HISTOGRAM_BINS - 2]) / 2;
		}
		double below = (bin == 0) ? 0 : cumulative[bin - 1];
		return (below + cumulative[bin]) / 2;
	}

	/** The baseline's share of residuals up to {@code residual}, interpolated. */
	double cdfUpTo(double residual) {
		double[] cumulative = cumulative();
		double position = (residual - HISTOGRAM_FROM) / HISTOGRAM_STEP;
		if (position <= 0) {
			return 0;
		}
		if (position >= HISTOGRAM_BINS) {
			return 1;
		}
		int bin = (int) position;
		double below = (bin == 0) ? 0 : cumulative[bin - 1];
		return below + (cumulative[bin] - below) * (position - bin);
	}

	/** The residual below which a share {@code p} of the baseline lies. */
	double quantile(double p) {
		double[] cumulative = cumulative();
		for (int bin = 0; bin < HISTOGRAM_BINS; bin++) {
			if (cumulative[bin] >= p) {
				double below = (bin == 0) ? 0 : cumulative[bin - 1];
				double within = (cumulative[bin] > below) ? (p - below) / (cumulative[bin] - below) : 0.5;
				return HISTOGRAM_FROM + (bin + within) * HISTOGRAM_STEP;
			}
		}
		return HISTOGRAM_FROM + HISTOGRAM_BINS * HISTOGRAM_STEP;
	}

	/**
	 * Adds a residual with weight {@code rate} while the older ones fade by
	 * {@code 1 - rate}. The fading is kept in {@code shapeScale} rather than applied to
	 * every bin each time.
	 */
	void learnShape(double residual, double rate) {
		int bin = (int) Math.floor((residual - HISTOGRAM_FROM) / HISTOGRAM_STEP);
		bin = Math.max(0, Math.min(HISTOGRAM_BINS - 1, bin));
		this.shapeScale /= 1 - rate;
		this.histogram[bin] += rate * this.shapeScale;
		if (this.shapeScale > 1e12) {
			for (int i = 0; i < HISTOGRAM_BINS; i++) {
				this.histogram[i] /= this.shapeScale;
			}
			this.shapeScale = 1;
		}
		// The shape changes slowly: score against one a few dozen checks old.
		if (++this.learntSinceCumulative >= 32) {
			this.cumulative = null;
		}
	}

	/** Moves the offset of the hour of {@code at} by {@code delta}, the others back. */
	void learnHour(long at, double delta) {
		double centered = delta * 24 / 23;
		this.hours[hourOf(at)] += centered;
		this.hoursSum += centered;
	}

	/** Moves the offset of the day of {@code at} by {@code delta}, the others back. */
	void learnDay(long at, double delta) {
		double centered = delta * 7 / 6;
		this.days[dayOf(at)] += centered;
		this.daysSum += centered;
	}

	private double[] cumulative() {
		double[] cached = this.cumulative;
		if (cached == null) {
			this.learntSinceCumulative = 0;
			double[] cumulative = new double[HISTOGRAM_BINS];
			double total = Arrays.stream(this.histogram).sum();
			double sum = 0;
			for (int bin = 0; bin < HISTOGRAM_BINS; bin++) {
				sum += this.histogram[bin] / total;
				cumulative[bin] = sum;
			}
			this.cumulative = cumulative;
			return cumulative;
		}
		return cached;
	}

	private static void normalize(double[] values, double total) {
		double sum = Arrays.stream(values).sum();
		for (int i = 0; i < values.length; i++) {
			values[i] *= total / sum;
		}
	}

}
