package io.pepper.probe.round;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

import io.pepper.contracts.v1.ApdexClass;
import io.pepper.contracts.v1.CheckResult;
import io.pepper.contracts.v1.FailureBatch;
import io.pepper.contracts.v1.FailureReport;
import io.pepper.contracts.v1.Outcome;
import io.pepper.contracts.v1.OutcomeKind;
import io.pepper.contracts.v1.Phase;
import io.pepper.contracts.v1.PhaseTimings;
import io.pepper.contracts.v1.ResultBatch;
import io.pepper.contracts.v1.WireJson;
import io.pepper.probe.LocalServer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Delivery against real local HTTP servers standing in for the receiver and
 * failure-service.
 */
@ExtendWith(OutputCaptureExtension.class)
class DeliveryTest {

	private static final Instant SLOT = Instant.parse("2026-01-01T12:00:00Z");

	private final List<AutoCloseable> toClose = new ArrayList<>();

	private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

	@AfterEach
	void stop() throws Exception {
		for (AutoCloseable closeable : this.toClose.reversed()) {
			closeable.close();
		}
	}

	@Test
	void splitsResultsIntoBatchesOfAtMostOneThousand() {
		LocalServer receiver = server(LocalServer.http().answer(ResultBatch.PATH, 201, ""));
		Delivery delivery = delivery(receiver.port(), receiver.port(), 10_000, 0, Duration.ofSeconds(30));

		results(2_500).forEach(delivery::offer);

		assertThat(delivery.drain(Duration.ofSeconds(10))).isTrue();
		assertThat(resultBatches(receiver)).extracting((batch) -> batch.results().size())
			.containsExactly(1_000, 1_000, 500);
	}

	@Test
	void drainsAtOnceWhenThereIsNothingToSend() {
		LocalServer receiver = server(LocalServer.http());
		Delivery delivery = delivery(receiver.port(), receiver.port(), 100, 0, Duration.ofSeconds(30));

		assertThat(delivery.drain(Duration.ofSeconds(1))).isTrue();
		assertThat(receiver.received()).isEmpty();
	}

	@Test
	void deliversEveryResultAndFailureOnceWhenTheServicesComeBack() {
		int receiverPort = LocalServer.closedPort();
		int failurePort = LocalServer.closedPort();
		Delivery delivery = delivery(receiverPort, failurePort, 10_000, 0, Duration.ofMillis(50));
		List<CheckResult> results = results(2_500);
		List<FailureReport> failures = failures(1_200);
		results.forEach(delivery::offer);
		failures.forEach(delivery::offer);
		await().atMost(Duration.ofSeconds(10))
			.until(() -> delivery.results().errors() >= 2 && delivery.failures().errors() >= 2);

		LocalServer receiver = server(LocalServer.http(receiverPort).answer(ResultBatch.PATH, 201, ""));
		LocalServer failureService = server(LocalServer.http(failurePort).answer(FailureBatch.PATH, 202, ""));

		await().atMost(Duration.ofSeconds(20))
			.until(() -> delivery.state().resultsBuffered() == 0 && delivery.state().failuresBuffered() == 0);
		assertThat(resultBatches(receiver).stream().flatMap((batch) -> batch.results().stream()))
			.containsExactlyInAnyOrderElementsOf(results);
		List<FailureBatch> failureBatches = failureService.received()
			.stream()
			.map((received) -> WireJson.mapper().readValue(received.body(), FailureBatch.class))
			.toList();
		assertThat(failureBatches.stream().flatMap((batch) -> batch.failures().stream()))
			.containsExactlyInAnyOrderElementsOf(failures);
		assertThat(failureBatches).allSatisfy((batch) -> assertThat(batch.failures()).hasSizeLessThanOrEqualTo(1000));
		assertThat(delivery.state().resultsLost() + delivery.state().failuresLost()).isZero();
	}

	@Test
	void dropsTheOldestWhenTheBufferIsFullAndCountsEveryDrop() {
		AtomicInteger status = new AtomicInteger(503);
		LocalServer receiver = server(
				LocalServer.http().on(ResultBatch.PATH, (exchange) -> LocalServer.respond(exchange, status.get(), "")));
		Delivery delivery = delivery(receiver.port(), receiver.port(), 5, 0, Duration.ZERO);
		List<CheckResult> results = results(12);

		results.forEach(delivery::offer);

		assertThat(delivery.results().droppedBecauseFull()).isEqualTo(7);
		assertThat(delivery.state().resultsBuffered()).isEqualTo(5);
		assertThat(delivery.state().resultsLost()).isEqualTo(7);
		status.set(201);
		await().atMost(Duration.ofSeconds(10)).until(() -> delivery.state().resultsBuffered() == 0);
		List<CheckResult> delivered = resultBatches(receiver).stream()
			.flatMap((batch) -> batch.results().stream())
			.distinct()
			.toList();
		assertThat(delivered).hasSize(5).isSubsetOf(results);
		assertThat(delivery.results().droppedBecauseFull()).isEqualTo(7);
	}

	@Test
	void dropsABatchTheReceiverRefusesWithoutRetrying() {
		LocalServer receiver = server(
				LocalServer.http().answer(ResultBatch.PATH, 400, "{\"detail\":\"results[0] is wrong\"}"));
		Delivery delivery = delivery(receiver.port(), receiver.port(), 100, 0, Duration.ZERO);

		delivery.offer(results(1).getFirst());

		assertThat(delivery.drain(Duration.ofSeconds(10))).isFalse();
		assertThat(receiver.received()).hasSize(1);
		assertThat(delivery.results().rejected()).isEqualTo(1);
	}

	@ParameterizedTest(name = "{0}")
	@ValueSource(ints = { 400, 401, 404 })
	void setsAsideABatchTheReceiverRefusesCountsAndLogsItAndSendsTheNext(int status, CapturedOutput output) {
		AtomicInteger answer = new AtomicInteger(status);
		LocalServer receiver = server(LocalServer.http()
			.on(ResultBatch.PATH, (exchange) -> LocalServer.respond(exchange, answer.getAndSet(201),
					"{\"detail\":\"refused for a reason\"}")));
		Delivery delivery = delivery(receiver.port(), receiver.port(), 100, 0, Duration.ZERO);
		List<CheckResult> results = results(2);

		delivery.offer(results.get(0));
		assertThat(delivery.drain(Duration.ofSeconds(10))).isFalse();
		delivery.offer(results.get(1));
		delivery.drain(Duration.ofSeconds(10));

		assertThat(receiver.received()).as("the refused batch is not sent again").hasSize(2);
		assertThat(resultBatches(receiver).get(1).results()).containsExactly(results.get(1));
		assertThat(delivery.results().rejected()).isEqualTo(1);
		assertThat(delivery.results().delivered()).isEqualTo(1);
		assertThat(this.registry.get("pepper.delivery.set.aside")
			.tag("queue", "probe-results")
			.tag("status", Integer.toString(status))
			.counter()
			.count()).isEqualTo(1);
		assertThat(output).contains("probe-results: a batch of 1 refused",
				"receiver answered " + status + " for http://127.0.0.1:" + receiver.port() + "/v1/results",
				"refused for a reason");
	}

	@Test
	void givesUpAfterTheAttemptsAllowed() {
		LocalServer receiver = server(LocalServer.http().answer(ResultBatch.PATH, 503, ""));
		Delivery delivery = delivery(receiver.port(), receiver.port(), 100, 3, Duration.ofSeconds(30));

		results(4).forEach(delivery::offer);

		assertThat(delivery.drain(Duration.ofSeconds(10))).isFalse();
		assertThat(receiver.received()).hasSize(3);
		assertThat(resultBatches(receiver)).extracting(ResultBatch::batchId)
			.as("a retried batch keeps its id")
			.containsOnly(resultBatches(receiver).getFirst().batchId());
		assertThat(delivery.results().givenUp()).isEqualTo(4);
	}

	private Delivery delivery(int receiverPort, int failurePort, int capacity, int attempts, Duration linger) {
		Delivery delivery = new Delivery(new Delivery.Target("http://127.0.0.1:" + receiverPort, "receiver-secret"),
				new Delivery.Target("http://127.0.0.1:" + failurePort + "/", "failure-secret"), "test-probe",
				new Delivery.Settings(capacity, attempts, Duration.ofMillis(10), Duration.ofMillis(100), linger),
				this.registry);
		this.toClose.add(delivery);
		return delivery;
	}

	private LocalServer server(LocalServer server) {
		this.toClose.add(server);
		return server;
	}

	private static List<ResultBatch> resultBatches(LocalServer receiver) {
		return receiver.received()
			.stream()
			.map((received) -> WireJson.mapper().readValue(received.body(), ResultBatch.class))
			.toList();
	}

	static List<CheckResult> results(int count) {
		return IntStream.range(0, count)
			.mapToObj((i) -> new CheckResult(UUID.randomUUID(), UUID.randomUUID(), "local", SLOT, SLOT,
					new PhaseTimings(1.0, 2.0, null, 3.0, 4.0), 200, 10, null, Outcome.up(), 500, ApdexClass.SATISFIED))
			.toList();
	}

	private static List<FailureReport> failures(int count) {
		return IntStream.range(0, count).mapToObj((i) -> {
			CheckResult result = new CheckResult(UUID.randomUUID(), UUID.randomUUID(), "local", SLOT, SLOT,
					new PhaseTimings(1.0, null, null, null, 1.0), null, 0, null,
					Outcome.failed(OutcomeKind.CONNECTION_REFUSED, Phase.CONNECT, "connection refused"), 500,
					ApdexClass.FRUSTRATED);
			return new FailureReport("endpoint " + i, java.net.URI.create("https://example.com/" + i), result);
		}).toList();
	}

}
