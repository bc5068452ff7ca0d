package io.pepper.failure.alerting;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.pepper.contracts.v1.AlertPolicy;
import io.pepper.contracts.v1.AlertingSnapshot;
import io.pepper.contracts.v1.EndpointAlerting;
import io.pepper.contracts.v1.MaintenanceWindowSpec;
import io.pepper.contracts.v1.NotificationChannelSpec;
import io.pepper.contracts.v1.OrganizationContacts;
import org.jspecify.annotations.Nullable;

/**
 * Answers from one {@link AlertingSnapshot}, or, for a stand-alone install, from the
 * defaults alone: {@link AlertPolicy#DEFAULT}, the operator's locations and recipients.
 * An endpoint the snapshot does not list is held, and so is every endpoint before a
 * snapshot is loaded. An endpoint is only ever notified through its own organization's
 * channels or members.
 */
public final class SnapshotAlerting implements AlertingConfiguration {

	private final @Nullable AlertingSnapshot snapshot;

	private final boolean standalone;

	private final List<String> standaloneEmails;

	private final List<String> standaloneLocations;

	private final Map<UUID, EndpointAlerting> endpoints;

	private final Map<UUID, List<String>> contacts;

	private final Map<UUID, NotificationChannelSpec> channels;

	private final Map<UUID, MaintenanceWindowSpec> windows;

	/** admin-app's configuration; nobody is told about an endpoint it does not list. */
	public SnapshotAlerting(AlertingSnapshot snapshot) {
		this(snapshot, false, List.of(), List.of());
	}

	private SnapshotAlerting(@Nullable AlertingSnapshot snapshot, boolean standalone, List<String> standaloneEmails,
			List<String> standaloneLocations) {
		this.snapshot = snapshot;
		this.standalone = standalone;
		this.standaloneEmails = List.copyOf(standaloneEmails);
		this.standaloneLocations = List.copyOf(standaloneLocations);
		this.endpoints = (snapshot != null) ? index(snapshot.endpoints(), EndpointAlerting::endpointId) : Map.of();
		this.contacts = (snapshot != null) ? snapshot.organizations()
			.stream()
			.collect(Collectors.toUnmodifiableMap(OrganizationContacts::organizationId, OrganizationContacts::emails,
					(first, second) -> first))
				: Map.of();
		this.channels = (snapshot != null) ? index(snapshot.channels(), NotificationChannelSpec::id) : Map.of();
		this.windows = (snapshot != null) ? index(snapshot.maintenanceWindows(), MaintenanceWindowSpec::id) : Map.of();
	}

	/**
	 * The defaults alone, for running without admin-app: a single-tenant install whose
	 * endpoints are all checked from {@code locations} (unknown when empty) and whose
	 * operator's {@code emails} hear about every endpoint.
	 */
	public static SnapshotAlerting standalone(List<String> emails, List<String> locations) {
		return new SnapshotAlerting(null, true, emails, locations);
	}

	/** Before admin-app's first snapshot arrived: every endpoint held. */
	public static SnapshotAlerting notLoaded() {
		return new SnapshotAlerting(null, false, List.of(), List.of());
	}

	@Override
	public boolean loaded() {
		return this.standalone || this.snapshot != null;
	}

	public @Nullable AlertingSnapshot snapshot() {
		return this.snapshot;
	}

	@Override
	public EndpointRules rulesFor(UUID endpointId) {
		EndpointAlerting endpoint = this.endpoints.get(endpointId);
		if (endpoint == null) {
			return this.standalone ? new EndpointRules(null, AlertPolicy.DEFAULT, List.of(), this.standaloneEmails,
					List.of(), this.standaloneLocations, false) : EndpointRules.unknown();
		}
		// A channel or window of another organization is never used, whatever the ids
		// say.
		List<NotificationChannelSpec> channels = endpoint.policy()
			.channelIds()
			.stream()
			.map(this.channels::get)
			.filter(Objects::nonNull)
			.filter((channel) -> channel.organizationId().equals(endpoint.organizationId()))
			.toList();
		List<MaintenanceWindowSpec> windows = endpoint.maintenanceWindowIds()
			.stream()
			.map(this.windows::get)
			.filter(Objects::nonNull)
			.filter((window) -> window.organizationId().equals(endpoint.organizationId()))
			.toList();
		return new EndpointRules(endpoint, endpoint.policy(), channels,
				this.contacts.getOrDefault(endpoint.organizationId(), List.of()), windows, endpoint.locations(), false);
	}

	@Override
	public Optional<NotificationChannelSpec> channel(UUID channelId) {
		return Optional.ofNullable(this.channels.get(channelId));
	}

	private static <T> Map<UUID, T> index(List<T> items, Function<T, UUID> id) {
		return items.stream().collect(Collectors.toUnmodifiableMap(id, Function.identity(), (first, second) -> first));
	}

	@Override
	public List<UUID> certificatesWatched() {
		return this.endpoints.values()
			.stream()
			.filter((endpoint) -> !endpoint.certificateWarningDays().isEmpty())
			.map(EndpointAlerting::endpointId)
			.sorted()
			.toList();
	}

}
