package io.pepper.admin.config;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.pepper.admin.channel.ChannelRequest;
import io.pepper.admin.endpoint.EndpointRequest;
import io.pepper.contracts.v1.MaintenanceWindowSpec;
import io.pepper.contracts.v1.TrendSensitivity;
import org.jspecify.annotations.Nullable;

/**
 * An organization's configuration as a document. Items are keyed by name and refer to
 * each other by name, so a document moves between organizations and installations. A
 * section that is absent is left alone on import; a section that is present is the whole
 * truth (items it does not name are deleted).
 *
 * @param endpoints the endpoints, as the endpoint API takes them
 * @param channels the notification channels; secrets appear masked and a masked value
 * keeps the stored secret
 * @param policies the alert policies
 * @param maintenanceWindows the maintenance windows
 */
@JsonPropertyOrder({ "endpoints", "channels", "policies", "maintenanceWindows" })
public record ConfigDocument(@Nullable List<EndpointRequest> endpoints, @Nullable List<ChannelRequest> channels,
		@Nullable List<PolicyItem> policies, @Nullable List<WindowItem> maintenanceWindows) {

	/**
	 * A policy, referring to its endpoint and channels by name.
	 *
	 * @param name what people call it
	 * @param endpoint the name of the endpoint it applies to
	 * @param tag the tag it applies to (neither: the organization's default)
	 * @param failuresToOpen failed checks in a row per location before it counts as down
	 * @param locationsToConfirm how many locations must agree
	 * @param successesToResolve correct checks in a row to resolve
	 * @param apdexFloor the Apdex floor
	 * @param trendSensitivity how readily a sustained Apdex drop is reported
	 * @param reminderIntervalMinutes minutes between reminders
	 * @param channels the names of the channels notified
	 */
	@JsonPropertyOrder({ "name", "endpoint", "tag" })
	public record PolicyItem(@Nullable String name, @Nullable String endpoint, @Nullable String tag,
			@Nullable Integer failuresToOpen, @Nullable Integer locationsToConfirm,
			@Nullable Integer successesToResolve, @Nullable Double apdexFloor,
			@Nullable TrendSensitivity trendSensitivity, @Nullable Integer reminderIntervalMinutes,
			@Nullable List<String> channels) {

	}

	/**
	 * A maintenance window, referring to its endpoints by name.
	 *
	 * @param name what people call it
	 * @param schedule when it is active
	 * @param endpoints names of the endpoints it covers
	 * @param tags tags whose endpoints it covers
	 */
	@JsonPropertyOrder({ "name", "schedule" })
	public record WindowItem(@Nullable String name, MaintenanceWindowSpec.@Nullable Schedule schedule,
			@Nullable List<String> endpoints, @Nullable List<String> tags) {

	}

}
