package io.pepper.contracts.v1;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The evidence of a sustained drop, as the trend detector saw it when it decided: what
 * the endpoint scored before and after, since when and where. A degraded incident carries
 * the one it opened with.
 *
 * @param apdexBefore the baseline Apdex, for the current T and time of day
 * @param apdexAfter the Apdex since the drop, pooled across locations
 * @param p95BeforeMs the baseline 95th percentile of the total time, in ms
 * @param p95AfterMs the 95th percentile since the drop, in ms
 * @param since when the drop started, as the detector estimates it
 * @param locations the locations that show the drop, sorted
 * @param locationsChecked how many locations the endpoint was checked from
 * @param summary one line for people, e.g. "p95 412 ms → 655 ms since 09:40 UTC, all 3
 * locations"
 */
public record Degradation(@JsonProperty(required = true) double apdexBefore,
		@JsonProperty(required = true) double apdexAfter, @JsonProperty(required = true) long p95BeforeMs,
		@JsonProperty(required = true) long p95AfterMs, Instant since, List<String> locations,
		@JsonProperty(required = true) int locationsChecked, String summary) {

	public Degradation {
		if (!(apdexBefore >= 0 && apdexBefore <= 1 && apdexAfter >= 0 && apdexAfter <= 1)) {
			throw new IllegalArgumentException("apdexBefore and apdexAfter must be between 0 and 1");
		}
		Require.atLeast(p95BeforeMs, 0, "p95BeforeMs");
		Require.atLeast(p95AfterMs, 0, "p95AfterMs");
		Require.present(since, "since");
		locations = Require.list(locations, "locations");
		Require.atLeast(locationsChecked, 0, "locationsChecked");
		Require.present(summary, "summary");
	}

}
