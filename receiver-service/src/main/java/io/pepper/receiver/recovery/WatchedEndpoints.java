package io.pepper.receiver.recovery;

import java.net.URI;
import java.time.Duration;
import java.util.Set;
import java.util.UUID;

import io.pepper.contracts.v1.OpenIncidentEndpoints;
import io.pepper.http.ServiceClient;
import io.pepper.http.SnapshotPoller;
import org.jspecify.annotations.Nullable;

import org.springframework.context.SmartLifecycle;

/**
 * The endpoints failure-service follows, fetched again every poll interval. While
 * failure-service does not answer the last set it gave stays, so an outage of it does not
 * stop forwarding; before its first answer the set is empty.
 */
public final class WatchedEndpoints implements SmartLifecycle {

	private final @Nullable SnapshotPoller<OpenIncidentEndpoints> followed;

	private final Duration interval;

	private volatile Set<UUID> endpoints = Set.of();

	public WatchedEndpoints(@Nullable URI failureUrl, @Nullable String token, Duration interval) {
		this.followed = (failureUrl != null)
				? new SnapshotPoller<>(ServiceClient.builder("failure-service", failureUrl).token(token).build(),
						"the endpoints with open incidents", OpenIncidentEndpoints.class, OpenIncidentEndpoints.PATH)
					.onUpdate((answer) -> this.endpoints = Set.copyOf(answer.endpointIds()))
				: null;
		this.interval = interval;
	}

	/** Whether failure-service wants the successes of this endpoint. */
	public boolean contains(UUID endpoint) {
		return this.endpoints.contains(endpoint);
	}

	/** The endpoints as failure-service last named them. */
	public Set<UUID> endpoints() {
		return this.endpoints;
	}

	/**
	 * Fetches the set now; returns whether failure-service answered with one, and keeps
	 * the last set when it did not.
	 */
	public boolean refresh() {
		return this.followed != null && this.followed.refresh() != SnapshotPoller.Refresh.FAILED;
	}

	@Override
	public void start() {
		if (this.followed != null) {
			this.followed.start(this.interval);
		}
	}

	@Override
	public void stop() {
		if (this.followed != null) {
			this.followed.stop();
		}
	}

	@Override
	public boolean isRunning() {
		return this.followed != null && this.followed.isRunning();
	}

}
