package io.pepper.contracts.v1;

import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;

/**
 * When an endpoint's failures become an incident, and who hears about it. The effective
 * policy of an endpoint, already resolved by admin-app from the endpoint's own policy,
 * its tags' policies or the organization's default.
 *
 * @param failuresToOpen failed checks in a row, per location, before a location counts as
 * down
 * @param locationsToConfirm how many locations must agree (k of n; capped at the
 * endpoint's n)
 * @param successesToResolve correct checks in a row from the confirming locations to
 * resolve
 * @param apdexFloor an Apdex score below which the endpoint counts as degraded, or null
 * for none
 * @param trendSensitivity how readily a sustained Apdex drop is reported
 * @param reminderIntervalMinutes minutes between reminders while an incident is open, or
 * null for none
 * @param channelIds the notification channels to use
 */
public record AlertPolicy(@JsonProperty(required = true) int failuresToOpen,
		@JsonProperty(required = true) int locationsToConfirm, @JsonProperty(required = true) int successesToResolve,
		@Nullable Double apdexFloor, TrendSensitivity trendSensitivity, @Nullable Integer reminderIntervalMinutes,
		List<UUID> channelIds) {

	/**
	 * What applies when an organization configured nothing: two in a row, two locations.
	 */
	public static final AlertPolicy DEFAULT = new AlertPolicy(2, 2, 2, null, TrendSensitivity.MEDIUM, null, List.of());

	public AlertPolicy {
		Require.between(failuresToOpen, 1, 100, "failuresToOpen");
		Require.between(locationsToConfirm, 1, 100, "locationsToConfirm");
		Require.between(successesToResolve, 1, 100, "successesToResolve");
		if (apdexFloor != null && (apdexFloor.isNaN() || apdexFloor < 0 || apdexFloor > 1)) {
			throw new IllegalArgumentException("apdexFloor must be between 0 and 1 but was " + apdexFloor);
		}
		Require.present(trendSensitivity, "trendSensitivity");
		if (reminderIntervalMinutes != null) {
			Require.between(reminderIntervalMinutes, 1, 10_080, "reminderIntervalMinutes");
		}
		channelIds = Require.list(channelIds, "channelIds");
	}

	/**
	 * The number of locations that must agree for an endpoint checked from
	 * {@code locations}.
	 */
	public int quorum(int locations) {
		return Math.max(1, Math.min(this.locationsToConfirm, locations));
	}

}
