package io.pepper.receiver.trend;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import io.pepper.contracts.v1.TrendEvent;
import io.pepper.contracts.v1.WireJson;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.SmartLifecycle;
import org.springframework.data.redis.core.StringRedisTemplate;

/**
 * Trend events on their way to failure-service: a Redis list, so an event survives a
 * restart, drained oldest first by a background thread that retries until failure-service
 * accepts. Ingestion only appends. An event keeps its id on every attempt, and
 * failure-service ignores repeats, so several instances draining at once or a resend
 * after a lost answer are harmless.
 */
public final class TrendOutbox implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(TrendOutbox.class);

	private static final int PER_ROUND = 100;

	private final StringRedisTemplate redis;

	private final String key;

	private final @Nullable URI eventsUrl;

	private final @Nullable String token;

	private final Duration interval;

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private volatile @Nullable ScheduledExecutorService executor;

	public TrendOutbox(StringRedisTemplate redis, String keyPrefix, @Nullable URI failureUrl, @Nullable String token,
			Duration interval) {
		this.redis = redis;
		this.key = keyPrefix + "trend-events";
		this.eventsUrl = (failureUrl != null)
				? URI.create(failureUrl.toString().replaceAll("/+$", "") + TrendEvent.PATH) : null;
		this.token = token;
		this.interval = interval;
	}

	public String key() {
		return this.key;
	}

	/** Queues an event for delivery; without failure-service it is only logged. */
	public void add(TrendEvent event) {
		log.info("Trend {} of endpoint {}: {}", event.kind(), event.endpointId(), event.reason());
		if (this.eventsUrl != null) {
			this.redis.opsForList().rightPush(this.key, WireJson.mapper().writeValueAsString(event));
		}
	}

	/** The events not delivered yet, oldest first. */
	public List<TrendEvent> pending() {
		List<String> entries = this.redis.opsForList().range(this.key, 0, -1);
		return (entries == null) ? List.of()
				: entries.stream().map((json) -> WireJson.mapper().readValue(json, TrendEvent.class)).toList();
	}

	/**
	 * Delivers queued events in order until one fails; returns how many were delivered.
	 */
	public int deliver() {
		URI url = this.eventsUrl;
		if (url == null) {
			return 0;
		}
		List<String> batch = this.redis.opsForList().range(this.key, 0, PER_ROUND - 1);
		int delivered = 0;
		for (String json : (batch != null) ? batch : List.<String>of()) {
			int status = post(url, json);
			boolean accepted = status / 100 == 2;
			boolean rejected = status / 100 == 4 && status != 408 && status != 429;
			if (!accepted && !rejected) {
				return delivered;
			}
			if (rejected) {
				log.error("failure-service rejected trend event {} with {}; dropping it", json, status);
			}
			this.redis.opsForList().remove(this.key, 1, json);
			delivered++;
		}
		return delivered;
	}

	private int post(URI url, String json) {
		HttpRequest request = HttpRequest.newBuilder(url)
			.timeout(Duration.ofSeconds(10))
			.header("Authorization", "Bearer " + this.token)
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(json))
			.build();
		try {
			return this.http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
		}
		catch (IOException ex) {
			log.debug("failure-service did not take a trend event: {}", ex.getMessage());
			return 503;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return 503;
		}
	}

	private void deliverQuietly() {
		try {
			deliver();
		}
		catch (RuntimeException ex) {
			log.warn("Delivering trend events failed; retrying: {}", ex.getMessage());
		}
	}

	@Override
	public void start() {
		if (this.eventsUrl == null) {
			return;
		}
		ScheduledExecutorService scheduler = Executors
			.newSingleThreadScheduledExecutor(Thread.ofVirtual().name("trend-outbox").factory());
		scheduler.scheduleWithFixedDelay(this::deliverQuietly, this.interval.toMillis(), this.interval.toMillis(),
				TimeUnit.MILLISECONDS);
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
