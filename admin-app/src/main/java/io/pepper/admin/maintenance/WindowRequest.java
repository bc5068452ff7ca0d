package io.pepper.admin.maintenance;

import io.pepper.admin.web.Name;
import java.util.List;
import java.util.UUID;

import io.pepper.contracts.v1.MaintenanceWindowSpec;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/**
 * What a client sends to create or replace a maintenance window.
 *
 * @param name what people call it, unique in the organization
 * @param schedule {@code {"type": "one-off", "start", "end"}} or {@code {"type":
 * "weekly", "days", "start", "durationMinutes", "zone"}}
 * @param endpointIds endpoints it covers
 * @param tags tags whose endpoints it covers; with neither, the whole organization
 */
public record WindowRequest(@Name @Nullable String name, @NotNull MaintenanceWindowSpec.@Nullable Schedule schedule,
		@Size(max = 500) @Nullable List<@NotNull UUID> endpointIds,
		@Size(max = 50) @Nullable List<@NotBlank @Size(max = 100) @Pattern(regexp = Name.ALLOWED,
				message = Name.MESSAGE) String> tags) {

}
