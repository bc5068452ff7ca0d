package io.pepper.failure.history;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.pepper.contracts.v1.CheckResult;
import io.pepper.contracts.v1.FailureReport;
import io.pepper.contracts.v1.ResultBatch;
import io.pepper.contracts.v1.WireJson;
import io.pepper.failure.Failures;
import io.pepper.failure.IncidentTestBase;
import io.pepper.failure.LocalReceiver;
import io.pepper.failure.TestEndpoint;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Accepted failed checks reach receiver-service's results API (here a local server
 * recording what our client sends) after they commit, and are retried until accepted.
 */
@ExtendWith(OutputCaptureExtension.class)
class HistoryForwardingTest extends IncidentTestBase {

	@Autowired
	private HistoryForwarder forwarder;

	@Autowired
	private MeterRegistry registry;

	@Test
	void forwardsEveryAcceptedFailedCheckWhole() {
		TestEndpoint endpoint = TestEndpoint.create("History", "eu-west", "us-east");
		FailureReport first = endpoint.failure("eu-west", slot(0));
		FailureReport second = endpoint.failure("us-east", slot(0));

		post(Failures.batch(first, second));
		post(Failures.batch(first));

		await().atMost(Duration.ofSeconds(20)).until(() -> forwarded(endpoint).size() == 2);
		assertThat(forwarded(endpoint)).containsExactlyInAnyOrder(first.result(), second.result());
		assertThat(receiver.requests(ResultBatch.PATH))
			.allSatisfy((request) -> assertThat(request.header("Authorization")).isEqualTo("Bearer " + RECEIVER_TOKEN));
		await().atMost(Duration.ofSeconds(10)).until(() -> waiting(endpoint) == 0);
	}

	@Test
	void keepsTryingUntilReceiverServiceAcceptsAndLosesNothing() {
		TestEndpoint endpoint = TestEndpoint.create("Retried", "eu-west");
		receiver.answer(ResultBatch.PATH, 503, 503, 500);

		post(Failures.batch(endpoint.failure("eu-west", slot(0)), endpoint.failure("eu-west", slot(1))));

		await().atMost(Duration.ofSeconds(20)).until(() -> forwarded(endpoint).size() == 2);
		assertThat(receiver.requests(ResultBatch.PATH)
			.stream()
			.filter((request) -> request.body().contains(endpoint.id().toString()))
			.map(LocalReceiver.Request::answered)).startsWith(503, 503, 500).endsWith(200);
		await().atMost(Duration.ofSeconds(10)).until(() -> waiting(endpoint) == 0);
	}

	@ParameterizedTest(name = "{0}")
	@ValueSource(ints = { 400, 401, 404 })
	void setsAsideABatchReceiverServiceRefusesAndNeverSendsItAgain(int status, CapturedOutput output) {
		TestEndpoint endpoint = TestEndpoint.create("Refused " + status, "eu-west");
		receiver.answerBodiesContaining(ResultBatch.PATH, endpoint.id().toString(), status);
		double before = setAside(status);

		post(Failures.batch(endpoint.failure("eu-west", slot(0))));

		await().atMost(Duration.ofSeconds(20)).until(() -> setAsideRow(endpoint) != null);
		Map<String, Object> row = setAsideRow(endpoint);
		assertThat(row.get("last_status")).isEqualTo(status);
		assertThat((String) row.get("last_error"))
			.startsWith("receiver-service answered " + status + " for " + receiver.url(ResultBatch.PATH) + ": not now");
		this.forwarder.forwardDue();
		assertThat(sentFor(endpoint)).as("a refused batch is not sent again").isEqualTo(1);
		assertThat(waiting(endpoint)).as("nothing is dropped").isEqualTo(1);
		assertThat(setAside(status) - before).isGreaterThanOrEqualTo(1);
		assertThat(output).contains("failure-history: ",
				" refused, set aside in history_forwards: " + "receiver-service answered " + status);
	}

	private @Nullable Map<String, Object> setAsideRow(TestEndpoint endpoint) {
		return this.jdbc.sql("""
				SELECT h.last_status, h.last_error FROM history_forwards h
				JOIN failure_reports r ON r.id = h.failure_report_id
				WHERE r.endpoint_id = ? AND h.set_aside_at IS NOT NULL
				""").param(endpoint.id()).query().listOfRows().stream().findFirst().orElse(null);
	}

	private long sentFor(TestEndpoint endpoint) {
		return receiver.requests(ResultBatch.PATH)
			.stream()
			.filter((request) -> request.body().contains(endpoint.id().toString()))
			.count();
	}

	private double setAside(int status) {
		Counter counter = this.registry.find("pepper.delivery.set.aside")
			.tag("queue", "failure-history")
			.tag("status", Integer.toString(status))
			.counter();
		return (counter != null) ? counter.count() : 0;
	}

	/** The endpoint's checks receiver-service accepted. */
	private static List<CheckResult> forwarded(TestEndpoint endpoint) {
		return receiver.requests(ResultBatch.PATH)
			.stream()
			.filter((request) -> request.answered() / 100 == 2)
			.map((request) -> WireJson.mapper().readValue(request.body(), ResultBatch.class))
			.flatMap((batch) -> batch.results().stream())
			.filter((result) -> Objects.equals(result.endpointId(), endpoint.id()))
			.toList();
	}

	private int waiting(TestEndpoint endpoint) {
		return this.jdbc.sql("""
				SELECT count(*) FROM history_forwards h JOIN failure_reports r ON r.id = h.failure_report_id
				WHERE r.endpoint_id = ?
				""").param(endpoint.id()).query(Integer.class).single();
	}

}
