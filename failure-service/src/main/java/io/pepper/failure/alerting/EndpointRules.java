package io.pepper.failure.alerting;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import io.pepper.contracts.v1.AlertPolicy;
import io.pepper.contracts.v1.EndpointAlerting;
import io.pepper.contracts.v1.MaintenanceWindowSpec;
import io.pepper.contracts.v1.NotificationChannelSpec;
import org.jspecify.annotations.Nullable;

/**
 * How one endpoint is alerted on.
 *
 * @param endpoint the endpoint as admin-app describes it, or null when unknown
 * @param policy its effective policy
 * @param channels the channels its policy names (of its own organization only)
 * @param contactEmails who is emailed when {@code channels} is empty: the owners and
 * admins of the endpoint's own organization, or, in a stand-alone install, the operator's
 * {@code mail.standalone-to}
 * @param maintenanceWindows the windows that cover it
 */
public record EndpointRules(@Nullable EndpointAlerting endpoint, AlertPolicy policy,
		List<NotificationChannelSpec> channels, List<String> contactEmails,
		List<MaintenanceWindowSpec> maintenanceWindows) {

	public EndpointRules {
		channels = List.copyOf(channels);
		contactEmails = List.copyOf(contactEmails);
		maintenanceWindows = List.copyOf(maintenanceWindows);
	}

	/**
	 * The locations the endpoint is checked from (its n for k-of-n); empty when unknown.
	 */
	public List<String> locations() {
		return (this.endpoint != null) ? this.endpoint.locations() : List.of();
	}

	/** The maintenance window active at {@code instant}, if any. */
	public Optional<MaintenanceWindowSpec> activeWindow(Instant instant) {
		return this.maintenanceWindows.stream().filter((window) -> window.activeAt(instant)).findFirst();
	}

}
