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
 * @param certificateWarningDays the days before its certificate's expiry at which people
 * are warned, largest first; empty (also when a sender leaves it out) for none
 */
public record EndpointAlerting(UUID endpointId, UUID organizationId, String name, URI url, List<String> locations,
		List<String> tags, int apdexThresholdMs, AlertPolicy policy, List<UUID> maintenanceWindowIds,
		List<Integer> certificateWarningDays) {

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
		certificateWarningDays = Require.list(certificateWarningDays, "certificateWarningDays")
			.stream()
			.map((days) -> (int) Require.between(days, 1, 365, "certificateWarningDays"))
			.distinct()
			.sorted(java.util.Comparator.reverseOrder())
			.toList();
	}

	/** An endpoint whose certificate nobody is warned about. */
	public EndpointAlerting(UUID endpointId, UUID organizationId, String name, URI url, List<String> locations,
			List<String> tags, int apdexThresholdMs, AlertPolicy policy, List<UUID> maintenanceWindowIds) {
		this(endpointId, organizationId, name, url, locations, tags, apdexThresholdMs, policy, maintenanceWindowIds,
				List.of());
	}

}
