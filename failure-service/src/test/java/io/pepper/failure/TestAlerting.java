package io.pepper.failure;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import io.pepper.contracts.v1.AlertingSnapshot;
import io.pepper.contracts.v1.EndpointAlerting;
import io.pepper.contracts.v1.MaintenanceWindowSpec;
import io.pepper.contracts.v1.NotificationChannelSpec;
import io.pepper.contracts.v1.OrganizationContacts;
import io.pepper.failure.alerting.AlertingConfiguration;
import io.pepper.failure.alerting.EndpointRules;
import io.pepper.failure.alerting.SnapshotAlerting;

/**
 * The alerting port fed with real snapshots, as admin-app would send them, that tests add
 * to; each test adds its own endpoints and channels.
 */
public final class TestAlerting implements AlertingConfiguration {

	private final List<EndpointAlerting> endpoints = new ArrayList<>();

	private final List<NotificationChannelSpec> channels = new ArrayList<>();

	private final List<MaintenanceWindowSpec> windows = new ArrayList<>();

	private final Map<UUID, OrganizationContacts> contacts = new LinkedHashMap<>();

	private volatile SnapshotAlerting current = SnapshotAlerting.notLoaded();

	/** The owners and admins admin-app lists for {@code organizationId}. */
	public synchronized TestAlerting contacts(UUID organizationId, String... emails) {
		this.contacts.put(organizationId, new OrganizationContacts(organizationId, List.of(emails)));
		return publish();
	}

	public synchronized TestAlerting add(EndpointAlerting endpoint, Object... channelsAndWindows) {
		this.endpoints.removeIf((known) -> known.endpointId().equals(endpoint.endpointId()));
		this.endpoints.add(endpoint);
		for (Object item : channelsAndWindows) {
			switch (item) {
				case NotificationChannelSpec channel -> {
					this.channels.removeIf((known) -> known.id().equals(channel.id()));
					this.channels.add(channel);
				}
				case MaintenanceWindowSpec window -> {
					this.windows.removeIf((known) -> known.id().equals(window.id()));
					this.windows.add(window);
				}
				default -> throw new IllegalArgumentException("neither a channel nor a window: " + item);
			}
		}
		return publish();
	}

	private TestAlerting publish() {
		this.current = new SnapshotAlerting(new AlertingSnapshot(Instant.now(), List.copyOf(this.endpoints),
				List.copyOf(this.channels), List.copyOf(this.windows), List.copyOf(this.contacts.values())));
		return this;
	}

	@Override
	public boolean loaded() {
		return this.current.loaded();
	}

	@Override
	public EndpointRules rulesFor(UUID endpointId) {
		return this.current.rulesFor(endpointId);
	}

	@Override
	public java.util.List<UUID> certificatesWatched() {
		return this.current.certificatesWatched();
	}

	@Override
	public Optional<NotificationChannelSpec> channel(UUID channelId) {
		return this.current.channel(channelId);
	}

}
