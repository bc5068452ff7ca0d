package io.pepper.receiver.trend;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.pepper.contracts.v1.AlertingSnapshot;
import io.pepper.contracts.v1.EndpointAlerting;
import io.pepper.contracts.v1.TrendSensitivity;
import io.pepper.contracts.v1.WireJson;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.SmartLifecycle;

/**
 * Each endpoint's trend sensitivity, from admin-app's alerting snapshot, fetched again
 * every refresh interval with its ETag so an unchanged snapshot costs a 304. Without
 * admin-app, or before its first answer, every endpoint is watched at MEDIUM.
 */
public final class TrendPolicies implements SmartLifecycle {

	static final TrendSensitivity DEFAULT = TrendSensitivity.MEDIUM;

	private static final Logger log = LoggerFactory.getLogger(TrendPolicies.class);

	private final @Nullable URI snapshotUrl;

	private final @Nullable String token;

	private final Duration refresh;

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private volatile Map<UUID, EndpointAlerting> endpoints = Map.of();

	private volatile @Nullable String etag;

	private volatile @Nullable ScheduledExecutorService executor;

	public TrendPolicies(@Nullable URI adminUrl, @Nullable String token, Duration refresh) {
		this.snapshotUrl = (adminUrl != null)
				? URI.create(adminUrl.toString().replaceAll("/+$", "") + AlertingSnapshot.PATH) : null;
		this.token = token;
		this.refresh = refresh;
	}

	/** The sensitivity for an endpoint: its policy's, or MEDIUM when unknown. */
	public TrendSensitivity sensitivityOf(UUID endpoint) {
		EndpointAlerting alerting = this.endpoints.get(endpoint);
		return (alerting != null) ? alerting.policy().trendSensitivity() : DEFAULT;
	}

	/** Fetches the snapshot now; keeps the last one when admin-app does not answer. */
	public void refresh() {
		if (this.snapshotUrl == null) {
			return;
		}
		HttpRequest.Builder request = HttpRequest.newBuilder(this.snapshotUrl)
			.timeout(Duration.ofSeconds(10))
			.header("Authorization", "Bearer " + this.token)
			.header("Accept", "application/json");
		String known = this.etag;
		if (known != null) {
			request.header("If-None-Match", known);
		}
		try {
			HttpResponse<String> response = this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
			if (response.statusCode() == 304) {
				return;
			}
			if (response.statusCode() != 200) {
				log.warn("admin-app answered {} for the alerting snapshot; keeping the last one",
						response.statusCode());
				return;
			}
			AlertingSnapshot snapshot = WireJson.mapper().readValue(response.body(), AlertingSnapshot.class);
			this.endpoints = snapshot.endpoints()
				.stream()
				.collect(Collectors.toUnmodifiableMap(EndpointAlerting::endpointId, Function.identity(), (a, b) -> b));
			this.etag = response.headers().firstValue("ETag").orElse(null);
		}
		catch (IOException | RuntimeException ex) {
			log.warn("Cannot fetch the alerting snapshot from admin-app: {}", ex.getMessage());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	@Override
	public void start() {
		if (this.snapshotUrl == null) {
			return;
		}
		ScheduledExecutorService scheduler = Executors
			.newSingleThreadScheduledExecutor(Thread.ofVirtual().name("trend-policies").factory());
		scheduler.scheduleWithFixedDelay(this::refresh, 0, this.refresh.toMillis(), TimeUnit.MILLISECONDS);
		this.executor = scheduler;
	}

	@Override
	public void stop() {
		ScheduledExecutorService scheduler = this.executor;
		if (scheduler != null) {
			scheduler.shutdownNow();
			this.executor = null;
		}
	}

	@Override
	public boolean isRunning() {
		return this.executor != null;
	}

}
