package io.pepper.admin.monitoring;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;

import org.jspecify.annotations.Nullable;

/**
 * How the dashboards write their figures, the same on every page and in every refresh.
 */
public final class Figures {

	private Figures() {
	}

	/** {@code 99.95 %}; {@code –} without data. */
	public static String percent(@Nullable Double ratio) {
		if (ratio == null) {
			return "–";
		}
		double value = ratio * 100;
		// 100 % only when nothing failed: 99.996 % must not round up to it.
		String text = (value >= 99.995 && ratio < 1.0) ? "99.99" : String.format(Locale.ROOT, "%.2f", value);
		return text.replaceAll("\\.?0+$", "") + " %";
	}

	/**
	 * Apdex the standard way: score to two places and T in seconds, {@code 0.94 [0.5 s]}.
	 */
	public static String apdex(@Nullable Double score, @Nullable Integer thresholdMs) {
		if (score == null || thresholdMs == null) {
			return "–";
		}
		return String.format(Locale.ROOT, "%.2f", score) + " [" + seconds(thresholdMs) + " s]";
	}

	/**
	 * T in seconds without trailing zeros: 500 ms is {@code 0.5}, 1200 ms {@code 1.2}.
	 */
	public static String seconds(int millis) {
		String text = String.format(Locale.ROOT, "%.3f", millis / 1000.0);
		return text.replaceAll("0+$", "").replaceAll("\\.$", "");
	}

	/** {@code 87 ms}, {@code 1.24 s}; {@code –} without data. */
	public static String millis(@Nullable Double ms) {
		if (ms == null) {
			return "–";
		}
		if (ms >= 1000) {
			return String.format(Locale.ROOT, "%.2f s", ms / 1000);
		}
		return String.format(Locale.ROOT, (ms < 10) ? "%.1f ms" : "%.0f ms", ms);
	}

	/** {@code 45 s ago}, {@code 3 min ago}, {@code 2 h ago}, {@code 5 d ago}. */
	public static String age(@Nullable Instant at, Instant now) {
		if (at == null) {
			return "never checked";
		}
		long seconds = Math.max(0, Duration.between(at, now).toSeconds());
		if (seconds < 90) {
			return seconds + " s ago";
		}
		if (seconds < 90 * 60) {
			return Math.round(seconds / 60.0) + " min ago";
		}
		if (seconds < 36 * 3600) {
			return Math.round(seconds / 3600.0) + " h ago";
		}
		return Math.round(seconds / 86400.0) + " d ago";
	}

	/**
	 * The colour of a bar's cell: {@code up}, {@code partial}, {@code down} or
	 * {@code none}.
	 */
	public static String level(@Nullable Double uptime) {
		if (uptime == null) {
			return "none";
		}
		return (uptime >= 1.0) ? "up" : (uptime > 0) ? "partial" : "down";
	}

	/** The Apdex rating band of a score (Apdex Alliance): excellent to unacceptable. */
	public static String rating(@Nullable Double score) {
		if (score == null) {
			return "none";
		}
		if (score >= 0.94) {
			return "excellent";
		}
		if (score >= 0.85) {
			return "good";
		}
		if (score >= 0.70) {
			return "fair";
		}
		if (score >= 0.50) {
			return "poor";
		}
		return "unacceptable";
	}

}
