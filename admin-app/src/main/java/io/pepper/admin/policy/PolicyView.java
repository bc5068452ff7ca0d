package io.pepper.admin.policy;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.pepper.contracts.v1.TrendSensitivity;
import org.jspecify.annotations.Nullable;

/**
 * A policy as the API shows it.
 *
 * @param id the policy
 * @param name what people call it
 * @param endpointId the endpoint it applies to, or null
 * @param tag the tag it applies to, or null (neither: the organization's default)
 * @param failuresToOpen failed checks in a row per location before it counts as down
 * @param locationsToConfirm how many locations must agree
 * @param successesToResolve correct checks in a row to resolve
 * @param apdexFloor the Apdex floor, or null
 * @param trendSensitivity how readily a sustained Apdex drop is reported
 * @param reminderIntervalMinutes minutes between reminders, or null
 * @param channelIds the channels notified
 * @param createdAt when it was created
 * @param updatedAt when it was last changed
 */
public record PolicyView(UUID id, String name, @Nullable UUID endpointId, @Nullable String tag, int failuresToOpen,
		int locationsToConfirm, int successesToResolve, @Nullable Double apdexFloor, TrendSensitivity trendSensitivity,
		@Nullable Integer reminderIntervalMinutes, List<UUID> channelIds, Instant createdAt, Instant updatedAt) {

	static PolicyView of(Policy policy) {
		PolicySettings s = policy.getSettings();
		return new PolicyView(policy.getId(), s.name(), s.endpointId(), s.tag(), s.rules().failuresToOpen(),
				s.rules().locationsToConfirm(), s.rules().successesToResolve(), s.rules().apdexFloor(),
				s.rules().trendSensitivity(), s.rules().reminderIntervalMinutes(), s.rules().channelIds(),
				policy.getCreatedAt(), policy.getUpdatedAt());
	}

}
