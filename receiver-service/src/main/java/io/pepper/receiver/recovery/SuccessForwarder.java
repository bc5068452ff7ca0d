package io.pepper.receiver.recovery;

import java.util.List;
import java.util.UUID;

import io.micrometer.core.instrument.MeterRegistry;
import io.pepper.contracts.v1.CheckResult;
import io.pepper.contracts.v1.OpenIncidentEndpoints;
import io.pepper.contracts.v1.ResultBatch;
import io.pepper.receiver.ReceiverProperties;
import io.pepper.receiver.forward.RedisForwardQueue;
import io.pepper.receiver.store.StoreObserver;

import org.springframework.data.redis.core.StringRedisTemplate;

/**
 * Queues the stored successes of the endpoints failure-service follows, in batches of at
 * most {@link #MAX_BATCH} results. A batch gets its id when queued and keeps it on every
 * attempt, so failure-service recognises a resend.
 */
public final class SuccessForwarder implements StoreObserver {

	public static final int MAX_BATCH = 500;

	/** Stands in the batch's probe field, which failure-service only logs. */
	static final String SENDER = "receiver-service";

	private final WatchedEndpoints watched;

	private final RedisForwardQueue<ResultBatch> outbox;

	public SuccessForwarder(WatchedEndpoints watched, RedisForwardQueue<ResultBatch> outbox) {
		this.watched = watched;
		this.outbox = outbox;
	}

	/** The outbox of success batches; without failure-service nothing is queued. */
	public static RedisForwardQueue<ResultBatch> outbox(StringRedisTemplate redis, ReceiverProperties properties,
			MeterRegistry registry) {
		return new RedisForwardQueue<>(redis, properties.redisKeyPrefix() + "successes", ResultBatch.class,
				"success batch", properties.failureUrl(), OpenIncidentEndpoints.SUCCESSES_PATH,
				properties.failureToken(), properties.recovery().sendInterval(), properties.recovery().maxQueued(),
				registry);
	}

	@Override
	public void stored(List<CheckResult> results) {
		if (!this.outbox.enabled() || this.watched.endpoints().isEmpty()) {
			return;
		}
		List<CheckResult> successes = results.stream()
			.filter((result) -> result.outcome().isUp() && this.watched.contains(result.endpointId()))
			.toList();
		for (int from = 0; from < successes.size(); from += MAX_BATCH) {
			List<CheckResult> part = successes.subList(from, Math.min(from + MAX_BATCH, successes.size()));
			this.outbox.add(new ResultBatch(UUID.randomUUID(), SENDER, part));
		}
	}

}
