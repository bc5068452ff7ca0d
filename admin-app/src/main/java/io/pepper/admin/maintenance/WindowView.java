package io.pepper.admin.maintenance;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.pepper.contracts.v1.MaintenanceWindowSpec;

/**
 * A maintenance window as the API shows it.
 *
 * @param id the window
 * @param name what people call it
 * @param schedule when it is active
 * @param endpointIds endpoints it covers
 * @param tags tags whose endpoints it covers
 * @param createdAt when it was created
 * @param updatedAt when it was last changed
 */
public record WindowView(UUID id, String name, MaintenanceWindowSpec.Schedule schedule, List<UUID> endpointIds,
		List<String> tags, Instant createdAt, Instant updatedAt) {

	static WindowView of(MaintenanceWindow window) {
		WindowSettings s = window.getSettings();
		return new WindowView(window.getId(), s.name(), s.schedule(), s.endpointIds(), s.tags(), window.getCreatedAt(),
				window.getUpdatedAt());
	}

}
