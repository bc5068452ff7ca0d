package io.pepper.contracts.v1;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * One page of an endpoint's most recent raw checks, newest first: receiver-service's
 * answer to {@code GET
 * /v1/history/{endpointId}/checks?limit=..[&before=..][&location=..]} (query token). A
 * page ends on a whole scheduled slot, so it may hold a few more checks than
 * {@code limit} when several locations checked in the same slot; the next page is asked
 * with {@code before=nextBefore}.
 *
 * @param endpointId the endpoint
 * @param location the location asked for, or null for all
 * @param checks the checks as they were sent, newest first (then by location)
 * @param nextBefore the {@code before} of the next (older) page, or null when this is the
 * last
 */
public record RecentChecks(UUID endpointId, @Nullable String location, List<CheckResult> checks,
		@Nullable Instant nextBefore) {

	public static final String PATH = "/v1/history/{endpointId}/checks";

	public static final int DEFAULT_LIMIT = 50;

	public static final int MAX_LIMIT = 500;

	public RecentChecks {
		Require.present(endpointId, "endpointId");
		checks = Require.list(checks, "checks");
		for (int i = 0; i < checks.size(); i++) {
			if (!checks.get(i).endpointId().equals(endpointId)) {
				throw new IllegalArgumentException("checks[" + i + "] is of another endpoint");
			}
			if (i > 0 && checks.get(i).scheduledAt().isAfter(checks.get(i - 1).scheduledAt())) {
				throw new IllegalArgumentException("checks must be newest first but checks[" + i + "] is newer");
			}
		}
	}

}
