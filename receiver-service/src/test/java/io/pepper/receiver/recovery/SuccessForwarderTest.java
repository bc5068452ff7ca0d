package io.pepper.receiver.recovery;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import io.pepper.contracts.v1.CheckResult;
import io.pepper.contracts.v1.OpenIncidentEndpoints;
import io.pepper.contracts.v1.ResultBatch;
import io.pepper.receiver.Checks;
import io.pepper.receiver.forward.RedisForwardQueue;
import io.pepper.receiver.servers.FailureServiceStandIn;
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
 * Which stored checks go to failure-service, and how the followed endpoints are kept, on
 * a real Redis against a local stand-in.
 */
class SuccessForwarderTest {

	private final LocalRedis server = LocalRedis.fromEnvironment();

	private final FailureServiceStandIn failureService = FailureServiceStandIn.start();

	private TestRedisNamespace keys;

	private LettuceConnectionFactory connections;

	private WatchedEndpoints watched;

	private RedisForwardQueue<ResultBatch> outbox;

	private SuccessForwarder forwarder;

	@BeforeEach
	void connect() {
		this.keys = this.server.createNamespace("recovery");
		this.connections = new LettuceConnectionFactory(
				new RedisStandaloneConfiguration(this.server.host(), this.server.port()));
		this.connections.afterPropertiesSet();
		this.connections.start();
		StringRedisTemplate redis = new StringRedisTemplate(this.connections);
		this.watched = new WatchedEndpoints(this.failureService.url(), "failure-token", Duration.ofSeconds(5));
		this.outbox = new RedisForwardQueue<>(redis, this.keys.prefix() + "successes", ResultBatch.class,
				"success batch", this.failureService.url(), OpenIncidentEndpoints.SUCCESSES_PATH, "failure-token",
				Duration.ofSeconds(1), 100);
		this.forwarder = new SuccessForwarder(this.watched, this.outbox);
	}

	@AfterEach
	void disconnect() {
		this.failureService.close();
		this.connections.destroy();
		this.keys.close();
	}

	@Test
	void forwardsOnlyTheSuccessesOfFollowedEndpoints() {
		UUID followed = UUID.randomUUID();
		UUID other = UUID.randomUUID();
		this.failureService.follow(List.of(followed));
		assertThat(this.watched.refresh()).isTrue();
		CheckResult success = Checks.up(followed, "eu-west", 90);
		CheckResult slowSuccess = Checks.up(followed, "us-east", 4000);

		this.forwarder.stored(List.of(success, Checks.refused(followed, "ap-south"), Checks.up(other, "eu-west", 90),
				slowSuccess, Checks.timedOut(followed, "eu-west"), Checks.unexpectedStatus(followed, "us-east", 500)));

		assertThat(this.outbox.deliver()).isEqualTo(1);
		assertThat(this.failureService.accepted()).singleElement()
			.extracting(ResultBatch::results)
			.isEqualTo(List.of(success, slowSuccess));
	}

	@Test
	void queuesNothingWhenNoStoredCheckIsAFollowedSuccess() {
		UUID followed = UUID.randomUUID();
		this.failureService.follow(List.of(followed));
		this.watched.refresh();

		this.forwarder
			.stored(List.of(Checks.refused(followed, "eu-west"), Checks.up(UUID.randomUUID(), "eu-west", 90)));

		assertThat(this.outbox.pending()).isEmpty();
	}

	@Test
	void forwardsNothingBeforeFailureServiceNamedAnEndpoint() {
		this.forwarder.stored(List.of(Checks.up(UUID.randomUUID(), "eu-west", 90)));

		assertThat(this.outbox.pending()).isEmpty();
	}

	@Test
	void splitsManySuccessesIntoBatchesOfFiveHundredWithTheirOwnIds() {
		UUID followed = UUID.randomUUID();
		this.failureService.follow(List.of(followed));
		this.watched.refresh();
		List<CheckResult> successes = new ArrayList<>();
		for (int i = 0; i < 1_200; i++) {
			successes.add(Checks.up(followed, "location-" + i, 90));
		}

		this.forwarder.stored(successes);

		List<ResultBatch> queued = this.outbox.pending();
		assertThat(queued).extracting((batch) -> batch.results().size()).containsExactly(500, 500, 200);
		assertThat(queued).extracting(ResultBatch::batchId).doesNotHaveDuplicates();
		assertThat(queued).flatExtracting(ResultBatch::results).isEqualTo(successes);
	}

	@Test
	void keepsTheFollowedEndpointsWhenAPollFails() {
		UUID followed = UUID.randomUUID();
		this.failureService.follow(List.of(followed));
		assertThat(this.watched.refresh()).isTrue();

		this.failureService.answerFollowedWith(503);
		assertThat(this.watched.refresh()).isFalse();
		assertThat(this.watched.contains(followed)).isTrue();

		this.failureService.close();
		assertThat(this.watched.refresh()).isFalse();
		assertThat(this.watched.endpoints()).containsExactly(followed);
	}

	@Test
	void replacesTheFollowedEndpointsWithEachAnswer() {
		UUID resolved = UUID.randomUUID();
		UUID failing = UUID.randomUUID();
		this.failureService.follow(List.of(resolved));
		this.watched.refresh();

		this.failureService.follow(List.of(failing));
		this.watched.refresh();

		assertThat(this.watched.endpoints()).containsExactly(failing);
		assertThat(this.failureService.authorizations()).containsOnly("Bearer failure-token");
	}

}
