package io.pepper.receiver.outbox;

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

import io.pepper.contracts.v1.WireJson;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.SmartLifecycle;
import org.springframework.data.redis.core.StringRedisTemplate;

/**
 * Messages on their way to one route of failure-service: a Redis list, so a message
 * survives a restart, drained oldest first by a background thread that retries, pausing
 * longer after each failed round, until failure-service accepts. Callers only append, so
 * an outage never holds them up. A message is sent as queued on every attempt and carries
 * its own id, which failure-service uses to ignore repeats, so several instances draining
 * at once or a resend after a lost answer are harmless. Beyond {@code maxLength} messages
 * the oldest are dropped, so a long outage cannot fill Redis.
 *
 * @param <T> the wire type of a message
 */
public final class Outbox<T> implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(Outbox.class);

	private static final int PER_ROUND = 100;

	/** The longest pause between failed rounds, unless the interval is longer. */
	private static final Duration MAX_BACKOFF = Duration.ofSeconds(30);

	private final StringRedisTemplate redis;

	private final String key;

	private final Class<T> type;

	private final String what;

	private final @Nullable URI url;

	private final @Nullable String token;

	private final Duration interval;

	private final long maxLength;

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private volatile @Nullable ScheduledExecutorService executor;

	/** Failed rounds in a row; only the delivering thread touches it. */
	private int failures;

	/**
	 * An outbox posting to {@code failureUrl + path}; without a failure URL nothing is
	 * queued or sent.
	 * @param redis where the list lives
	 * @param key the list's key
	 * @param type the wire type of a message
	 * @param what what a message is, for logs
	 * @param failureUrl failure-service's base URL
	 * @param path the route messages are posted to
	 * @param token the service token for failure-service
	 * @param interval the pause between rounds, and the first pause after a failure
	 * @param maxLength how many messages are kept at most
	 */
	public Outbox(StringRedisTemplate redis, String key, Class<T> type, String what, @Nullable URI failureUrl,
			String path, @Nullable String token, Duration interval, long maxLength) {
		this.redis = redis;
		this.key = key;
		this.type = type;
		this.what = what;
		this.url = (failureUrl != null) ? URI.create(failureUrl.toString().replaceAll("/+$", "") + path) : null;
		this.token = token;
		this.interval = interval;
		this.maxLength = maxLength;
	}

	public String key() {
		return this.key;
	}

	/** Whether messages are queued and sent at all. */
	public boolean enabled() {
		return this.url != null;
	}

	/** Queues a message for delivery; without failure-service it is dropped. */
	public void add(T message) {
		if (this.url == null) {
			return;
		}
		Long length = this.redis.opsForList().rightPush(this.key, WireJson.mapper().writeValueAsString(message));
		if (length != null && length > this.maxLength) {
			this.redis.opsForList().trim(this.key, -this.maxLength, -1);
			log.warn("{} {}s wait for failure-service, more than {}; dropped the oldest", length, this.what,
					this.maxLength);
		}
	}

	/** The messages not delivered yet, oldest first. */
	public List<T> pending() {
		List<String> entries = this.redis.opsForList().range(this.key, 0, -1);
		return (entries == null) ? List.of()
				: entries.stream().map((json) -> WireJson.mapper().readValue(json, this.type)).toList();
	}

	/**
	 * Delivers queued messages in order until none is left or one is not accepted;
	 * returns how many were delivered.
	 */
	public int deliver() {
		return drain().delivered();
	}

	private Round drain() {
		URI target = this.url;
		if (target == null) {
			return new Round(0, true);
		}
		int delivered = 0;
		while (true) {
			List<String> batch = this.redis.opsForList().range(this.key, 0, PER_ROUND - 1);
			if (batch == null || batch.isEmpty()) {
				return new Round(delivered, true);
			}
			for (String json : batch) {
				int status = post(target, json);
				if (!accepted(status) && !rejected(status)) {
					return new Round(delivered, false);
				}
				if (rejected(status)) {
					log.error("failure-service rejected {} {} with {}; dropping it", this.what, json, status);
				}
				this.redis.opsForList().remove(this.key, 1, json);
				delivered++;
			}
		}
	}

	private static boolean accepted(int status) {
		return status / 100 == 2;
	}

	/**
	 * Refused for good: sending it again cannot help. A wrong token, a missing route or
	 * throttling can be fixed on the other side, so those are retried.
	 */
	private static boolean rejected(int status) {
		return status / 100 == 4 && status != 401 && status != 403 && status != 404 && status != 408 && status != 429;
	}

	private int post(URI target, String json) {
		HttpRequest request = HttpRequest.newBuilder(target)
			.timeout(Duration.ofSeconds(10))
			.header("Authorization", "Bearer " + this.token)
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(json))
			.build();
		try {
			return this.http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
		}
		catch (IOException ex) {
			log.debug("failure-service did not take a {}: {}", this.what, ex.getMessage());
			return 503;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return 503;
		}
	}

	private void round() {
		boolean complete;
		try {
			complete = drain().complete();
		}
		catch (RuntimeException ex) {
			log.warn("Delivering {}s failed; retrying: {}", this.what, ex.getMessage());
			complete = false;
		}
		this.failures = complete ? 0 : this.failures + 1;
		if (this.failures == 1) {
			log.warn("failure-service does not take {}s now; they stay queued in {}", this.what, this.key);
		}
		ScheduledExecutorService scheduler = this.executor;
		if (scheduler != null && !scheduler.isShutdown()) {
			scheduler.schedule(this::round, pause(this.failures).toMillis(), TimeUnit.MILLISECONDS);
		}
	}

	/** The interval, doubled per failed round in a row, up to the longest pause. */
	Duration pause(int failures) {
		Duration longest = (this.interval.compareTo(MAX_BACKOFF) > 0) ? this.interval : MAX_BACKOFF;
		Duration pause = this.interval;
		for (int i = 0; i < failures && pause.compareTo(longest) < 0; i++) {
			pause = pause.multipliedBy(2);
		}
		return (pause.compareTo(longest) > 0) ? longest : pause;
	}

	@Override
	public void start() {
		if (this.url == null || this.executor != null) {
			return;
		}
		ScheduledExecutorService scheduler = Executors
			.newSingleThreadScheduledExecutor(Thread.ofVirtual().name("outbox-" + this.key).factory());
		this.executor = scheduler;
		scheduler.schedule(this::round, this.interval.toMillis(), TimeUnit.MILLISECONDS);
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

	private record Round(int delivered, boolean complete) {
	}

}
