package io.pepper.contracts.v1;

import java.net.URI;

/**
 * A failed check, with what failure-service needs to tell people about it.
 *
 * @param endpointName the endpoint's name
 * @param url the URL that was checked
 * @param result the failed check
 */
public record FailureReport(String endpointName, URI url, CheckResult result) {

	public FailureReport {
		Require.text(endpointName, "endpointName");
		Require.present(url, "url");
		Require.present(result, "result");
		if (result.outcome().isUp()) {
			throw new IllegalArgumentException("a failure report needs a failed check but the outcome was UP");
		}
	}

}
