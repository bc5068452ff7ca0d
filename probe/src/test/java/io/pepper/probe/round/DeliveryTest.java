package io.pepper.probe.round;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;

import io.pepper.contracts.v1.ApdexClass;
import io.pepper.contracts.v1.CheckResult;
import io.pepper.contracts.v1.Outcome;
import io.pepper.contracts.v1.PhaseTimings;
import io.pepper.contracts.v1.ResultBatch;
import io.pepper.contracts.v1.WireJson;
import io.pepper.probe.LocalServer;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class DeliveryTest {

	private final LocalServer receiver = LocalServer.http();

	@AfterEach
	void stopServer() {
		this.receiver.close();
	}

	@Test
	void splitsResultsIntoBatchesOfAtMostOneThousand() {
		this.receiver.answer(ResultBatch.PATH, 201, "");

		boolean delivered = delivery().deliverResults(results(2_500));

		assertThat(delivered).isTrue();
		assertThat(this.receiver.received())
			.extracting((received) -> WireJson.mapper().readValue(received.body(), ResultBatch.class).results().size())
			.containsExactly(1_000, 1_000, 500);
	}

	@Test
	void sendsNothingWhenThereIsNothingToSend() {
		assertThat(delivery().deliverResults(List.of())).isTrue();
		assertThat(this.receiver.received()).isEmpty();
	}

	@Test
	void doesNotRetryABatchTheReceiverRejects() {
		this.receiver.answer(ResultBatch.PATH, 400, "{\"detail\":\"results[0] is wrong\"}");

		assertThat(delivery().deliverResults(results(1))).isFalse();
		assertThat(this.receiver.received()).hasSize(1);
	}

	private Delivery delivery() {
		Delivery.Target target = new Delivery.Target(this.receiver.url("/").toString(), "secret");
		return new Delivery(new OkHttpClient(), target, target, "test-probe", 4, Duration.ofMillis(10));
	}

	private static List<CheckResult> results(int count) {
		Instant slot = Instant.parse("2026-01-01T12:00:00Z");
		return IntStream.range(0, count)
			.mapToObj((i) -> new CheckResult(UUID.randomUUID(), UUID.randomUUID(), "local", slot, slot,
					new PhaseTimings(1.0, 2.0, null, 3.0, 4.0), 200, 10, null, Outcome.up(), 500, ApdexClass.SATISFIED))
			.toList();
	}

}
