package io.pepper.receiver.trend;

import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;

/**
 * What the detector remembers of one endpoint: a baseline per location, the open 5-minute
 * and hour bins, both CUSUMs and the recent checks that describe a drop. Stored as JSON.
 * Mutable for the detector's speed, and changed only inside {@link TrendDetector}, whose
 * {@code observe} works on a copy, so to callers a state never changes.
 */
public final class TrendState {

	/** How many recent checks are kept to describe the Apdex and p95 after a drop. */
	static final int RECENT = 240;

	/** How many standardized 5-minute bins are kept for the minimum-duration test. */
	static final int RECENT_BINS = 24;

	/** The threshold T the reported Apdex is for. */
	public int thresholdMs;

	/** Checks observed, all locations, replays not counted. */
	public long observed;

	/** The scheduled time (epoch ms) of the endpoint's first check. */
	public long startedAt;

	public Map<String, LocationBaseline> locations = new TreeMap<>();

	/** The open 5-minute bin (epoch ms / bin) and hour bin. */
	public long bin;

	public long hour;

	/**
	 * Variance of 5-minute and hour bin means beyond what independent checks give: load
	 * that wanders, correlated checks.
	 */
	public double fastExcess;

	public double slowExcess;

	/** The mean square of the checks' scores (1 for smooth latencies). */
	public double scoreVariance = 1;

	/** The mean score of the last hour bin and its checks. */
	public double previousHour;

	public int previousHourCount;

	/** The standardized score of the last hour bin. */
	public double lastHour;

	/** Bins closed so far, for the first estimates of that variance. */
	public long fastBins;

	public long slowBins;

	/** The CUSUMs, and the start (epoch ms) of the bin where each last left zero. */
	public double fast;

	public long fastSince;

	public double slow;

	public long slowSince;

	/** The latest standardized 5-minute bins, newest last. */
	public double[] recentBins = filled(RECENT_BINS, 0);

	public boolean degraded;

	/** When the reported drop started. */
	public long degradedSince;

	/** The CUSUM of evidence for a recovery while degraded. */
	public double recovery;

	/** The latest checks' total ms, -1 for a failed check, -2 for none yet; a ring. */
	public double[] recent = filled(RECENT, -2);

	/** And when each was scheduled (epoch ms). */
	public long[] recentAt = new long[RECENT];

	public int recentNext;

	public static TrendState initial(int thresholdMs) {
		TrendState state = new TrendState();
		state.thresholdMs = thresholdMs;
		return state;
	}

	/** Checks observed, all locations. */
	public long checks() {
		return this.observed;
	}

	TrendState copy() {
		TrendState copy = new TrendState();
		copy.thresholdMs = this.thresholdMs;
		copy.observed = this.observed;
		copy.startedAt = this.startedAt;
		this.locations.forEach((name, location) -> copy.locations.put(name, location.copy()));
		copy.bin = this.bin;
		copy.hour = this.hour;
		copy.fastExcess = this.fastExcess;
		copy.slowExcess = this.slowExcess;
		copy.fastBins = this.fastBins;
		copy.slowBins = this.slowBins;
		copy.previousHour = this.previousHour;
		copy.previousHourCount = this.previousHourCount;
		copy.lastHour = this.lastHour;
		copy.scoreVariance = this.scoreVariance;
		copy.fast = this.fast;
		copy.fastSince = this.fastSince;
		copy.slow = this.slow;
		copy.slowSince = this.slowSince;
		copy.recentBins = this.recentBins.clone();
		copy.degraded = this.degraded;
		copy.degradedSince = this.degradedSince;
		copy.recovery = this.recovery;
		copy.recent = this.recent.clone();
		copy.recentAt = this.recentAt.clone();
		copy.recentNext = this.recentNext;
		return copy;
	}

	private static double[] filled(int size, double value) {
		double[] values = new double[size];
		Arrays.fill(values, value);
		return values;
	}

}
