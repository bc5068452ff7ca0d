package io.pepper.receiver.queue;

import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.stream.IntStream;

import io.pepper.receiver.Checks;
import io.pepper.testsupport.LocalRedis;
import io.pepper.testsupport.TestRedisNamespace;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.data.domain.Range;
import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.RedisStreamCommands.XClaimOptions;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.connection.stream.MapRecord;
import org.springframework.data.redis.connection.stream.RecordId;
import org.springframework.data.redis.core.RedisCallback;
import org.springframework.data.redis.core.StringRedisTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Bounding the stream and claiming entries, on a real Redis. */
class ResultQueueTest {

	private final LocalRedis redisServer = LocalRedis.fromEnvironment();

	private TestRedisNamespace keys;

	private LettuceConnectionFactory connections;

	private StringRedisTemplate redis;

	private ResultQueue queue;

	@BeforeEach
	void setUp() {
		this.keys = this.redisServer.createNamespace("queue");
		this.connections = new LettuceConnectionFactory(
				new RedisStandaloneConfiguration(this.redisServer.host(), this.redisServer.port()));
		this.connections.afterPropertiesSet();
		this.connections.start();
		this.redis = new StringRedisTemplate(this.connections);
		this.queue = new ResultQueue(this.redis, this.keys.prefix() + "results", this.keys.prefix() + "results-dead",
				"writers");
	}

	@AfterEach
	void tearDown() {
		this.connections.destroy();
		this.keys.close();
	}

	@Test
	void trimsOnlyEntriesOlderThanTheOldestPendingOneOnceTheStreamIsTooLong() {
		this.queue.createGroupIfAbsent();
		List<RecordId> ids = enqueue(10);
		assertThat(this.queue.readNew("reader", 10, Duration.ofMillis(100))).hasSize(10);
		ids.stream().filter((id) -> id != ids.get(3) && id != ids.get(6)).forEach(this.queue::acknowledge);

		assertThat(this.queue.trim(5)).isEqualTo(3);
		assertThat(remaining()).isEqualTo(ids.subList(3, 10));

		this.queue.acknowledge(ids.get(3));
		assertThat(this.queue.trim(5)).isEqualTo(3);
		assertThat(remaining()).isEqualTo(ids.subList(6, 10));
	}

	@Test
	void removesOnlyIdleConsumersThatHoldNothing() {
		this.queue.createGroupIfAbsent();
		// a worker that stored its entry and died, one that holds an entry, and this one
		List<RecordId> ids = enqueue(3);
		assertThat(this.queue.readNew("gone", 1, Duration.ofMillis(10))).hasSize(1);
		this.queue.acknowledge(ids.get(0));
		assertThat(this.queue.readNew("busy", 1, Duration.ofMillis(10))).hasSize(1);
		assertThat(this.queue.readNew("self", 1, Duration.ofMillis(10))).hasSize(1);
		this.queue.acknowledge(ids.get(2));

		await("the idle consumer removed").atMost(Duration.ofSeconds(10))
			.until(() -> this.queue.removeIdleConsumers("self", Duration.ofMillis(200)),
					(removed) -> !removed.isEmpty());

		assertThat(consumers()).containsOnlyKeys("busy", "self").containsEntry("busy", 1L);
		assertThat(this.queue.removeIdleConsumers("self", Duration.ofMillis(200))).isEmpty();
		assertThat(this.queue.removeIdleConsumers("self", Duration.ofHours(1))).isEmpty();
	}

	@Test
	void removesNoConsumerOfAStreamThatIsGone() {
		assertThat(this.queue.removeIdleConsumers("self", Duration.ZERO)).isEmpty();
	}

	private java.util.Map<String, Long> consumers() {
		java.util.Map<String, Long> consumers = new java.util.HashMap<>();
		this.redis.opsForStream()
			.consumers(this.queue.stream(), "writers")
			.forEach((consumer) -> consumers.put(consumer.consumerName(), consumer.pendingCount()));
		return consumers;
	}

	@Test
	void leavesAStreamNoLongerThanTheLimitAlone() {
		this.queue.createGroupIfAbsent();
		List<RecordId> ids = enqueue(5);
		this.queue.readNew("reader", 10, Duration.ofMillis(100));
		ids.forEach(this.queue::acknowledge);

		assertThat(this.queue.trim(5)).isZero();
		assertThat(remaining()).isEqualTo(ids);
	}

	@Test
	void keepsEntriesNotDeliveredYetWhenNothingIsPending() {
		this.queue.createGroupIfAbsent();
		List<RecordId> delivered = enqueue(6);
		this.queue.readNew("reader", 10, Duration.ofMillis(100));
		delivered.forEach(this.queue::acknowledge);
		List<RecordId> undelivered = enqueue(3);

		// Everything before the last delivered entry goes; the rest is still to be read.
		assertThat(this.queue.trim(2)).isEqualTo(5);
		assertThat(remaining()).containsExactly(delivered.get(5), undelivered.get(0), undelivered.get(1),
				undelivered.get(2));
		assertThat(this.queue.readNew("reader", 10, Duration.ofMillis(100))).extracting(ResultQueue.Delivery::id)
			.isEqualTo(undelivered);
	}

	@Test
	void trimsNothingBeforeTheGroupExists() {
		List<RecordId> ids = enqueue(10);

		assertThat(this.queue.trim(1)).isZero();
		assertThat(remaining()).isEqualTo(ids);
	}

	@Test
	void trimsNothingWhenTheStreamDoesNotExist() {
		assertThat(this.queue.trim(1)).isZero();
		assertThat(this.redis.hasKey(this.queue.stream())).isFalse();
	}

	@Test
	void claimsOnlyEntriesIdleLongEnoughAndCountsTheirDeliveries() throws InterruptedException {
		this.queue.createGroupIfAbsent();
		List<RecordId> ids = enqueue(2);
		this.queue.readNew("died", 1, Duration.ofMillis(100));

		assertThat(this.queue.claimIdle("survivor", Duration.ofMinutes(1), 10).entries()).isEmpty();
		// Redis counts idle time in whole milliseconds: claim only once it says the entry
		// is idle.
		await().atMost(Duration.ofSeconds(5))
			.until(() -> this.redis.opsForStream()
				.pending(this.queue.stream(), "writers", Range.unbounded(), 1)
				.get(0)
				.getElapsedTimeSinceLastDelivery()
				.toMillis() >= 2);

		ResultQueue.Claimed claimed = this.queue.claimIdle("survivor", Duration.ofMillis(1), 10);
		assertThat(claimed.entries()).singleElement().satisfies((delivery) -> {
			assertThat(delivery.id()).isEqualTo(ids.get(0));
			assertThat(delivery.deliveries()).isEqualTo(2);
			assertThat(ResultQueue.decode(delivery.entry()).results()).hasSize(1);
		});
		assertThat(claimed.gone()).isEmpty();
		assertThat(this.redis.opsForStream().pending(this.queue.stream(), "writers").getPendingMessagesPerConsumer())
			.containsOnlyKeys("survivor");
	}

	@Test
	void keepingEntriesClaimedResetsTheirIdleTimeWithoutCountingADelivery() {
		this.queue.createGroupIfAbsent();
		List<RecordId> ids = enqueue(2);
		this.queue.readNew("worker", 2, Duration.ofMillis(100));
		this.queue.acknowledge(ids.get(1));
		// As if the worker had been busy with it for a minute.
		this.redis.opsForStream()
			.claim(this.queue.stream(), "writers", "worker",
					XClaimOptions.minIdle(Duration.ZERO).ids(ids.get(0)).idle(Duration.ofMinutes(1)));

		assertThat(this.queue.keepClaimed("worker", ids)).containsExactly(ids.get(0));

		assertThat(this.queue.claimIdle("other", Duration.ofSeconds(30), 10).entries()).isEmpty();
		assertThat(this.redis.opsForStream()
			.pending(this.queue.stream(), "writers", Range.unbounded(), 10)
			.get(0)
			.getTotalDeliveryCount()).as("the read and the claim that set the idle time").isEqualTo(2);
	}

	@Test
	void warnsWhenRedisWouldLoseConfirmedEntries() {
		// The machine's Redis runs without persistence; the fault tests' one with it.
		Properties config = this.redis
			.execute((RedisCallback<Properties>) (connection) -> connection.serverCommands().getConfig("append*"));
		if ("yes".equals(config.getProperty("appendonly"))) {
			return;
		}

		assertThat(this.queue.durabilityWarning())
			.hasValue("Redis has appendonly no: batches answered 201 are lost if Redis restarts; "
					+ "run it with appendonly yes and appendfsync always");
	}

	private List<RecordId> enqueue(int count) {
		return IntStream.range(0, count)
			.mapToObj((i) -> this.queue.enqueue(Checks.batch(Checks.up(UUID.randomUUID(), "eu-west", 90))))
			.toList();
	}

	private List<RecordId> remaining() {
		List<MapRecord<String, Object, Object>> entries = this.redis.opsForStream()
			.range(this.queue.stream(), Range.unbounded());
		return (entries != null) ? entries.stream().map(MapRecord::getId).toList() : List.of();
	}

}
