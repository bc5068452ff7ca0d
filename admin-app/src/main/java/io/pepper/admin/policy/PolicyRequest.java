package io.pepper.admin.policy;

import io.pepper.admin.web.Name;
import java.util.List;
import java.util.UUID;

import io.pepper.contracts.v1.TrendSensitivity;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.hibernate.validator.constraints.Range;
import org.jspecify.annotations.Nullable;

/**
 * What a client sends to create or replace a policy. Give {@code endpointId} or
 * {@code tag}, or neither for the organization's default; absent rules take those of
 * {@link io.pepper.contracts.v1.AlertPolicy#DEFAULT}.
 *
 * @param name what people call it, unique in the organization
 * @param endpointId the endpoint it applies to
 * @param tag the tag it applies to
 * @param failuresToOpen failed checks in a row per location before it counts as down, 1
 * to 100
 * @param locationsToConfirm how many locations must agree (k of n), 1 to 100
 * @param successesToResolve correct checks in a row to resolve, 1 to 100
 * @param apdexFloor an Apdex score below which the endpoint counts as degraded, 0 to 1
 * @param trendSensitivity how readily a sustained Apdex drop is reported
 * @param reminderIntervalMinutes minutes between reminders while an incident is open
 * @param channelIds the channels notified, of the same organization
 */
public record PolicyRequest(@Name @Nullable String name, @Nullable UUID endpointId,
		@Size(min = 1, max = 100) @Pattern(regexp = Name.ALLOWED, message = Name.MESSAGE) @Nullable String tag,
		@Range(min = 1, max = 100) @Nullable Integer failuresToOpen,
		@Range(min = 1, max = 100) @Nullable Integer locationsToConfirm,
		@Range(min = 1, max = 100) @Nullable Integer successesToResolve,
		@DecimalMin("0") @DecimalMax("1") @Nullable Double apdexFloor, @Nullable TrendSensitivity trendSensitivity,
		@Range(min = 1, max = 10_080) @Nullable Integer reminderIntervalMinutes,
		@Size(max = 20) @Nullable List<@NotNull UUID> channelIds) {

}
