package io.pepper.failure.alerting;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import io.pepper.contracts.v1.NotificationChannelSpec;

/**
 * Where the incident engine and the dispatcher learn how an endpoint is alerted on. Never
 * fails: an endpoint it does not know (yet) is {@link EndpointRules#held() held}.
 */
public interface AlertingConfiguration {

	/**
	 * Whether a configuration is in hand (admin-app's snapshot, fetched or the last one
	 * kept, or the stand-alone defaults): before, nothing is decided and nothing is
	 * delivered.
	 */
	boolean loaded();

	/** The effective policy, channels and maintenance windows of one endpoint. */
	EndpointRules rulesFor(UUID endpointId);

	/**
	 * A channel as configured now, for delivery; empty when it is unknown (deleted, or
	 * the configuration is not loaded yet).
	 */
	Optional<NotificationChannelSpec> channel(UUID channelId);

	/**
	 * The endpoints whose certificates people are warned about ahead of expiry, so their
	 * successful checks are watched too.
	 */
	default List<UUID> certificatesWatched() {
		return List.of();
	}

}
