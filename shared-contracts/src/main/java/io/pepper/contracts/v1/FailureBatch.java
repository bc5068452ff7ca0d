package io.pepper.contracts.v1;

import java.util.List;
import java.util.UUID;

/**
 * Failed checks a probe sends to {@code POST /v1/failures} on failure-service.
 *
 * @param batchId chosen by the probe; a retried batch keeps its id
 * @param probe which probe sent it, for logs
 * @param failures the failures, at least one
 */
public record FailureBatch(UUID batchId, String probe, List<FailureReport> failures) {

	public static final String PATH = "/v1/failures";

	public static final int MAX_FAILURES = 5_000;

	public FailureBatch {
		Require.present(batchId, "batchId");
		Require.text(probe, "probe");
		failures = Require.list(failures, "failures");
		Require.between(failures.size(), 1, MAX_FAILURES, "failures size");
	}

}
