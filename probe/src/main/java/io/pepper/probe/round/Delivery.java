package io.pepper.probe.round;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import io.pepper.contracts.v1.CheckResult;
import io.pepper.contracts.v1.FailureBatch;
import io.pepper.contracts.v1.FailureReport;
import io.pepper.contracts.v1.ResultBatch;
import io.pepper.contracts.v1.WireJson;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends successes to the receiver and failures to failure-service in batches, retrying a
 * batch a few times with exponential backoff. A retried batch keeps its id, so the
 * receiving side can recognise a replay.
 */
public final class Delivery {

	/** The most results or failures in one batch. */
	public static final int BATCH_SIZE = 1000;

	private static final Logger log = LoggerFactory.getLogger(Delivery.class);

	private static final MediaType JSON = MediaType.get("application/json");

	private final OkHttpClient client;

	private final Target receiver;

	private final Target failures;

	private final String probe;

	private final int attempts;

	private final Duration backoff;

	public Delivery(OkHttpClient client, Target receiver, Target failures, String probe, int attempts,
			Duration backoff) {
		this.client = client;
		this.receiver = receiver;
		this.failures = failures;
		this.probe = probe;
		this.attempts = attempts;
		this.backoff = backoff;
	}

	/** Sends the successes; true when every batch was accepted. */
	public boolean deliverResults(List<CheckResult> results) {
		boolean all = true;
		for (List<CheckResult> chunk : chunks(results)) {
			all &= post(this.receiver, ResultBatch.PATH, new ResultBatch(UUID.randomUUID(), this.probe, chunk));
		}
		return all;
	}

	/** Sends the failures; true when every batch was accepted. */
	public boolean deliverFailures(List<FailureReport> reports) {
		boolean all = true;
		for (List<FailureReport> chunk : chunks(reports)) {
			all &= post(this.failures, FailureBatch.PATH, new FailureBatch(UUID.randomUUID(), this.probe, chunk));
		}
		return all;
	}

	private boolean post(Target target, String path, Object batch) {
		HttpUrl url = HttpUrl.get(EndpointListClient.stripSlash(target.baseUrl()) + path);
		byte[] json = WireJson.mapper().writeValueAsBytes(batch);
		Duration wait = this.backoff;
		for (int attempt = 1; attempt <= this.attempts; attempt++) {
			Request request = new Request.Builder().url(url)
				.header("Authorization", "Bearer " + target.token())
				.post(RequestBody.create(json, JSON))
				.build();
			String problem;
			try (Response response = this.client.newCall(request).execute()) {
				if (response.isSuccessful()) {
					return true;
				}
				problem = "answered " + response.code();
				if (!retryable(response.code())) {
					log.warn("{} refused a batch ({}): {}", url, problem, response.body().string());
					return false;
				}
			}
			catch (IOException ex) {
				problem = ex.toString();
			}
			if (attempt == this.attempts) {
				log.warn("{} {}; giving up on the batch after {} attempts", url, problem, attempt);
				return false;
			}
			log.info("{} {}; retrying in {} ms", url, problem, wait.toMillis());
			try {
				Thread.sleep(wait);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return false;
			}
			wait = wait.multipliedBy(2);
		}
		return false;
	}

	private static boolean retryable(int status) {
		return status >= 500 || status == 408 || status == 429;
	}

	private static <T> List<List<T>> chunks(List<T> items) {
		List<List<T>> chunks = new ArrayList<>();
		for (int from = 0; from < items.size(); from += BATCH_SIZE) {
			chunks.add(items.subList(from, Math.min(items.size(), from + BATCH_SIZE)));
		}
		return chunks;
	}

	/**
	 * Where a kind of batch goes.
	 *
	 * @param baseUrl the service's base URL
	 * @param token the bearer token it accepts
	 */
	public record Target(String baseUrl, String token) {
	}

}
