package io.pepper.contracts.v1;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;

/**
 * The at-a-glance figures of one endpoint for a list page. receiver-service answers
 * {@code POST /v1/history/summaries} (query token) with a body of endpoint ids with one
 * of these per id, in the same order. Fields after {@code lastCheckAt} are empty (null or
 * []) from an older sender.
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
 * @param p95Ms24h the 95th percentile of the total time of successful checks over 24
 * hours
 * @param p95Ms7d over the last 7 days (today so far and the 6 days before)
 * @param p95MsPrevious7d over the 7 days before those, to show what is getting slower
 * @param hours the 24 hours of the 24-hour window, oldest first, each with its counts
 * @param locations the latest check at each location (last 30 days), by name
 * @param tlsCertExpiresAt when the server certificate seen by the latest check that saw
 * one expires
 */
public record EndpointSummary(UUID endpointId, @Nullable Double uptime24h, @Nullable Double uptime7d,
		@Nullable Double uptime30d, @Nullable Double apdex24h, @Nullable Integer apdexThresholdMs,
		@Nullable OutcomeKind lastOutcome, @Nullable Integer lastStatus, @Nullable Instant lastCheckAt,
		@Nullable Double p95Ms24h, @Nullable Double p95Ms7d, @Nullable Double p95MsPrevious7d, List<Hour> hours,
		List<LocationStatus> locations, @Nullable Instant tlsCertExpiresAt) {

	public static final String PATH = "/v1/history/summaries";

	public EndpointSummary {
		Require.present(endpointId, "endpointId");
		hours = Require.list(hours, "hours");
		locations = Require.list(locations, "locations");
	}

	/** A summary with only the figures of the first version. */
	public EndpointSummary(UUID endpointId, @Nullable Double uptime24h, @Nullable Double uptime7d,
			@Nullable Double uptime30d, @Nullable Double apdex24h, @Nullable Integer apdexThresholdMs,
			@Nullable OutcomeKind lastOutcome, @Nullable Integer lastStatus, @Nullable Instant lastCheckAt) {
		this(endpointId, uptime24h, uptime7d, uptime30d, apdex24h, apdexThresholdMs, lastOutcome, lastStatus,
				lastCheckAt, null, null, null, List.of(), List.of(), null);
	}

	/**
	 * One cell of the 24-hour bar.
	 *
	 * @param start the start of the hour
	 * @param checks checks in it, all locations
	 * @param up of which UP
	 * @param uptime up / checks, or null without checks
	 */
	public record Hour(Instant start, @JsonProperty(required = true) long checks,
			@JsonProperty(required = true) long up, @Nullable Double uptime) {

		public Hour {
			Require.present(start, "start");
			Require.atLeast(checks, 0, "checks");
			if (up < 0 || up > checks) {
				throw new IllegalArgumentException("up must be between 0 and checks (" + checks + ") but was " + up);
			}
		}

		public static Hour of(Instant start, long checks, long up) {
			return new Hour(start, checks, up, (checks > 0) ? (double) up / checks : null);
		}

	}

	/**
	 * The latest check at one location.
	 *
	 * @param location the location
	 * @param outcome what it found
	 * @param status its HTTP status, if any
	 * @param reason why it failed, or "OK"
	 * @param checkedAt its scheduled time
	 */
	public record LocationStatus(String location, OutcomeKind outcome, @Nullable Integer status, String reason,
			Instant checkedAt) {

		public LocationStatus {
			Require.text(location, "location");
			Require.present(outcome, "outcome");
			Require.present(reason, "reason");
			Require.present(checkedAt, "checkedAt");
		}

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
