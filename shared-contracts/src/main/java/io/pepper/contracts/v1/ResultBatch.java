package io.pepper.contracts.v1;

import java.util.List;
import java.util.UUID;

/**
 * Check results a probe sends to {@code POST /v1/results} on the receiver.
 *
 * @param batchId chosen by the probe; a retried batch keeps its id
 * @param probe which probe sent it, for logs
 * @param results the results, at least one
 */
public record ResultBatch(UUID batchId, String probe, List<CheckResult> results) {

	public static final String PATH = "/v1/results";

	public static final int MAX_RESULTS = 5_000;

	public ResultBatch {
		Require.present(batchId, "batchId");
		Require.text(probe, "probe");
		results = Require.list(results, "results");
		Require.between(results.size(), 1, MAX_RESULTS, "results size");
	}

}
