package io.pepper.failure.history;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;

import io.pepper.contracts.v1.CheckResult;
import io.pepper.contracts.v1.ResultBatch;
import io.pepper.contracts.v1.WireJson;
import io.pepper.failure.FailureProperties;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.TaskScheduler;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Forwards accepted failed checks to receiver-service in batches: rows are queued with
 * their reports, locked while a batch is sent, deleted once receiver-service accepted it
 * and retried with backoff otherwise, for as long as it takes. receiver-service keys a
 * check by endpoint, location and slot, so a batch sent twice (a crash between sending
 * and deleting) is stored once.
 */
@Component
public class HistoryForwarder {

	private static final Logger logger = LoggerFactory.getLogger(HistoryForwarder.class);

	static final int BATCH_SIZE = 500;

	private final JdbcClient jdbc;

	private final FailureProperties properties;

	private final TransactionTemplate transactions;

	private final ApplicationEventPublisher events;

	private final TaskScheduler scheduler;

	private final HttpClient http;

	private final AtomicBoolean running = new AtomicBoolean();

	private final AtomicBoolean requested = new AtomicBoolean();

	HistoryForwarder(JdbcClient jdbc, FailureProperties properties, TransactionTemplate transactions,
			ApplicationEventPublisher events, TaskScheduler scheduler) {
		this.jdbc = jdbc;
		this.properties = properties;
		this.transactions = transactions;
		this.events = events;
		this.scheduler = scheduler;
		this.http = HttpClient.newBuilder()
			.connectTimeout(properties.httpTimeout())
			.followRedirects(HttpClient.Redirect.NEVER)
			.build();
	}

	/**
	 * Whether failed checks are forwarded at all ({@code pepper.failure.receiver-url}).
	 */
	public boolean enabled() {
		return this.properties.receiverUrl() != null;
	}

	/** Queues stored failure reports for history, in the caller's transaction. */
	@Transactional(propagation = Propagation.MANDATORY)
	public void enqueue(Collection<UUID> failureReportIds) {
		if (!enabled() || failureReportIds.isEmpty()) {
			return;
		}
		for (UUID id : failureReportIds) {
			this.jdbc.sql("INSERT INTO history_forwards (failure_report_id) VALUES (?) ON CONFLICT DO NOTHING")
				.param(id)
				.update();
		}
		this.events.publishEvent(new HistoryQueued());
	}

	@TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT)
	void onQueued(HistoryQueued event) {
		// Off the request thread: the probe's answer must not wait for receiver-service.
		this.scheduler.schedule(this::forwardDue, Instant.now());
	}

	/** Forwards what is due; concurrent calls coalesce into one more run. */
	public void forwardDue() {
		if (!enabled()) {
			return;
		}
		this.requested.set(true);
		while (this.requested.get() && this.running.compareAndSet(false, true)) {
			try {
				this.requested.set(false);
				while (Boolean.TRUE.equals(this.transactions.execute((status) -> forwardBatch()))) {
					// Full batches: more may be due.
				}
			}
			catch (RuntimeException ex) {
				logger.warn("Forwarding failed checks to history failed: {}", ex.toString());
			}
			finally {
				this.running.set(false);
			}
		}
	}

	/**
	 * Sends one batch of due rows; true when it was full and accepted (more may wait).
	 */
	private boolean forwardBatch() {
		List<Due> due = this.jdbc.sql("""
				SELECT h.failure_report_id, h.attempts, r.result::text AS result
				FROM history_forwards h JOIN failure_reports r ON r.id = h.failure_report_id
				WHERE h.next_attempt_at <= now()
				ORDER BY h.next_attempt_at, h.created_at
				LIMIT :limit
				FOR UPDATE OF h SKIP LOCKED
				""")
			.param("limit", BATCH_SIZE)
			.query((rs, row) -> new Due(rs.getObject("failure_report_id", UUID.class), rs.getInt("attempts"),
					WireJson.mapper().readValue(rs.getString("result"), CheckResult.class)))
			.list();
		if (due.isEmpty()) {
			return false;
		}
		String error = send(
				new ResultBatch(UUID.randomUUID(), "failure-service", due.stream().map(Due::result).toList()));
		List<UUID> ids = due.stream().map(Due::id).toList();
		if (error == null) {
			this.jdbc.sql("DELETE FROM history_forwards WHERE failure_report_id IN (:ids)").param("ids", ids).update();
			logger.debug("Forwarded {} failed checks to history", ids.size());
			return due.size() == BATCH_SIZE;
		}
		int attempts = due.stream().mapToInt(Due::attempts).max().orElse(0) + 1;
		this.jdbc.sql("""
				UPDATE history_forwards
				SET attempts = attempts + 1, last_error = :error,
				    next_attempt_at = now() + :backoffMs * interval '1 millisecond'
				WHERE failure_report_id IN (:ids)
				""")
			.param("error", error)
			.param("backoffMs", this.properties.retryBackoffAfter(attempts).toMillis())
			.param("ids", ids)
			.update();
		logger.warn("Cannot forward {} failed checks to history (attempt {}), will retry: {}", ids.size(), attempts,
				error);
		return false;
	}

	/** Posts the batch; null when receiver-service accepted it, else why not. */
	private @Nullable String send(ResultBatch batch) {
		URI uri = Objects.requireNonNull(this.properties.receiverUrl()).resolve(ResultBatch.PATH);
		HttpRequest request = HttpRequest.newBuilder(uri)
			.timeout(this.properties.httpTimeout())
			.header("Authorization", "Bearer " + this.properties.receiverToken())
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofByteArray(WireJson.mapper().writeValueAsBytes(batch)))
			.build();
		try {
			HttpResponse<String> response = this.http.send(request, HttpResponse.BodyHandlers.ofString());
			if (response.statusCode() / 100 == 2) {
				return null;
			}
			String body = response.body();
			return "receiver-service answered " + response.statusCode() + ": "
					+ ((body.length() > 500) ? body.substring(0, 500) : body);
		}
		catch (IOException ex) {
			return ex.toString();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return "interrupted";
		}
	}

	private record Due(UUID id, int attempts, CheckResult result) {

	}

}
