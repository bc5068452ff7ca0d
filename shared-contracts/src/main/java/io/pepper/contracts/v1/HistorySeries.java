package io.pepper.contracts.v1;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;

/**
 * receiver-service's answer to {@code GET
 * /v1/history/{endpointId}?from=..&to=..[&step=..][&location=..][&resolution=..]} (query
 * token). Without {@code step} (or {@code step=auto}) the step is
 * {@link LocationHistory#autoStepSeconds}.
 *
 * @param endpointId the endpoint
 * @param location the location, or null for all locations pooled
 * @param from the start of the range (inclusive)
 * @param to the end of the range (exclusive)
 * @param stepSeconds the length of each step
 * @param apdexThresholdMs the threshold T the Apdex figures are for, or null when no
 * checks
 * @param points one per step that has checks, in time order
 * @param resolution the data the points were computed from; null from an older sender
 */
public record HistorySeries(UUID endpointId, @Nullable String location, Instant from, Instant to,
		@JsonProperty(required = true) long stepSeconds, @Nullable Integer apdexThresholdMs, List<HistoryPoint> points,
		@Nullable HistoryResolution resolution) {

	public static final String PATH = "/v1/history/{endpointId}";

	public HistorySeries {
		Require.present(endpointId, "endpointId");
		Require.present(from, "from");
		Require.present(to, "to");
		Require.atLeast(stepSeconds, 1, "stepSeconds");
		points = Require.list(points, "points");
	}

	/** A series that does not say which resolution it was computed from. */
	public HistorySeries(UUID endpointId, @Nullable String location, Instant from, Instant to, long stepSeconds,
			@Nullable Integer apdexThresholdMs, List<HistoryPoint> points) {
		this(endpointId, location, from, to, stepSeconds, apdexThresholdMs, points, null);
	}

}
