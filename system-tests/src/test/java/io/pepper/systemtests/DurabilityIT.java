package io.pepper.systemtests;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import io.pepper.contracts.v1.ApdexClass;
import io.pepper.contracts.v1.CheckResult;
import io.pepper.contracts.v1.HistoryPoint;
import io.pepper.contracts.v1.Outcome;
import io.pepper.contracts.v1.PhaseTimings;
import io.pepper.contracts.v1.ResultBatch;
import io.pepper.contracts.v1.WireJson;
import io.pepper.testsupport.ServiceProcess;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Nothing acknowledged is lost, from the outside: while results are posted as a probe
 * posts them (a refused or unanswered batch is sent again, same id), receiver-service is
 * killed with SIGKILL and restarted, its Redis (append-only file on) is killed and
 * restarted, and its InfluxDB is stopped for 30 s. Every result answered 201 must then be
 * counted exactly once by the history API, in raw data and in the hourly and daily
 * rollups. Redis and InfluxDB are the test's own, on free ports.
 */
class DurabilityIT {

	private static final Duration START_TIMEOUT = Duration.ofSeconds(300);

	private static final Duration INFLUX_OUTAGE = Duration.ofSeconds(30);

	private static final int ENDPOINTS = 10;

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

	private final String ingestToken = Tokens.random();

	private final String queryToken = Tokens.random();

	private final List<UUID> endpoints = new ArrayList<>();

	private final UUID organization = UUID.randomUUID();

	private final Map<UUID, AtomicInteger> acknowledged = new ConcurrentHashMap<>();

	private final AtomicInteger batchesRetried = new AtomicInteger();

	private final AtomicLong lastSlot = new AtomicLong();

	private final AtomicBoolean posting = new AtomicBoolean(true);

	private LocalDaemon redis;

	private LocalDaemon influx;

	private ServiceProcess receiver;

	@Test
	void countsEveryAcknowledgedResultOnceThroughCrashesAndOutages() throws Exception {
		this.redis = LocalDaemon.redis();
		this.influx = LocalDaemon.influx();
		for (int i = 0; i < ENDPOINTS; i++) {
			this.endpoints.add(UUID.randomUUID());
			this.acknowledged.put(this.endpoints.getLast(), new AtomicInteger());
		}
		int port = ServiceProcess.freePort();
		List<String> args = ServiceArgs.receiver("127.0.0.1", this.redis.port(), "pepper:", influxUrl(), "durability",
				List.of(this.ingestToken), this.queryToken);
		// The restarted instance is a new consumer: it claims what the killed one held.
		args.addAll(List.of("--pepper.receiver.queue.claim-idle=5s", "--pepper.receiver.queue.housekeeping-interval=1s",
				"--pepper.receiver.trend.enabled=false"));
		this.receiver = ServiceProcess.start("receiver-service", port, args);
		this.receiver.awaitHealthy(START_TIMEOUT);
		Instant first = Instant.now().truncatedTo(ChronoUnit.MILLIS);
		this.lastSlot.set(first.toEpochMilli());
		Thread probe = Thread.ofVirtual().name("durability-probe").start(this::postUntilStopped);

		awaitMoreAcknowledged(200);
		this.receiver.kill();
		this.receiver.restart();
		this.receiver.awaitHealthy(START_TIMEOUT);
		awaitMoreAcknowledged(200);

		this.redis.kill();
		this.redis.start();
		awaitMoreAcknowledged(200);

		this.influx.stop();
		long during = total();
		Thread.sleep(INFLUX_OUTAGE);
		assertThat(total()).as("results are still acknowledged while InfluxDB is away").isGreaterThan(during);
		this.influx.start();
		awaitMoreAcknowledged(200);

		this.posting.set(false);
		probe.join(Duration.ofSeconds(120));
		assertThat(probe.isAlive()).as("the last batch was acknowledged").isFalse();
		Instant last = Instant.ofEpochMilli(this.lastSlot.get());

		Instant hourFrom = first.truncatedTo(ChronoUnit.HOURS);
		Instant hourTo = last.truncatedTo(ChronoUnit.HOURS).plus(Duration.ofHours(1));
		Instant dayFrom = first.truncatedTo(ChronoUnit.DAYS);
		Instant dayTo = last.truncatedTo(ChronoUnit.DAYS).plus(Duration.ofDays(1));
		Map<String, Long> expected = new LinkedHashMap<>();
		this.acknowledged.forEach((endpoint, count) -> expected.put(endpoint.toString(), (long) count.get()));
		System.out.println("Acknowledged " + total() + " results; " + this.batchesRetried.get()
				+ " batches sent again after a refusal or no answer");
		await("every acknowledged result in history, once").atMost(Duration.ofSeconds(180))
			.pollInterval(Duration.ofSeconds(2))
			.untilAsserted(() -> {
				assertThat(counts(hourFrom, hourTo, "raw")).as("raw").isEqualTo(expected);
				assertThat(counts(hourFrom, hourTo, "hourly")).as("hourly").isEqualTo(expected);
				assertThat(counts(dayFrom, dayTo, "daily")).as("daily").isEqualTo(expected);
			});
	}

	/** Checks per endpoint the history API counts from {@code from} to {@code to}. */
	private Map<String, Long> counts(Instant from, Instant to, String resolution) throws Exception {
		Map<String, Long> counts = new LinkedHashMap<>();
		for (UUID endpoint : this.endpoints) {
			long checks = History
				.series(this.receiver, this.queryToken, endpoint.toString(), from, to, Duration.between(from, to),
						resolution)
				.points()
				.stream()
				.mapToLong(HistoryPoint::checks)
				.sum();
			counts.put(endpoint.toString(), checks);
		}
		return counts;
	}

	/**
	 * Plays a probe: a batch with one result per endpoint every 100 ms, each in a slot of
	 * its own; a batch not answered 201 is sent again, same id, until it is.
	 */
	private void postUntilStopped() {
		while (this.posting.get()) {
			List<CheckResult> results = new ArrayList<>();
			for (UUID endpoint : this.endpoints) {
				results.add(result(endpoint, Instant.ofEpochMilli(this.lastSlot.incrementAndGet())));
			}
			ResultBatch batch = new ResultBatch(UUID.randomUUID(), "durability-probe", results);
			byte[] body = WireJson.mapper().writeValueAsBytes(batch);
			while (!accepted(body)) {
				this.batchesRetried.incrementAndGet();
				pause(Duration.ofMillis(200));
			}
			results.forEach((result) -> this.acknowledged.get(result.endpointId()).incrementAndGet());
			pause(Duration.ofMillis(100));
		}
	}

	private boolean accepted(byte[] body) {
		HttpRequest request = HttpRequest.newBuilder(URI.create(this.receiver.url() + ResultBatch.PATH))
			.header("Authorization", "Bearer " + this.ingestToken)
			.header("Content-Type", "application/json")
			.timeout(Duration.ofSeconds(10))
			.POST(HttpRequest.BodyPublishers.ofByteArray(body))
			.build();
		try {
			return this.http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 201;
		}
		catch (IOException ex) {
			return false;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private CheckResult result(UUID endpoint, Instant slot) {
		return new CheckResult(endpoint, this.organization, "durability", slot, slot.plusMillis(5),
				new PhaseTimings(1.0, 2.0, null, 20.0, 25.0), 200, 512, null, Outcome.up(), 500, ApdexClass.SATISFIED);
	}

	private void awaitMoreAcknowledged(int more) {
		long target = total() + more;
		await("another " + more + " results acknowledged").atMost(START_TIMEOUT)
			.pollInterval(Duration.ofMillis(200))
			.until(() -> total() >= target);
	}

	private long total() {
		return this.acknowledged.values().stream().mapToLong(AtomicInteger::get).sum();
	}

	private String influxUrl() {
		return "http://127.0.0.1:" + this.influx.port();
	}

	private static void pause(Duration duration) {
		try {
			Thread.sleep(duration);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	@AfterEach
	void stop() throws Exception {
		this.posting.set(false);
		if (this.receiver != null) {
			this.receiver.close();
			System.out.println(this.receiver.tail());
		}
		if (this.influx != null) {
			this.influx.close();
		}
		if (this.redis != null) {
			this.redis.close();
		}
	}

}
