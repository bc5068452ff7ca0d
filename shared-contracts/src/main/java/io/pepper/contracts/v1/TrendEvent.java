package io.pepper.contracts.v1;

import java.time.Instant;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;

/**
 * receiver-service's trend detector found a sustained Apdex drop of an endpoint, or its
 * recovery.
 *
 * @param eventId unique; a resent event keeps it, so failure-service can ignore repeats
 * @param endpointId the endpoint
 * @param organizationId its organization
 * @param kind degraded or recovered
 * @param detectedAt when the detector decided
 * @param apdex the recent score, pooled across locations
 * @param baselineApdex the score the detector compared against
 * @param apdexThresholdMs the threshold T both scores are for
 * @param reason a sentence for people
 * @param degradation for a DEGRADED event, the evidence: Apdex and p95 before and after,
 * since when, which locations; null from a sender that does not report it
 */
public record TrendEvent(UUID eventId, UUID endpointId, UUID organizationId, Kind kind, Instant detectedAt,
		@JsonProperty(required = true) double apdex, @JsonProperty(required = true) double baselineApdex,
		@JsonProperty(required = true) int apdexThresholdMs, String reason, @Nullable Degradation degradation) {

	public static final String PATH = "/v1/trend-events";

	public TrendEvent {
		Require.present(eventId, "eventId");
		Require.present(endpointId, "endpointId");
		Require.present(organizationId, "organizationId");
		Require.present(kind, "kind");
		Require.within(Require.present(detectedAt, "detectedAt"), CheckResult.EARLIEST, CheckResult.LATEST,
				"detectedAt");
		// written so that NaN fails too
		if (!(apdex >= 0 && apdex <= 1 && baselineApdex >= 0 && baselineApdex <= 1)) {
			throw new IllegalArgumentException("apdex and baselineApdex must be between 0 and 1");
		}
		Require.between(apdexThresholdMs, 1, EndpointSpec.MAX_TIMEOUT_MS, "apdexThresholdMs");
		Require.storable(Require.present(reason, "reason"), "reason");
	}

	/** An event without its evidence. */
	public TrendEvent(UUID eventId, UUID endpointId, UUID organizationId, Kind kind, Instant detectedAt, double apdex,
			double baselineApdex, int apdexThresholdMs, String reason) {
		this(eventId, endpointId, organizationId, kind, detectedAt, apdex, baselineApdex, apdexThresholdMs, reason,
				null);
	}

	/** What the detector reports. */
	public enum Kind {

		DEGRADED, RECOVERED

	}

}
