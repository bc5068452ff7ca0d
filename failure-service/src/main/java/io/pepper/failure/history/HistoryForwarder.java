package io.pepper.failure.history;

import java.net.URI;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;

import io.micrometer.core.instrument.MeterRegistry;
import io.pepper.contracts.v1.CheckResult;
import io.pepper.contracts.v1.ResultBatch;
import io.pepper.contracts.v1.WireJson;
import io.pepper.failure.FailureProperties;
import io.pepper.http.Answer;
import io.pepper.http.DeliveryMeter;
import io.pepper.http.ServiceClient;
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
 * The table-backed history forwarder: accepted failed checks go to receiver-service in
 * batches. Rows are queued with their reports, locked while a batch is sent, and deleted
 * once receiver-service accepted it. By the shared retry rule
 * ({@link io.pepper.http.Verdict}), a batch that got no answer, 408, 429 or a 5xx is
 * retried with backoff for as long as it takes; one receiver-service refused with any
 * other answer is set aside (kept in the table with {@code set_aside_at}, the status and
 * the reason, counted and logged) and not sent again. receiver-service keys a check by
 * endpoint, location and slot, so a batch sent twice (a crash between sending and
 * deleting) is stored once.
 */
@Component
public class HistoryForwarder {

	private static final Logger logger = LoggerFactory.getLogger(HistoryForwarder.class);

	static final int BATCH_SIZE = 500;

	private static final int MAX_ERROR = 2_000;

	private final JdbcClient jdbc;

	private final FailureProperties properties;

	private final TransactionTemplate transactions;

	private final ApplicationEventPublisher events;

	private final TaskScheduler scheduler;

	private final @Nullable ServiceClient receiver;

	private final DeliveryMeter meter;

	private final AtomicBoolean running = new AtomicBoolean();

	private final AtomicBoolean requested = new AtomicBoolean();

	HistoryForwarder(JdbcClient jdbc, FailureProperties properties, TransactionTemplate transactions,
			ApplicationEventPublisher events, TaskScheduler scheduler, MeterRegistry registry) {
		this.jdbc = jdbc;
		this.properties = properties;
		this.transactions = transactions;
		this.events = events;
		this.scheduler = scheduler;
		URI receiverUrl = properties.receiverUrl();
		this.receiver = (receiverUrl != null) ? ServiceClient.builder("receiver-service", receiverUrl)
			.token(properties.receiverToken())
			.connectTimeout(properties.httpTimeout())
			.readTimeout(properties.httpTimeout())
			.build() : null;
		this.meter = new DeliveryMeter(registry, "failure-history");
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
				WHERE h.next_attempt_at <= now() AND h.set_aside_at IS NULL
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
		ServiceClient target = Objects.requireNonNull(this.receiver);
		Answer answer = target.send(ResultBatch.PATH,
				new ResultBatch(UUID.randomUUID(), "failure-service", due.stream().map(Due::result).toList()));
		List<UUID> ids = due.stream().map(Due::id).toList();
		if (answer.delivered()) {
			this.jdbc.sql("DELETE FROM history_forwards WHERE failure_report_id IN (:ids)").param("ids", ids).update();
			this.meter.delivered(ids.size());
			logger.debug("Forwarded {} failed checks to history", ids.size());
			return due.size() == BATCH_SIZE;
		}
		String error = (answer.reason().length() > MAX_ERROR) ? answer.reason().substring(0, MAX_ERROR)
				: answer.reason();
		if (answer.setAside()) {
			this.jdbc.sql("""
					UPDATE history_forwards
					SET attempts = attempts + 1, last_error = :error, last_status = :status, set_aside_at = now()
					WHERE failure_report_id IN (:ids)
					""").param("error", error).param("status", answer.status()).param("ids", ids).update();
			this.meter.setAside(ids.size(), ids.size() + " failed checks", answer, "in history_forwards");
			// The rows behind these may go through: this refusal says nothing about them.
			return true;
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
		this.meter.retrying(ids.size() + " failed checks (attempt " + attempts + ")", answer);
		return false;
	}

	private record Due(UUID id, int attempts, CheckResult result) {

	}

}
