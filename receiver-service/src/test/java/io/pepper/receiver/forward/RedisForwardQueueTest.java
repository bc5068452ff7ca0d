package io.pepper.receiver.forward;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.UUID;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.pepper.contracts.v1.OpenIncidentEndpoints;
import io.pepper.contracts.v1.ResultBatch;
import io.pepper.receiver.Checks;
import io.pepper.receiver.servers.FailureServiceStandIn;
import io.pepper.testsupport.LocalRedis;
import io.pepper.testsupport.TestRedisNamespace;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The forward queue to failure-service on a real Redis, against a local stand-in. */
@ExtendWith(OutputCaptureExtension.class)
class RedisForwardQueueTest {

	private final LocalRedis server = LocalRedis.fromEnvironment();

	private TestRedisNamespace keys;

	private LettuceConnectionFactory connections;

	private StringRedisTemplate redis;

	private @Nullable FailureServiceStandIn failureService;

	private @Nullable RedisForwardQueue<ResultBatch> outbox;

	private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

	@BeforeEach
	void connect() {
		this.keys = this.server.createNamespace("outbox");
		this.connections = new LettuceConnectionFactory(
				new RedisStandaloneConfiguration(this.server.host(), this.server.port()));
		this.connections.afterPropertiesSet();
		this.connections.start();
		this.redis = new StringRedisTemplate(this.connections);
	}

	@AfterEach
	void disconnect() {
		if (this.outbox != null) {
			this.outbox.stop();
		}
		if (this.failureService != null) {
			this.failureService.close();
		}
		this.connections.destroy();
		this.keys.close();
	}

	private RedisForwardQueue<ResultBatch> outbox(URI url, long maxLength) {
		this.outbox = new RedisForwardQueue<>(this.redis, this.keys.prefix() + "successes", ResultBatch.class,
				"success batch", url, OpenIncidentEndpoints.SUCCESSES_PATH, "failure-token", Duration.ofMillis(50),
				maxLength, this.registry);
		return this.outbox;
	}

	@Test
	void resendsABatchWithItsIdUntilFailureServiceAcceptsIt() {
		this.failureService = FailureServiceStandIn.start();
		this.failureService.answerSuccessesWith(503);
		RedisForwardQueue<ResultBatch> outbox = outbox(this.failureService.url(), 100);
		ResultBatch batch = batch();

		outbox.add(batch);
		outbox.start();

		await().atMost(Duration.ofSeconds(10)).until(() -> !this.failureService.accepted().isEmpty());
		assertThat(this.failureService.attempts()).containsExactly(batch.batchId(), batch.batchId());
		assertThat(this.failureService.accepted()).containsExactly(batch);
		assertThat(this.failureService.authorizations()).containsOnly("Bearer failure-token");
		await().atMost(Duration.ofSeconds(5)).until(() -> outbox.pending().isEmpty());
	}

	@Test
	void keepsBatchesWhileFailureServiceIsUnreachableAndSendsThemInOrderOnceItIsBack() throws IOException {
		int port = freePort();
		RedisForwardQueue<ResultBatch> outbox = outbox(URI.create("http://127.0.0.1:" + port), 100);
		ResultBatch first = batch();
		ResultBatch second = batch();
		outbox.add(first);
		outbox.add(second);

		assertThat(outbox.deliver()).isZero();
		assertThat(outbox.pending()).containsExactly(first, second);

		this.failureService = FailureServiceStandIn.on(port);
		outbox.start();
		await().atMost(Duration.ofSeconds(10)).until(() -> this.failureService.accepted().size() == 2);
		assertThat(this.failureService.accepted()).containsExactly(first, second);
		assertThat(outbox.pending()).isEmpty();
	}

	@Test
	void dropsABatchFailureServiceRefusesForGoodAndDeliversTheNext() {
		this.failureService = FailureServiceStandIn.start();
		this.failureService.answerSuccessesWith(400);
		RedisForwardQueue<ResultBatch> outbox = outbox(this.failureService.url(), 100);
		ResultBatch refused = batch();
		ResultBatch next = batch();
		outbox.add(refused);
		outbox.add(next);

		assertThat(outbox.deliver()).isEqualTo(2);

		assertThat(this.failureService.attempts()).containsExactly(refused.batchId(), next.batchId());
		assertThat(this.failureService.accepted()).containsExactly(next);
		assertThat(outbox.pending()).isEmpty();
	}

	@ParameterizedTest(name = "{0}")
	@ValueSource(ints = { 400, 401, 404 })
	void setsAsideABatchFailureServiceRefusesWithItsReasonCountsAndLogsIt(int status, CapturedOutput output) {
		this.failureService = FailureServiceStandIn.start();
		this.failureService.answerSuccessesWith(status);
		RedisForwardQueue<ResultBatch> outbox = outbox(this.failureService.url(), 100);
		ResultBatch refused = batch();
		ResultBatch next = batch();
		outbox.add(refused);
		outbox.add(next);

		assertThat(outbox.deliver()).isEqualTo(2);
		assertThat(outbox.deliver()).isZero();

		assertThat(this.failureService.attempts()).as("the refused batch is sent once")
			.containsExactly(refused.batchId(), next.batchId());
		assertThat(this.failureService.accepted()).containsExactly(next);
		assertThat(outbox.pending()).isEmpty();
		assertThat(outbox.setAside()).singleElement().satisfies((kept) -> {
			assertThat(kept.message()).isEqualTo(refused);
			assertThat(kept.status()).isEqualTo(status);
			assertThat(kept.reason()).startsWith("failure-service answered " + status + " for "
					+ this.failureService.url() + OpenIncidentEndpoints.SUCCESSES_PATH);
		});
		assertThat(this.registry.get("pepper.delivery.set.aside")
			.tag("queue", "receiver-successes")
			.tag("status", Integer.toString(status))
			.counter()
			.count()).isEqualTo(1);
		assertThat(output).contains("receiver-successes: a success batch refused, set aside in " + outbox.key()
				+ "-set-aside: failure-service answered " + status);
	}

	@Test
	void keepsOnlyTheNewestBatchesBeyondItsBound() throws IOException {
		RedisForwardQueue<ResultBatch> outbox = outbox(URI.create("http://127.0.0.1:" + freePort()), 2);
		ResultBatch oldest = batch();
		ResultBatch middle = batch();
		ResultBatch newest = batch();

		outbox.add(oldest);
		outbox.add(middle);
		outbox.add(newest);

		assertThat(outbox.pending()).containsExactly(middle, newest);
	}

	@Test
	void queuesNothingWithoutFailureService() {
		RedisForwardQueue<ResultBatch> outbox = new RedisForwardQueue<>(this.redis, this.keys.prefix() + "successes",
				ResultBatch.class, "success batch", null, OpenIncidentEndpoints.SUCCESSES_PATH, null,
				Duration.ofMillis(50), 100);

		outbox.add(batch());

		assertThat(outbox.enabled()).isFalse();
		assertThat(outbox.pending()).isEmpty();
		assertThat(this.redis.hasKey(outbox.key())).isFalse();
	}

	@Test
	void pausesLongerAfterEachFailedRoundUpToHalfAMinute() throws IOException {
		RedisForwardQueue<ResultBatch> outbox = outbox(URI.create("http://127.0.0.1:" + freePort()), 100);

		assertThat(outbox.pause(0)).isEqualTo(Duration.ofMillis(50));
		assertThat(outbox.pause(1)).isEqualTo(Duration.ofMillis(100));
		assertThat(outbox.pause(3)).isEqualTo(Duration.ofMillis(400));
		assertThat(outbox.pause(30)).isEqualTo(Duration.ofSeconds(30));
	}

	private static ResultBatch batch() {
		return Checks.batch(Checks.up(UUID.randomUUID(), "eu-west", 90));
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

}
