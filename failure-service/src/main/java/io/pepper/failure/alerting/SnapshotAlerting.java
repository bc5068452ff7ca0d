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
import org.jspecify.annotations.Nullable;

/**
 * Answers from one {@link AlertingSnapshot}, or from the defaults alone when there is
 * none: {@link AlertPolicy#DEFAULT} and the fallback email recipients.
 */
public final class SnapshotAlerting implements AlertingConfiguration {

	private final @Nullable AlertingSnapshot snapshot;

	private final List<String> fallbackEmails;

	private final Map<UUID, EndpointAlerting> endpoints;

	private final Map<UUID, NotificationChannelSpec> channels;

	private final Map<UUID, MaintenanceWindowSpec> windows;

	public SnapshotAlerting(@Nullable AlertingSnapshot snapshot, List<String> fallbackEmails) {
		this.snapshot = snapshot;
		this.fallbackEmails = List.copyOf(fallbackEmails);
		this.endpoints = (snapshot != null) ? index(snapshot.endpoints(), EndpointAlerting::endpointId) : Map.of();
		this.channels = (snapshot != null) ? index(snapshot.channels(), NotificationChannelSpec::id) : Map.of();
		this.windows = (snapshot != null) ? index(snapshot.maintenanceWindows(), MaintenanceWindowSpec::id) : Map.of();
	}

	/** The defaults alone, for running without admin-app. */
	public static SnapshotAlerting standalone(List<String> fallbackEmails) {
		return new SnapshotAlerting(null, fallbackEmails);
	}

	public @Nullable AlertingSnapshot snapshot() {
		return this.snapshot;
	}

	@Override
	public EndpointRules rulesFor(UUID endpointId) {
		EndpointAlerting endpoint = this.endpoints.get(endpointId);
		if (endpoint == null) {
			return new EndpointRules(null, AlertPolicy.DEFAULT, List.of(), this.fallbackEmails, List.of());
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
		return new EndpointRules(endpoint, endpoint.policy(), channels, this.fallbackEmails, windows);
	}

	@Override
	public Optional<NotificationChannelSpec> channel(UUID channelId) {
		return Optional.ofNullable(this.channels.get(channelId));
	}

	private static <T> Map<UUID, T> index(List<T> items, Function<T, UUID> id) {
		return items.stream().collect(Collectors.toUnmodifiableMap(id, Function.identity(), (first, second) -> first));
	}

}
