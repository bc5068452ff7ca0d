package io.pepper.failure.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import com.sun.net.httpserver.HttpServer;
import io.pepper.contracts.v1.ApdexClass;
import io.pepper.contracts.v1.CheckResult;
import io.pepper.contracts.v1.FailureReport;
import io.pepper.contracts.v1.NotificationChannelSpec;
import io.pepper.contracts.v1.Outcome;
import io.pepper.contracts.v1.OutcomeKind;
import io.pepper.contracts.v1.Phase;
import io.pepper.contracts.v1.PhaseTimings;
import io.pepper.failure.Failures;
import io.pepper.failure.IncidentTestBase;
import io.pepper.failure.TestEndpoint;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import static io.pepper.failure.TestEndpoint.policy;
import static org.awaitility.Awaitility.await;

/**
 * Alert latency: from the first failing check of a target to the email in the SMTP server
 * (GreenMail), beside the minimum the policy allows, (N - 1) probe intervals (the N-th
 * failure in a row comes that long after the first; all locations check in the same
 * slot). The benchmark plays the probes: every interval, each location really checks a
 * local target that answers 500 and posts its failure batch to failure-service over HTTP.
 * Prints p50/p95 of the latency and of its overhead over the minimum. Measures, asserts
 * nothing about time.
 */
@Tag("benchmark")
class AlertLatencyBenchmark extends IncidentTestBase {

	private static final List<String> LOCATIONS = List.of("eu-west", "us-east", "ap-south");

	private static final int QUORUM = 2;

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

	private HttpServer target;

	@BeforeEach
	void startTarget() throws IOException {
		this.target = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		this.target.createContext("/broken", (exchange) -> {
			byte[] body = "down".getBytes();
			exchange.sendResponseHeaders(500, body.length);
			exchange.getResponseBody().write(body);
			exchange.close();
		});
		this.target.start();
	}

	@AfterEach
	void stopTarget() {
		this.target.stop(0);
	}

	@Test
	void measuresAlertLatency() throws Exception {
		int runs = Integer.getInteger("bench.runs", 10);
		List<String> report = new ArrayList<>();
		report.add("Alert latency: first failing check -> email in the SMTP server (GreenMail), policy k = " + QUORUM
				+ " of n = " + LOCATIONS.size() + " locations; each run a fresh endpoint.");
		report.add(String.format(java.util.Locale.ROOT, "%d cores, load average at the start %.2f.",
				Runtime.getRuntime().availableProcessors(),
				java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage()));
		report.add(measure(2, Duration.ofMillis(Long.getLong("bench.interval-ms", 1000)), runs));
		report.add(measure(3, Duration.ofMillis(2 * Long.getLong("bench.interval-ms", 1000)), Math.max(3, runs / 2)));
		String text = String.join("\n", report) + "\n";
		System.out.print(text);
		Files.writeString(Path.of("target", "alert-latency-benchmark.txt"), text);
	}

	/** Runs {@code runs} outages with N = {@code failures} at one probe interval. */
	private String measure(int failures, Duration interval, int runs) throws Exception {
		List<Long> latencies = new ArrayList<>();
		List<Long> deliveries = new ArrayList<>();
		for (int run = 0; run < runs; run++) {
			Outage outage = outage(failures, interval);
			latencies.add(outage.latencyMillis());
			deliveries.add(outage.deliveryMillis());
		}
		long minimum = (failures - 1) * interval.toMillis();
		List<Long> overheads = latencies.stream().map((latency) -> latency - minimum).toList();
		return String.format(Locale.ROOT, """

				N = %d failures in a row, probe interval %d ms, %d runs
				  minimum the policy allows, (N-1) x interval: %6d ms
				  measured latency:        p50 %6d ms   p95 %6d ms   max %6d ms
				  overhead over minimum:   p50 %6d ms   p95 %6d ms   (p50 %.1f %% of the minimum)
				  of which confirming check answered -> email received: p50 %d ms, p95 %d ms""", failures,
				interval.toMillis(), runs, minimum, percentile(latencies, 50), percentile(latencies, 95),
				percentile(latencies, 100), percentile(overheads, 50), percentile(overheads, 95),
				100.0 * percentile(overheads, 50) / Math.max(1, minimum), percentile(deliveries, 50),
				percentile(deliveries, 95));
	}

	/** One outage: probe rounds every interval until the email arrives. */
	private Outage outage(int failures, Duration interval) throws Exception {
		TestEndpoint endpoint = TestEndpoint.create("Bench " + UUID.randomUUID().toString().substring(0, 8),
				LOCATIONS.toArray(String[]::new));
		NotificationChannelSpec.Email email = emailChannel(endpoint);
		this.alerting.add(endpoint.alerting(policy(failures, QUORUM, 1, null, email.id())), email);
		String address = email.addresses().getFirst();
		URI url = URI.create("http://127.0.0.1:" + this.target.getAddress().getPort() + "/broken");
		AtomicLong firstCheck = new AtomicLong();
		AtomicLong lastAnswer = new AtomicLong();
		AtomicInteger round = new AtomicInteger();
		Instant firstSlot = this.clock.instant();
		try (ScheduledExecutorService probes = Executors.newScheduledThreadPool(1)) {
			probes.scheduleAtFixedRate(() -> {
				int number = round.getAndIncrement();
				if (number >= failures + 2) {
					return;
				}
				Instant slot = firstSlot.plus(interval.multipliedBy(number));
				try (var checks = Executors.newVirtualThreadPerTaskExecutor()) {
					for (String location : LOCATIONS) {
						checks.submit(() -> {
							long started = System.nanoTime();
							firstCheck.compareAndSet(0, started);
							FailureReport report = check(endpoint, url, location, slot);
							this.api.postFailures(Failures.batch(report));
							if (number == failures - 1) {
								lastAnswer.accumulateAndGet(System.nanoTime(), Math::max);
							}
						});
					}
				}
			}, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
			await().atMost(Duration.ofSeconds(60))
				.pollDelay(Duration.ZERO)
				.pollInterval(Duration.ofMillis(2))
				.until(() -> !mailsTo(address).isEmpty());
			long received = System.nanoTime();
			probes.shutdownNow();
			return new Outage(TimeUnit.NANOSECONDS.toMillis(received - firstCheck.get()),
					TimeUnit.NANOSECONDS.toMillis(received - lastAnswer.get()));
		}
	}

	/** A real check of the target, reported as a probe would. */
	private FailureReport check(TestEndpoint endpoint, URI url, String location, Instant slot) {
		Instant started = Instant.now();
		long begin = System.nanoTime();
		int status;
		try {
			status = this.http
				.send(HttpRequest.newBuilder(url).timeout(Duration.ofSeconds(2)).build(),
						HttpResponse.BodyHandlers.discarding())
				.statusCode();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
		double total = (System.nanoTime() - begin) / 1e6;
		CheckResult result = new CheckResult(endpoint.id(), endpoint.organizationId(), location, slot, started,
				new PhaseTimings(0.0, total / 2, null, total, total), status, 4, null,
				Outcome.failed(OutcomeKind.UNEXPECTED_STATUS, Phase.FIRST_BYTE, "expected 200-299 but got " + status),
				300, ApdexClass.FRUSTRATED);
		return new FailureReport(endpoint.name(), URI.create(endpoint.url()), result);
	}

	private static long percentile(List<Long> values, int percent) {
		List<Long> sorted = values.stream().sorted().toList();
		int rank = (int) Math.ceil(percent / 100.0 * sorted.size());
		return sorted.get(Math.max(0, rank - 1));
	}

	/**
	 * @param latencyMillis first failing check started -> email received
	 * @param deliveryMillis the confirming round's last answer -> email received
	 */
	private record Outage(long latencyMillis, long deliveryMillis) {

	}

}
