package io.pepper.contracts.v1;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;

/**
 * An endpoint's history with all locations pooled and one series per location, in one
 * answer: receiver-service's answer to {@code GET
 * /v1/history/{endpointId}/locations?from=..&to=..[&step=..][&resolution=..]} (query
 * token). Without {@code step} (or with {@code step=auto}) receiver-service picks it from
 * the range, see {@link #autoStepSeconds}.
 *
 * @param endpointId the endpoint
 * @param from the start of the range (inclusive)
 * @param to the end of the range (exclusive)
 * @param stepSeconds the length of each step
 * @param resolution the data the points were computed from
 * @param apdexThresholdMs the latest threshold T in the range, or null when no checks
 * @param all the points of all locations pooled, one per step that has checks
 * @param locations one series per location that has checks in the range, by name
 */
public record LocationHistory(UUID endpointId, Instant from, Instant to,
		@JsonProperty(required = true) long stepSeconds, HistoryResolution resolution,
		@Nullable Integer apdexThresholdMs, List<HistoryPoint> all, List<Series> locations) {

	public static final String PATH = "/v1/history/{endpointId}/locations";

	public LocationHistory {
		Require.present(endpointId, "endpointId");
		Require.present(from, "from");
		Require.present(to, "to");
		Require.atLeast(stepSeconds, 1, "stepSeconds");
		Require.present(resolution, "resolution");
		all = Require.list(all, "all");
		locations = Require.list(locations, "locations");
	}

	/**
	 * The step receiver-service picks for a range when none is asked for: a minute up to
	 * 3 hours (raw checks), an hour up to 8 days (hourly rollups), a day beyond (daily
	 * rollups). Applies to {@link HistorySeries} too.
	 */
	public static long autoStepSeconds(long rangeSeconds) {
		if (rangeSeconds <= 3 * 3600) {
			return 60;
		}
		if (rangeSeconds <= 8 * 86400) {
			return 3600;
		}
		return 86400;
	}

	/**
	 * The points of one location.
	 *
	 * @param location the location
	 * @param apdexThresholdMs the latest T at that location, or null
	 * @param points one per step that has checks, in time order
	 */
	public record Series(String location, @Nullable Integer apdexThresholdMs, List<HistoryPoint> points) {

		public Series {
			Require.text(location, "location");
			points = Require.list(points, "points");
		}

	}

}
