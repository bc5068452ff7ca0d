package io.pepper.receiver.queue;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import io.pepper.contracts.v1.CheckResult;
import io.pepper.receiver.Checks;
import io.pepper.receiver.ReceiverProperties;
import io.pepper.receiver.store.MetricStore;
import io.pepper.receiver.store.MetricStoreException;
import io.pepper.receiver.store.influx.InfluxMetricStore;
import io.pepper.testsupport.LocalInflux;
import io.pepper.testsupport.LocalRedis;
import io.pepper.testsupport.TestInfluxDatabase;
import io.pepper.testsupport.TestRedisNamespace;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The worker alone, on real Redis and InfluxDB, with InfluxDB first out of reach. */
class ResultWorkerTest {

	private static final ReceiverProperties.Queue FAST_RETRIES = new ReceiverProperties.Queue("writers", null, 50,
			Duration.ofMillis(200), Duration.ofMillis(50), Duration.ofMillis(200));

	private final LocalRedis redisServer = LocalRedis.fromEnvironment();

	private final LocalInflux influx = LocalInflux.fromEnvironment();

	private TestRedisNamespace keys;

	private TestInfluxDatabase database;

	private LettuceConnectionFactory connections;

	private ResultQueue queue;

	private InfluxMetricStore unreachable;

	private InfluxMetricStore reachable;

	private ResultWorker worker;

	@BeforeEach
	void setUp() throws IOException {
		this.keys = this.redisServer.createNamespace("worker");
		this.database = this.influx.createDatabase("worker");
		this.connections = new LettuceConnectionFactory(
				new RedisStandaloneConfiguration(this.redisServer.host(), this.redisServer.port()));
		this.connections.afterPropertiesSet();
		this.connections.start();
		this.queue = new ResultQueue(new StringRedisTemplate(this.connections), this.keys.prefix() + "results",
				"writers");
		this.unreachable = new InfluxMetricStore(settings(closedPort()));
		this.reachable = new InfluxMetricStore(settings(URI.create(this.influx.url())));
	}

	private ReceiverProperties.Influx settings(URI url) {
		return new ReceiverProperties.Influx(url, this.database.name(), "autogen", null, true, false,
				Duration.ofSeconds(2));
	}

	@AfterEach
	void tearDown() {
		if (this.worker != null) {
			this.worker.stop();
		}
		this.unreachable.close();
		this.reachable.close();
		this.connections.destroy();
		this.keys.close();
		this.database.close();
	}

	@Test
	void keepsTheEntryPendingWhileTheStoreFailsAndAcknowledgesItOnceStored() {
		SwitchableStore store = new SwitchableStore(this.unreachable);
		UUID endpoint = UUID.randomUUID();
		// Queued before the group exists, as when probes post before any worker started.
		this.queue.enqueue(Checks.batch(Checks.up(endpoint, "eu-west", 87.5)));
		this.worker = new ResultWorker(this.queue, store, "worker-under-test", FAST_RETRIES);
		this.worker.start();

		await("several failed writes").atMost(Duration.ofSeconds(20)).until(() -> store.failures.get() >= 3);
		assertThat(pendingEntries()).isEqualTo(1);
		assertThat(pointsOf(endpoint)).isZero();

		store.target = this.reachable;
		await("the entry stored and acknowledged").atMost(Duration.ofSeconds(20))
			.until(() -> pendingEntries() == 0 && pointsOf(endpoint) == 1);
		assertThat(this.database.query("SELECT total_ms FROM checks WHERE endpoint = '" + endpoint + "'"))
			.contains("87.5");
	}

	@Test
	void stopsItsThreadOnStop() {
		this.worker = new ResultWorker(this.queue, this.reachable, "worker-stopping", FAST_RETRIES);
		this.worker.start();
		assertThat(threadNamed("results-worker-worker-stopping")).isTrue();

		this.worker.stop();

		assertThat(this.worker.isRunning()).isFalse();
		assertThat(threadNamed("results-worker-worker-stopping")).isFalse();
	}

	@Test
	void backsOffExponentiallyUpToTheLongestPause() {
		ResultWorker backingOff = new ResultWorker(this.queue, this.reachable, "backoff", new ReceiverProperties.Queue(
				"writers", null, 50, Duration.ofSeconds(1), Duration.ofSeconds(1), Duration.ofSeconds(30)));
		assertThat(List.of(1, 2, 3, 5, 6, 40).stream().map(backingOff::backoff)).containsExactly(Duration.ofSeconds(1),
				Duration.ofSeconds(2), Duration.ofSeconds(4), Duration.ofSeconds(16), Duration.ofSeconds(30),
				Duration.ofSeconds(30));
	}

	private static boolean threadNamed(String name) {
		return Thread.getAllStackTraces().keySet().stream().anyMatch((thread) -> thread.getName().equals(name));
	}

	private long pendingEntries() {
		StringRedisTemplate redis = new StringRedisTemplate(this.connections);
		if (!Boolean.TRUE.equals(redis.hasKey(this.queue.stream()))) {
			return -1;
		}
		return redis.opsForStream().pending(this.queue.stream(), "writers").getTotalPendingMessages();
	}

	private int pointsOf(UUID endpoint) {
		return Checks.rows(this.database.query("SELECT * FROM checks WHERE endpoint = '" + endpoint + "'")).size();
	}

	private static URI closedPort() throws IOException {
		try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
			return URI.create("http://127.0.0.1:" + socket.getLocalPort());
		}
	}

	/** A real store whose target the test switches, counting the writes that failed. */
	private static final class SwitchableStore implements MetricStore {

		volatile MetricStore target;

		final AtomicInteger failures = new AtomicInteger();

		SwitchableStore(MetricStore target) {
			this.target = target;
		}

		@Override
		public void write(List<CheckResult> results) {
			try {
				this.target.write(results);
			}
			catch (MetricStoreException ex) {
				this.failures.incrementAndGet();
				throw ex;
			}
		}

	}

}
