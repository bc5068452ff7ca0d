package io.pepper.failure.alerting;

import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;

import io.pepper.contracts.v1.AlertingSnapshot;
import io.pepper.contracts.v1.NotificationChannelSpec;
import io.pepper.http.ServiceClient;
import io.pepper.http.SnapshotPoller;
import io.pepper.http.SnapshotPoller.Refresh;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Polls admin-app's {@code GET /api/service/v1/alerting} with its ETag and answers from
 * the last snapshot it got, which it keeps in the database; while admin-app is away that
 * snapshot stays in use, after a restart too. Until one is loaded every endpoint is held.
 */
class AdminAlertingClient implements AlertingConfiguration {

	private static final Logger logger = LoggerFactory.getLogger(AdminAlertingClient.class);

	private final SnapshotPoller<AlertingSnapshot> snapshots;

	private final PersistedSnapshot persisted;

	private volatile SnapshotAlerting current = SnapshotAlerting.notLoaded();

	AdminAlertingClient(URI adminUrl, String token, Duration timeout, PersistedSnapshot persisted) {
		this.persisted = persisted;
		ServiceClient admin = ServiceClient.builder("admin-app", adminUrl)
			.token(token)
			.connectTimeout(timeout)
			.readTimeout(timeout)
			.build();
		this.snapshots = new SnapshotPoller<>(admin, "the alerting configuration", AlertingSnapshot.class,
				AlertingSnapshot.PATH)
			.onUpdate((snapshot) -> {
				this.current = new SnapshotAlerting(snapshot);
				this.persisted.save(snapshot);
				logger.info("Alerting configuration of {} loaded: {} endpoints, {} channels, {} maintenance windows",
						snapshot.generatedAt(), snapshot.endpoints().size(), snapshot.channels().size(),
						snapshot.maintenanceWindows().size());
			});
	}

	/**
	 * Takes the snapshot kept before a restart, unless one was fetched already.
	 * @return whether a snapshot is loaded now
	 */
	synchronized boolean restore() {
		if (!this.current.loaded()) {
			this.persisted.load().ifPresent((snapshot) -> {
				this.current = new SnapshotAlerting(snapshot);
				logger.info("Alerting configuration of {} restored from before the restart", snapshot.generatedAt());
			});
		}
		return this.current.loaded();
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
	public Optional<NotificationChannelSpec> channel(UUID channelId) {
		return this.current.channel(channelId);
	}

	@Override
	public java.util.List<UUID> certificatesWatched() {
		return this.current.certificatesWatched();
	}

	/** The snapshot in use, or null before the first one arrived. */
	@Nullable AlertingSnapshot snapshot() {
		return this.current.snapshot();
	}

	/** Fetches the snapshot unless it is unchanged; never throws. */
	Refresh refresh() {
		return this.snapshots.refresh();
	}

}
