package io.pepper.receiver.trend;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.pepper.contracts.v1.AlertingSnapshot;
import io.pepper.contracts.v1.EndpointAlerting;
import io.pepper.contracts.v1.TrendSensitivity;
import io.pepper.http.ServiceClient;
import io.pepper.http.SnapshotPoller;
import io.pepper.receiver.ReceiverProperties;
import org.jspecify.annotations.Nullable;

import org.springframework.context.SmartLifecycle;

/**
 * Each endpoint's trend sensitivity, from admin-app's alerting snapshot, fetched again
 * every refresh interval with its ETag so an unchanged snapshot costs a 304. Without
 * admin-app, or before its first answer, every endpoint is watched at MEDIUM.
 */
public final class TrendPolicies implements SmartLifecycle {

	static final TrendSensitivity DEFAULT = TrendSensitivity.MEDIUM;

	private final @Nullable SnapshotPoller<AlertingSnapshot> snapshots;

	private final Duration refresh;

	private final ReceiverProperties.MinimumDuration minimumDuration;

	private volatile Map<UUID, EndpointAlerting> endpoints = Map.of();

	public TrendPolicies(@Nullable URI adminUrl, @Nullable String token, Duration refresh) {
		this(adminUrl, token, refresh, new ReceiverProperties.MinimumDuration(TrendParameters.LOW.minimumDuration(),
				TrendParameters.MEDIUM.minimumDuration(), TrendParameters.HIGH.minimumDuration()));
	}

	public TrendPolicies(@Nullable URI adminUrl, @Nullable String token, Duration refresh,
			ReceiverProperties.MinimumDuration minimumDuration) {
		this.minimumDuration = minimumDuration;
		this.snapshots = (adminUrl != null) ? new SnapshotPoller<>(
				ServiceClient.builder("admin-app", adminUrl).token(token).build(), "the alerting snapshot",
				AlertingSnapshot.class, AlertingSnapshot.PATH)
			.onUpdate((snapshot) -> this.endpoints = snapshot.endpoints()
				.stream()
				.collect(Collectors.toUnmodifiableMap(EndpointAlerting::endpointId, Function.identity(), (a, b) -> b)))
				: null;
		this.refresh = refresh;
	}

	/** The sensitivity for an endpoint: its policy's, or MEDIUM when unknown. */
	public TrendSensitivity sensitivityOf(UUID endpoint) {
		EndpointAlerting alerting = this.endpoints.get(endpoint);
		return (alerting != null) ? alerting.policy().trendSensitivity() : DEFAULT;
	}

	/**
	 * How the detector watches an endpoint: its sensitivity's parameters with the
	 * configured minimum duration and the policy's Apdex floor; null when OFF.
	 */
	public @Nullable TrendParameters parametersOf(UUID endpoint) {
		TrendSensitivity sensitivity = sensitivityOf(endpoint);
		TrendParameters parameters = TrendParameters.of(sensitivity);
		if (parameters == null) {
			return null;
		}
		Duration minimum = switch (sensitivity) {
			case LOW -> this.minimumDuration.low();
			case HIGH -> this.minimumDuration.high();
			default -> this.minimumDuration.medium();
		};
		EndpointAlerting alerting = this.endpoints.get(endpoint);
		return parameters.withMinimumDuration(minimum)
			.withApdexFloor((alerting != null) ? alerting.policy().apdexFloor() : null);
	}

	/** Fetches the snapshot now; keeps the last one when admin-app does not answer. */
	public void refresh() {
		if (this.snapshots != null) {
			this.snapshots.refresh();
		}
	}

	@Override
	public void start() {
		if (this.snapshots != null) {
			this.snapshots.start(this.refresh);
		}
	}

	@Override
	public void stop() {
		if (this.snapshots != null) {
			this.snapshots.stop();
		}
	}

	@Override
	public boolean isRunning() {
		return this.snapshots != null && this.snapshots.isRunning();
	}

}
