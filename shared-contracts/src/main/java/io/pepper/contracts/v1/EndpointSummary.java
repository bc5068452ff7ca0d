package io.pepper.contracts.v1;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * The at-a-glance figures of one endpoint for a list page. receiver-service answers
 * {@code POST /v1/history/summaries} (service token) with a body of endpoint ids with one
 * of these per id, in the same order.
 *
 * @param endpointId the endpoint
 * @param uptime24h share of UP checks over the last 24 hours, or null without checks
 * @param uptime7d over 7 days
 * @param uptime30d over 30 days
 * @param apdex24h the Apdex score over 24 hours
 * @param apdexThresholdMs the T of that score
 * @param lastOutcome the outcome of the most recent check
 * @param lastStatus its HTTP status
 * @param lastCheckAt its scheduled time
 */
public record EndpointSummary(UUID endpointId, @Nullable Double uptime24h, @Nullable Double uptime7d,
		@Nullable Double uptime30d, @Nullable Double apdex24h, @Nullable Integer apdexThresholdMs,
		@Nullable OutcomeKind lastOutcome, @Nullable Integer lastStatus, @Nullable Instant lastCheckAt) {

	public static final String PATH = "/v1/history/summaries";

	public EndpointSummary {
		Require.present(endpointId, "endpointId");
	}

	/** The body of a summaries request. */
	public record Request(List<UUID> endpointIds) {

		public static final int MAX_ENDPOINTS = 500;

		public Request {
			endpointIds = Require.list(endpointIds, "endpointIds");
			Require.between(endpointIds.size(), 1, MAX_ENDPOINTS, "endpointIds size");
		}

	}

}
