package io.pepper.probe.round;

import java.time.Duration;

import io.pepper.contracts.v1.CheckResult;
import io.pepper.contracts.v1.FailureBatch;
import io.pepper.contracts.v1.FailureReport;
import io.pepper.contracts.v1.ResultBatch;
import okhttp3.OkHttpClient;

/**
 * Sends successes to the receiver and failures to failure-service, off the rounds'
 * critical path: a check hands its result over and moves on, and a background sender per
 * service posts batches of up to {@value #BATCH_SIZE}, retrying with exponential backoff.
 * While a service is slow or down, results wait in a bounded buffer per service.
 */
public final class Delivery implements AutoCloseable {

	/** The most results or failures in one batch. */
	public static final int BATCH_SIZE = 1000;

	private final Outbox<CheckResult> results;

	private final Outbox<FailureReport> failures;

	public Delivery(OkHttpClient client, Target receiver, Target failureService, String probe, Settings settings) {
		this.results = new Outbox<>("receiver", client, receiver.baseUrl(), ResultBatch.PATH, receiver.token(),
				(id, chunk) -> new ResultBatch(id, probe, chunk), settings);
		this.failures = new Outbox<>("failure-service", client, failureService.baseUrl(), FailureBatch.PATH,
				failureService.token(), (id, chunk) -> new FailureBatch(id, probe, chunk), settings);
	}

	/** Queues a success for the receiver. */
	public void offer(CheckResult result) {
		this.results.offer(result);
	}

	/** Queues a failure for failure-service. */
	public void offer(FailureReport failure) {
		this.failures.offer(failure);
	}

	/**
	 * Sends everything waiting now and waits for it (at most {@code timeout}); true when
	 * everything offered so far reached its service.
	 */
	public boolean drain(Duration timeout) {
		long deadline = System.nanoTime() + timeout.toNanos();
		try {
			boolean results = this.results.drain(timeout);
			boolean failures = this.failures.drain(Duration.ofNanos(Math.max(0, deadline - System.nanoTime())));
			return results && failures;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return false;
		}
	}

	/** Where things stand, for the round's summary line and the metrics. */
	public State state() {
		return new State(this.results.buffered(), this.failures.buffered(), this.results.lost(), this.failures.lost());
	}

	Outbox<CheckResult> results() {
		return this.results;
	}

	Outbox<FailureReport> failures() {
		return this.failures;
	}

	@Override
	public void close() {
		this.results.close();
		this.failures.close();
	}

	/**
	 * Where a kind of batch goes.
	 *
	 * @param baseUrl the service's base URL
	 * @param token the bearer token it accepts
	 */
	public record Target(String baseUrl, String token) {
	}

	/**
	 * How batches are buffered and retried.
	 *
	 * @param bufferCapacity items held per service at most, waiting or being sent
	 * @param attempts how often a batch is sent before it is given up; 0 for as long as
	 * it takes (the daemon: the full buffer is the limit)
	 * @param backoff the wait before the first retry; it doubles after each
	 * @param maxBackoff the longest wait between retries
	 * @param linger how long a batch may wait to fill up before it is sent
	 */
	public record Settings(int bufferCapacity, int attempts, Duration backoff, Duration maxBackoff, Duration linger) {

	}

	/**
	 * @param resultsBuffered successes waiting or being sent
	 * @param failuresBuffered failures waiting or being sent
	 * @param resultsLost successes dropped, refused or given up on so far
	 * @param failuresLost failures dropped, refused or given up on so far
	 */
	public record State(int resultsBuffered, int failuresBuffered, long resultsLost, long failuresLost) {

	}

}
