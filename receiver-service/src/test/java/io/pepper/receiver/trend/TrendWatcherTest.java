package io.pepper.receiver.trend;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import io.pepper.contracts.v1.CheckResult;
import io.pepper.contracts.v1.TrendEvent;
import io.pepper.receiver.forward.RedisForwardQueue;
import io.pepper.receiver.store.MetricStoreContract;
import io.pepper.testsupport.LocalRedis;
import io.pepper.testsupport.TestRedisNamespace;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The detector's shared state and outbox on a real Redis, as several instances use them.
 */
class TrendWatcherTest {

	private static final Instant START = Instant.parse("2026-06-01T00:00:00Z");

	private final LocalRedis server = LocalRedis.fromEnvironment();

	private TestRedisNamespace keys;

	private LettuceConnectionFactory connections;

	private StringRedisTemplate redis;

	private RedisForwardQueue<TrendEvent> outbox;

	@BeforeEach
	void connect() throws IOException {
		this.keys = this.server.createNamespace("trend");
		this.connections = new LettuceConnectionFactory(
				new RedisStandaloneConfiguration(this.server.host(), this.server.port()));
		this.connections.afterPropertiesSet();
		this.connections.start();
		this.redis = new StringRedisTemplate(this.connections);
		this.outbox = new RedisForwardQueue<>(this.redis, this.keys.prefix() + "trend-events", TrendEvent.class,
				"trend event", closedPort(), TrendEvent.PATH, "token", Duration.ofSeconds(1), 10_000);
	}

	@AfterEach
	void disconnect() {
		this.connections.destroy();
		this.keys.close();
	}

	private TrendWatcher watcher() {
		return new TrendWatcher(new TrendStates(this.redis, this.keys.prefix()),
				new TrendPolicies(null, null, Duration.ofMinutes(1)), this.outbox, Clock.systemUTC());
	}

	@Test
	void instancesObservingTheSameEndpointAtOnceLoseNoCheck() throws Exception {
		UUID endpoint = UUID.randomUUID();
		List<String> locations = List.of("eu-west", "us-east", "ap-south", "sa-east");
		try (ExecutorService instances = Executors.newFixedThreadPool(locations.size())) {
			List<Future<?>> running = new ArrayList<>();
			for (String location : locations) {
				TrendWatcher instance = watcher();
				running.add(instances.submit((Callable<Void>) () -> {
					for (int minute = 0; minute < 50; minute++) {
						instance.observe(List.of(check(endpoint, location, minute, 100)));
					}
					return null;
				}));
			}
			for (Future<?> future : running) {
				future.get();
			}
		}

		TrendState state = new TrendStates(this.redis, this.keys.prefix()).read(endpoint).state();
		assertThat(state.checks()).isEqualTo(200);
		assertThat(state.locations).containsOnlyKeys(locations);
	}

	@Test
	void countsAReplayedBatchOnce() {
		UUID endpoint = UUID.randomUUID();
		TrendWatcher watcher = watcher();
		List<CheckResult> batch = List.of(check(endpoint, "eu-west", 0, 100), check(endpoint, "us-east", 0, 100),
				check(endpoint, "eu-west", 1, 100));

		watcher.observe(batch);
		watcher.observe(batch);
		watcher.observe(List.of(check(endpoint, "eu-west", 1, 9000)));

		assertThat(new TrendStates(this.redis, this.keys.prefix()).read(endpoint).state().checks()).isEqualTo(3);
	}

	@Test
	void queuesADegradationAndItsRecoveryUntilFailureServiceTakesThem() {
		UUID endpoint = UUID.randomUUID();
		TrendWatcher watcher = watcher();
		Random random = new Random(3);
		int minute = 0;
		List<TrendEvent> events = new ArrayList<>();
		// Lognormal latencies at Apdex 0.95 for T = 500 ms, then 60% slower (about 0.82)
		// for
		// ten hours, then back: one batch per simulated hour.
		for (double slower : new double[] { 1.0, 1.6, 1.0 }) {
			int end = minute + ((slower > 1) ? 600 : 8 * 1_440);
			while (minute < end) {
				List<CheckResult> batch = new ArrayList<>();
				for (int i = 0; i < 60; i++, minute++) {
					batch.add(check(endpoint, "eu-west", minute, slower * 261 * Math.exp(0.5 * random.nextGaussian())));
				}
				events.addAll(watcher.observe(batch));
			}
		}

		assertThat(events).extracting(TrendEvent::kind)
			.containsExactly(TrendEvent.Kind.DEGRADED, TrendEvent.Kind.RECOVERED);
		TrendEvent degraded = events.getFirst();
		assertThat(degraded.endpointId()).isEqualTo(endpoint);
		assertThat(degraded.apdexThresholdMs()).isEqualTo(500);
		assertThat(degraded.baselineApdex()).isBetween(0.92, 0.97);
		assertThat(degraded.apdex()).isLessThan(degraded.baselineApdex());
		assertThat(degraded.reason()).contains("Apdex 0.9").contains("p95 ").contains("eu-west");
		assertThat(degraded.degradation()).isNotNull();
		assertThat(degraded.degradation().locations()).containsExactly("eu-west");
		assertThat(degraded.degradation().p95AfterMs()).isGreaterThan(degraded.degradation().p95BeforeMs());
		assertThat(events.get(1).degradation()).isNull();
		// failure-service does not answer: both stay queued, in order, for the next try.
		assertThat(this.outbox.deliver()).isZero();
		assertThat(this.outbox.pending()).extracting(TrendEvent::eventId)
			.containsExactly(events.get(0).eventId(), events.get(1).eventId());
	}

	@Test
	void keepsWhatItLearntWhenTheThresholdChanges() {
		UUID endpoint = UUID.randomUUID();
		TrendWatcher watcher = watcher();
		watcher.observe(List.of(check(endpoint, "eu-west", 0, 100), check(endpoint, "eu-west", 1, 100)));

		CheckResult stricter = MetricStoreContract.up(endpoint, "eu-west", START.plusSeconds(120), 100, 50);
		watcher.observe(List.of(stricter));

		TrendState state = new TrendStates(this.redis, this.keys.prefix()).read(endpoint).state();
		assertThat(state.thresholdMs).isEqualTo(50);
		assertThat(state.checks()).isEqualTo(3);
	}

	@Test
	void countsAFailedCheckThatArrivesAfterNewerOnes() {
		UUID endpoint = UUID.randomUUID();
		TrendWatcher watcher = watcher();
		watcher.observe(List.of(check(endpoint, "eu-west", 0, 100), check(endpoint, "eu-west", 2, 100)));

		watcher.observe(List.of(MetricStoreContract.refused(endpoint, "eu-west", START.plusSeconds(60))));

		TrendStates states = new TrendStates(this.redis, this.keys.prefix());
		assertThat(states.read(endpoint).state().checks()).isEqualTo(3);
		assertThat(states.read(endpoint).state().locations.get("eu-west").failedShare).isPositive();
	}

	private static CheckResult check(UUID endpoint, String location, int minute, double totalMs) {
		return MetricStoreContract.up(endpoint, location, START.plusSeconds(60L * minute), totalMs, 500);
	}

	private static URI closedPort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return URI.create("http://127.0.0.1:" + socket.getLocalPort());
		}
	}

}
