package io.pepper.probe.round;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import io.pepper.contracts.v1.CheckResult;
import io.pepper.contracts.v1.EndpointSpec;
import io.pepper.contracts.v1.FailureReport;
import io.pepper.contracts.v1.ProbeEndpointList;
import io.pepper.probe.check.HttpChecker;
import io.pepper.probe.round.EndpointListClient.Fetched;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One round: fetch the endpoint list, check every endpoint on virtual threads (at most
 * {@code maxConcurrency} at once, shared by overlapping rounds), then deliver successes
 * and failures.
 */
public final class ProbeRound {

	private static final Logger log = LoggerFactory.getLogger(ProbeRound.class);

	private final EndpointListClient endpointLists;

	private final HttpChecker checker;

	private final Delivery delivery;

	private final String location;

	private final Semaphore permits;

	public ProbeRound(EndpointListClient endpointLists, HttpChecker checker, Delivery delivery, String location,
			int maxConcurrency) {
		this.endpointLists = endpointLists;
		this.checker = checker;
		this.delivery = delivery;
		this.location = location;
		this.permits = new Semaphore(maxConcurrency);
	}

	public RoundReport run(Instant slot) {
		long start = System.nanoTime();
		Fetched fetched = this.endpointLists.fetch();
		ProbeEndpointList list = fetched.list();
		if (list == null) {
			RoundReport report = new RoundReport(slot, fetched.status(), 0, 0, 0, false, elapsedMs(start));
			log.warn("round {}: endpoint list unavailable ({}), nothing checked, {} ms", slot, fetched.detail(),
					report.durationMs());
			return report;
		}
		List<CheckResult> results = checkAll(list.endpoints(), slot);
		List<CheckResult> up = new ArrayList<>();
		List<FailureReport> failures = new ArrayList<>();
		for (int i = 0; i < results.size(); i++) {
			CheckResult result = results.get(i);
			EndpointSpec spec = list.endpoints().get(i);
			if (result.outcome().isUp()) {
				up.add(result);
			}
			else {
				failures.add(new FailureReport(spec.name(), spec.url(), result));
			}
		}
		boolean resultsDelivered = this.delivery.deliverResults(up);
		boolean failuresDelivered = this.delivery.deliverFailures(failures);
		RoundReport report = new RoundReport(slot, fetched.status(), results.size(), up.size(), failures.size(),
				resultsDelivered && failuresDelivered, elapsedMs(start));
		log.info("round {}: {} endpoints ({} list), {} up, {} failed, {} ms, delivery {}", slot, report.endpoints(),
				report.list().name().toLowerCase(Locale.ROOT), report.up(), report.failed(), report.durationMs(),
				deliveryStatus(resultsDelivered, failuresDelivered));
		return report;
	}

	private List<CheckResult> checkAll(List<EndpointSpec> endpoints, Instant slot) {
		List<Future<CheckResult>> futures = new ArrayList<>(endpoints.size());
		try (ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor()) {
			for (EndpointSpec spec : endpoints) {
				futures.add(executor.submit(() -> checkWithPermit(spec, slot)));
			}
		}
		List<CheckResult> results = new ArrayList<>(futures.size());
		for (Future<CheckResult> future : futures) {
			try {
				results.add(future.get());
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException("interrupted while collecting check results", ex);
			}
			catch (ExecutionException ex) {
				throw new IllegalStateException("a check threw, which it must never do", ex.getCause());
			}
		}
		return results;
	}

	private CheckResult checkWithPermit(EndpointSpec spec, Instant slot) throws InterruptedException {
		this.permits.acquire();
		try {
			return this.checker.check(spec, this.location, slot);
		}
		finally {
			this.permits.release();
		}
	}

	private static String deliveryStatus(boolean results, boolean failures) {
		if (results && failures) {
			return "ok";
		}
		if (!results && !failures) {
			return "FAILED for results and failures";
		}
		return results ? "FAILED for failures" : "FAILED for results";
	}

	private static long elapsedMs(long start) {
		return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
	}

}
