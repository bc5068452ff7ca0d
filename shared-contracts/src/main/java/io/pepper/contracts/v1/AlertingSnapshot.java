package io.pepper.contracts.v1;

import java.time.Instant;
import java.util.List;

/**
 * admin-app's service API answer to {@code GET /api/service/v1/alerting} (service token,
 * ETag): every endpoint's effective policy, with the channels and maintenance windows
 * they refer to. Includes channel secrets, so it is served only to services.
 *
 * @param generatedAt when it was made
 * @param endpoints every endpoint, enabled or paused
 * @param channels the channels the policies refer to
 * @param maintenanceWindows the windows the endpoints refer to
 * @param organizations each organization's owners and admins, who are emailed about its
 * endpoints when their policy names no channel; empty from older senders
 */
public record AlertingSnapshot(Instant generatedAt, List<EndpointAlerting> endpoints,
		List<NotificationChannelSpec> channels, List<MaintenanceWindowSpec> maintenanceWindows,
		List<OrganizationContacts> organizations) {

	public static final String PATH = "/api/service/v1/alerting";

	public AlertingSnapshot {
		Require.present(generatedAt, "generatedAt");
		endpoints = Require.list(endpoints, "endpoints");
		channels = Require.list(channels, "channels");
		maintenanceWindows = Require.list(maintenanceWindows, "maintenanceWindows");
		organizations = Require.list(organizations, "organizations");
	}

}
