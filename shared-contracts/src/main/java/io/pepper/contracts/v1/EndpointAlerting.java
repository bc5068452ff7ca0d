package io.pepper.contracts.v1;

import java.net.URI;
import java.util.List;
import java.util.UUID;

/**
 * What failure-service and receiver-service need to know about one endpoint to confirm,
 * notify and watch its trend.
 *
 * @param endpointId the endpoint
 * @param organizationId its organization
 * @param name what people call it
 * @param url what is checked
 * @param locations the locations it is checked from (n for k-of-n)
 * @param tags its tags
 * @param apdexThresholdMs its Apdex threshold T
 * @param policy the effective alert policy
 * @param maintenanceWindowIds the maintenance windows that cover it
 */
public record EndpointAlerting(UUID endpointId, UUID organizationId, String name, URI url, List<String> locations,
		List<String> tags, int apdexThresholdMs, AlertPolicy policy, List<UUID> maintenanceWindowIds) {

	public EndpointAlerting {
		Require.present(endpointId, "endpointId");
		Require.present(organizationId, "organizationId");
		Require.text(name, "name");
		Require.present(url, "url");
		locations = Require.list(locations, "locations");
		tags = Require.list(tags, "tags");
		Require.between(apdexThresholdMs, 1, EndpointSpec.MAX_TIMEOUT_MS, "apdexThresholdMs");
		Require.present(policy, "policy");
		maintenanceWindowIds = Require.list(maintenanceWindowIds, "maintenanceWindowIds");
	}

}
