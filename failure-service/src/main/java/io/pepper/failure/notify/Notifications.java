package io.pepper.failure.notify;

import java.net.URI;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.UUID;

import io.pepper.contracts.v1.OutcomeKind;
import io.pepper.contracts.v1.Phase;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The outbox table; times come from the database clock so all instances agree. */
@Repository
class Notifications {

	private final JdbcClient jdbc;

	Notifications(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void add(UUID failureReportId, String channel, String recipient) {
		this.jdbc.sql("""
				INSERT INTO notifications (id, failure_report_id, channel, recipient)
				VALUES (:id, :report, :channel, :recipient)
				""")
			.param("id", UUID.randomUUID())
			.param("report", failureReportId)
			.param("channel", channel)
			.param("recipient", recipient)
			.update();
	}

	/**
	 * Locks the oldest due notification until the current transaction ends; rows another
	 * dispatcher holds are skipped, so each is delivered by one of them.
	 */
	Optional<Notification> lockNextDue() {
		return this.jdbc.sql("""
				SELECT n.id, n.channel, n.recipient, n.attempts,
				       r.id AS report_id, r.endpoint_id, r.organization_id, r.endpoint_name, r.url, r.location,
				       r.scheduled_at, r.outcome, r.phase, r.reason, r.status
				FROM notifications n
				JOIN failure_reports r ON r.id = n.failure_report_id
				WHERE n.state = 'PENDING' AND n.next_attempt_at <= now()
				ORDER BY n.next_attempt_at, n.created_at
				LIMIT 1
				FOR UPDATE OF n SKIP LOCKED
				""").query(Notifications::notification).optional();
	}

	void markSent(UUID id) {
		this.jdbc.sql("""
				UPDATE notifications SET state = 'SENT', attempts = attempts + 1, sent_at = now(), last_error = NULL
				WHERE id = :id
				""").param("id", id).update();
	}

	void markForRetry(UUID id, int attempts, String error, Duration backoff) {
		this.jdbc.sql("""
				UPDATE notifications
				SET attempts = :attempts, last_error = :error,
				    next_attempt_at = now() + :backoffMs * interval '1 millisecond'
				WHERE id = :id
				""")
			.param("id", id)
			.param("attempts", attempts)
			.param("error", error)
			.param("backoffMs", backoff.toMillis())
			.update();
	}

	void markFailed(UUID id, int attempts, String error) {
		this.jdbc.sql("""
				UPDATE notifications SET state = 'FAILED', attempts = :attempts, last_error = :error
				WHERE id = :id
				""").param("id", id).param("attempts", attempts).param("error", error).update();
	}

	private static Notification notification(ResultSet rs, int row) throws SQLException {
		String phase = rs.getString("phase");
		ReportedFailure failure = new ReportedFailure(rs.getObject("report_id", UUID.class),
				rs.getObject("endpoint_id", UUID.class), rs.getObject("organization_id", UUID.class),
				rs.getString("endpoint_name"), URI.create(rs.getString("url")), rs.getString("location"),
				rs.getObject("scheduled_at", OffsetDateTime.class).toInstant(),
				OutcomeKind.valueOf(rs.getString("outcome")), (phase != null) ? Phase.valueOf(phase) : null,
				rs.getString("reason"), rs.getObject("status", Integer.class));
		return new Notification(rs.getObject("id", UUID.class), rs.getString("channel"), rs.getString("recipient"),
				rs.getInt("attempts"), failure);
	}

}
