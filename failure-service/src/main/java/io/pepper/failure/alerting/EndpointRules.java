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
 * @param locations the locations the endpoint is configured to be checked from, its n for
 * k of n, whichever have reported; empty when n is unknown (a stand-alone install without
 * {@code standalone-locations}), and then k locations must agree
 * @param held whether its incidents are not to be decided yet: admin-app's snapshot is
 * not loaded, or does not list the endpoint (yet), so its locations are unknown and one
 * location's word must not open anything
 */
public record EndpointRules(@Nullable EndpointAlerting endpoint, AlertPolicy policy,
		List<NotificationChannelSpec> channels, List<String> contactEmails,
		List<MaintenanceWindowSpec> maintenanceWindows, List<String> locations, boolean held) {

	public EndpointRules {
		channels = List.copyOf(channels);
		contactEmails = List.copyOf(contactEmails);
		maintenanceWindows = List.copyOf(maintenanceWindows);
		locations = List.copyOf(locations);
	}

	/**
	 * An endpoint the configuration in use does not describe: nothing is decided on it.
	 */
	static EndpointRules unknown() {
		return new EndpointRules(null, AlertPolicy.DEFAULT, List.of(), List.of(), List.of(), List.of(), true);
	}

	/**
	 * How many locations must agree: k of the configured n, or all k when n is unknown.
	 */
	public int quorum() {
		return this.locations.isEmpty() ? this.policy.locationsToConfirm() : this.policy.quorum(this.locations.size());
	}

	/** Whether a location's checks count towards this endpoint's k of n. */
	public boolean counts(String location) {
		return this.locations.isEmpty() || this.locations.contains(location);
	}

	/** The maintenance window active at {@code instant}, if any. */
	public Optional<MaintenanceWindowSpec> activeWindow(Instant instant) {
		return this.maintenanceWindows.stream().filter((window) -> window.activeAt(instant)).findFirst();
	}

}
