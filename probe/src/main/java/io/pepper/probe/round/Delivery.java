package io.pepper.probe.round;

import java.net.URI;
import java.time.Duration;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.composite.CompositeMeterRegistry;
import io.pepper.contracts.v1.CheckResult;
import io.pepper.contracts.v1.FailureBatch;
import io.pepper.contracts.v1.FailureReport;
import io.pepper.contracts.v1.ResultBatch;
import io.pepper.http.DeliveryMeter;
import io.pepper.http.ServiceClient;

/**
 * Sends successes to the receiver and failures to failure-service, off the rounds'
 * critical path: a check hands its result over and moves on, and a background sender per
 * service posts batches of up to {@value #BATCH_SIZE}, retrying with exponential backoff.
 * While a service is slow or down, results wait in a bounded buffer per service
 * ({@link BoundedSender}).
 */
public final class Delivery implements AutoCloseable {

	/** The most results or failures in one batch. */
	public static final int BATCH_SIZE = 1000;

	/** How long connecting to one of our services may take. */
	static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);

	/** How long one of our services may take to answer. */
	static final Duration READ_TIMEOUT = Duration.ofSeconds(60);

	private final BoundedSender<CheckResult> results;

	private final BoundedSender<FailureReport> failures;

	/** Delivery whose meters go nowhere. */
	public Delivery(Target receiver, Target failureService, String probe, Settings settings) {
		this(receiver, failureService, probe, settings, new CompositeMeterRegistry());
	}

	public Delivery(Target receiver, Target failureService, String probe, Settings settings, MeterRegistry registry) {
		this.results = new BoundedSender<>(receiver.client("receiver"), ResultBatch.PATH,
				(id, chunk) -> new ResultBatch(id, probe, chunk), settings,
				new DeliveryMeter(registry, "probe-results"));
		this.failures = new BoundedSender<>(failureService.client("failure-service"), FailureBatch.PATH,
				(id, chunk) -> new FailureBatch(id, probe, chunk), settings,
				new DeliveryMeter(registry, "probe-failures"));
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

	BoundedSender<CheckResult> results() {
		return this.results;
	}

	BoundedSender<FailureReport> failures() {
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

		/** A client of the service with the probe's timeouts. */
		ServiceClient client(String service) {
			return ServiceClient.builder(service, URI.create(this.baseUrl))
				.token(this.token)
				.connectTimeout(CONNECT_TIMEOUT)
				.readTimeout(READ_TIMEOUT)
				.build();
		}

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
