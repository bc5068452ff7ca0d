package io.pepper.contracts.v1;

import java.util.List;
import java.util.UUID;

/**
 * failure-service's answer to {@code GET /v1/open-incidents/endpoints} (service token):
 * the endpoints with an open incident, whose successful checks receiver-service forwards
 * to {@code POST /v1/successes} (a {@link ResultBatch}) so incidents can resolve.
 *
 * @param endpointIds the endpoints
 */
public record OpenIncidentEndpoints(List<UUID> endpointIds) {

	public static final String PATH = "/v1/open-incidents/endpoints";

	public static final String SUCCESSES_PATH = "/v1/successes";

	public OpenIncidentEndpoints {
		endpointIds = Require.list(endpointIds, "endpointIds");
	}

}
