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
 * the last snapshot it got; while admin-app is away that snapshot stays in use, and until
 * the first one arrives every endpoint gets the defaults.
 */
class AdminAlertingClient implements AlertingConfiguration {

	private static final Logger logger = LoggerFactory.getLogger(AdminAlertingClient.class);

	private final SnapshotPoller<AlertingSnapshot> snapshots;

	private volatile SnapshotAlerting current = SnapshotAlerting.notLoaded();

	AdminAlertingClient(URI adminUrl, String token, Duration timeout) {
		ServiceClient admin = ServiceClient.builder("admin-app", adminUrl)
			.token(token)
			.connectTimeout(timeout)
			.readTimeout(timeout)
			.build();
		this.snapshots = new SnapshotPoller<>(admin, "the alerting configuration", AlertingSnapshot.class,
				AlertingSnapshot.PATH)
			.onUpdate((snapshot) -> {
				this.current = new SnapshotAlerting(snapshot);
				logger.info("Alerting configuration of {} loaded: {} endpoints, {} channels, {} maintenance windows",
						snapshot.generatedAt(), snapshot.endpoints().size(), snapshot.channels().size(),
						snapshot.maintenanceWindows().size());
			});
	}

	@Override
	public EndpointRules rulesFor(UUID endpointId) {
		return this.current.rulesFor(endpointId);
	}

	@Override
	public Optional<NotificationChannelSpec> channel(UUID channelId) {
		return this.current.channel(channelId);
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
