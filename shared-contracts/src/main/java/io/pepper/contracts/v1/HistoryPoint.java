package io.pepper.contracts.v1;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;

/**
 * The checks of one step of a history series. Counts are exact; percentiles come from
 * mergeable histograms; a figure with no checks behind it is null.
 *
 * @param time the start of the step
 * @param checks all checks
 * @param up checks whose outcome was UP
 * @param satisfied Apdex satisfied
 * @param tolerating Apdex tolerating
 * @param frustrated Apdex frustrated (failed checks included)
 * @param apdex (satisfied + tolerating / 2) / checks
 * @param uptime up / checks
 * @param meanMs mean total time of successful checks
 * @param p50Ms median total time of successful checks
 * @param p95Ms 95th percentile
 * @param p99Ms 99th percentile
 * @param dnsMeanMs mean DNS time
 * @param connectMeanMs mean connect time
 * @param tlsMeanMs mean TLS time
 * @param firstByteMeanMs mean time to first byte
 */
public record HistoryPoint(Instant time, @JsonProperty(required = true) long checks,
		@JsonProperty(required = true) long up, @JsonProperty(required = true) long satisfied,
		@JsonProperty(required = true) long tolerating, @JsonProperty(required = true) long frustrated,
		@Nullable Double apdex, @Nullable Double uptime, @Nullable Double meanMs, @Nullable Double p50Ms,
		@Nullable Double p95Ms, @Nullable Double p99Ms, @Nullable Double dnsMeanMs, @Nullable Double connectMeanMs,
		@Nullable Double tlsMeanMs, @Nullable Double firstByteMeanMs) {

	public HistoryPoint {
		Require.present(time, "time");
		Require.atLeast(checks, 0, "checks");
		if (up > checks || satisfied + tolerating + frustrated != checks) {
			throw new IllegalArgumentException("up and the Apdex classes must add up to the checks");
		}
	}

}
