package io.pepper.admin.maintenance;

import java.util.List;
import java.util.UUID;

import io.pepper.contracts.v1.MaintenanceWindowSpec;

/**
 * A checked maintenance window.
 *
 * @param name what people call it
 * @param schedule when it is active
 * @param endpointIds endpoints it covers
 * @param tags tags whose endpoints it covers; with no endpoints either, it covers all
 */
public record WindowSettings(String name, MaintenanceWindowSpec.Schedule schedule, List<UUID> endpointIds,
		List<String> tags) {

	public WindowSettings {
		endpointIds = List.copyOf(endpointIds);
		tags = List.copyOf(tags);
	}

}
