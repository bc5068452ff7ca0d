package io.pepper.receiver.forward;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.composite.CompositeMeterRegistry;
import io.pepper.contracts.v1.WireJson;
import io.pepper.http.Answer;
import io.pepper.http.Backoff;
import io.pepper.http.DeliveryMeter;
import io.pepper.http.ServiceClient;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.context.SmartLifecycle;
import org.springframework.data.redis.core.StringRedisTemplate;

/**
 * receiver-service's Redis forward queue: messages on their way to one route of
 * failure-service, in a Redis list so a message survives a restart, drained oldest first
 * by a background thread. It follows the shared retry rule
 * ({@link io.pepper.http.Verdict}): while failure-service gives no answer, 408, 429 or a
 * 5xx, the message stays at the head and the round is retried, pausing longer after each
 * failed round; a message it refuses with any other answer is moved to the set-aside list
 * ({@code <key>-set-aside}) with the status and reason, counted and logged, and the next
 * one goes on. Callers only append, so an outage never holds them up. A message is sent
 * as queued on every attempt and carries its own id, which failure-service uses to ignore
 * repeats, so several instances draining at once or a resend after a lost answer are
 * harmless. Beyond {@code maxLength} messages the oldest are dropped, so a long outage
 * cannot fill Redis; the set-aside list is bounded the same way.
 *
 * @param <T> the wire type of a message
 */
public final class RedisForwardQueue<T> implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(RedisForwardQueue.class);

	private static final int PER_ROUND = 100;

	/** The longest pause between failed rounds, unless the interval is longer. */
	private static final Duration MAX_BACKOFF = Duration.ofSeconds(30);

	private final StringRedisTemplate redis;

	private final String key;

	private final String setAsideKey;

	private final Class<T> type;

	private final String what;

	private final @Nullable ServiceClient failureService;

	private final String path;

	private final Backoff backoff;

	private final long maxLength;

	private final DeliveryMeter meter;

	private volatile @Nullable ScheduledExecutorService executor;

	/** Failed rounds in a row; only the delivering thread touches it. */
	private int failures;

	/** A queue whose meters go nowhere. */
	public RedisForwardQueue(StringRedisTemplate redis, String key, Class<T> type, String what,
			@Nullable URI failureUrl, String path, @Nullable String token, Duration interval, long maxLength) {
		this(redis, key, type, what, failureUrl, path, token, interval, maxLength, new CompositeMeterRegistry());
	}

	/**
	 * A queue posting to {@code failureUrl + path}; without a failure URL nothing is
	 * queued or sent.
	 * @param redis where the list lives
	 * @param key the list's key
	 * @param type the wire type of a message
	 * @param what what a message is, for logs
	 * @param failureUrl failure-service's base URL
	 * @param path the route messages are posted to
	 * @param token the service token for failure-service
	 * @param interval the pause between rounds, and the first pause after a failure
	 * @param maxLength how many messages are kept at most, queued and set aside each
	 * @param registry where the {@code pepper.delivery.*} meters go
	 */
	public RedisForwardQueue(StringRedisTemplate redis, String key, Class<T> type, String what,
			@Nullable URI failureUrl, String path, @Nullable String token, Duration interval, long maxLength,
			MeterRegistry registry) {
		this.redis = redis;
		this.key = key;
		this.setAsideKey = key + "-set-aside";
		this.type = type;
		this.what = what;
		this.failureService = (failureUrl != null)
				? ServiceClient.builder("failure-service", failureUrl).token(token).build() : null;
		this.path = path;
		this.backoff = Backoff.exponential(interval, (interval.compareTo(MAX_BACKOFF) > 0) ? interval : MAX_BACKOFF);
		this.maxLength = maxLength;
		this.meter = new DeliveryMeter(registry, "receiver-" + key.substring(key.lastIndexOf(':') + 1));
	}

	public String key() {
		return this.key;
	}

	/** Whether messages are queued and sent at all. */
	public boolean enabled() {
		return this.failureService != null;
	}

	/** Queues a message for delivery; without failure-service it is dropped. */
	public void add(T message) {
		if (this.failureService == null) {
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

	/** The messages failure-service refused, oldest first, with why. */
	public List<SetAside<T>> setAside() {
		List<String> entries = this.redis.opsForList().range(this.setAsideKey, 0, -1);
		return (entries == null) ? List.of() : entries.stream().map(this::setAsideEntry).toList();
	}

	/**
	 * Delivers queued messages in order until none is left or one has to wait; returns
	 * how many left the queue (delivered or set aside).
	 */
	public int deliver() {
		return drain().handled();
	}

	private Round drain() {
		ServiceClient target = this.failureService;
		if (target == null) {
			return new Round(0, true);
		}
		int handled = 0;
		while (true) {
			List<String> batch = this.redis.opsForList().range(this.key, 0, PER_ROUND - 1);
			if (batch == null || batch.isEmpty()) {
				return new Round(handled, true);
			}
			for (String json : batch) {
				Answer answer = target.send(this.path, json);
				if (answer.retry()) {
					if (this.failures == 0) {
						this.meter.retrying("a " + this.what, answer);
					}
					return new Round(handled, false);
				}
				if (answer.delivered()) {
					this.meter.delivered(1);
				}
				else {
					setAside(json, answer);
				}
				this.redis.opsForList().remove(this.key, 1, json);
				handled++;
			}
		}
	}

	/** Keeps a refused message with its reason; written before it leaves the queue. */
	private void setAside(String json, Answer answer) {
		ObjectNode entry = WireJson.mapper().createObjectNode();
		entry.put("status", answer.status());
		entry.put("reason", answer.reason());
		entry.put("at", Instant.now().toString());
		entry.set("message", WireJson.mapper().readTree(json));
		Long length = this.redis.opsForList().rightPush(this.setAsideKey, entry.toString());
		if (length != null && length > this.maxLength) {
			this.redis.opsForList().trim(this.setAsideKey, -this.maxLength, -1);
		}
		this.meter.setAside(1, "a " + this.what, answer, "in " + this.setAsideKey);
	}

	private SetAside<T> setAsideEntry(String json) {
		JsonNode entry = WireJson.mapper().readTree(json);
		return new SetAside<>(entry.get("status").asInt(), entry.get("reason").asString(),
				Instant.parse(entry.get("at").asString()),
				WireJson.mapper().treeToValue(entry.get("message"), this.type));
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
		return this.backoff.after(failures + 1);
	}

	@Override
	public void start() {
		if (this.failureService == null || this.executor != null) {
			return;
		}
		ScheduledExecutorService scheduler = Executors
			.newSingleThreadScheduledExecutor(Thread.ofVirtual().name("forward-" + this.key).factory());
		this.executor = scheduler;
		scheduler.schedule(this::round, this.backoff.first().toMillis(), TimeUnit.MILLISECONDS);
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

	/**
	 * A message failure-service refused.
	 *
	 * @param status its answer
	 * @param reason the answer's reason
	 * @param at when it was set aside
	 * @param message the message as queued
	 */
	public record SetAside<T>(int status, String reason, Instant at, T message) {

	}

	private record Round(int handled, boolean complete) {
	}

}
