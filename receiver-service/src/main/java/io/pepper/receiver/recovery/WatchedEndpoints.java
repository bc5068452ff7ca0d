package io.pepper.receiver.recovery;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import io.pepper.contracts.v1.OpenIncidentEndpoints;
import io.pepper.contracts.v1.WireJson;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.SmartLifecycle;

/**
 * The endpoints failure-service follows, fetched again every poll interval. While
 * failure-service does not answer the last set it gave stays, so an outage of it does not
 * stop forwarding; before its first answer the set is empty.
 */
public final class WatchedEndpoints implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(WatchedEndpoints.class);

	private final @Nullable URI url;

	private final @Nullable String token;

	private final Duration interval;

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private volatile Set<UUID> endpoints = Set.of();

	private volatile boolean failing;

	private volatile @Nullable ScheduledExecutorService executor;

	public WatchedEndpoints(@Nullable URI failureUrl, @Nullable String token, Duration interval) {
		this.url = (failureUrl != null)
				? URI.create(failureUrl.toString().replaceAll("/+$", "") + OpenIncidentEndpoints.PATH) : null;
		this.token = token;
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
		if (this.url == null) {
			return false;
		}
		HttpRequest request = HttpRequest.newBuilder(this.url)
			.timeout(Duration.ofSeconds(10))
			.header("Authorization", "Bearer " + this.token)
			.header("Accept", "application/json")
			.build();
		try {
			HttpResponse<String> response = this.http.send(request, HttpResponse.BodyHandlers.ofString());
			if (response.statusCode() != 200) {
				return failed("failure-service answered " + response.statusCode());
			}
			OpenIncidentEndpoints answer = WireJson.mapper().readValue(response.body(), OpenIncidentEndpoints.class);
			this.endpoints = Set.copyOf(answer.endpointIds());
			if (this.failing) {
				log.info("failure-service follows {} endpoints again", this.endpoints.size());
				this.failing = false;
			}
			return true;
		}
		catch (IOException | RuntimeException ex) {
			return failed(String.valueOf(ex.getMessage()));
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return false;
		}
	}

	private boolean failed(String why) {
		if (!this.failing) {
			log.warn("Cannot fetch the endpoints failure-service follows ({}); keeping the last {}", why,
					this.endpoints.size());
			this.failing = true;
		}
		return false;
	}

	@Override
	public void start() {
		if (this.url == null || this.executor != null) {
			return;
		}
		ScheduledExecutorService scheduler = Executors
			.newSingleThreadScheduledExecutor(Thread.ofVirtual().name("watched-endpoints").factory());
		scheduler.scheduleWithFixedDelay(this::refresh, 0, this.interval.toMillis(), TimeUnit.MILLISECONDS);
		this.executor = scheduler;
	}

	@Override
	public void stop() {
		ScheduledExecutorService scheduler = this.executor;
		if (scheduler != null) {
			this.executor = null;
			scheduler.shutdownNow();
		}
	}

	@Override
	public boolean isRunning() {
		return this.executor != null;
	}

}
