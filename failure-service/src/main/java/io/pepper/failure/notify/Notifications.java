package io.pepper.failure.notify;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;

import io.pepper.contracts.v1.WireJson;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The outbox table; times come from the database clock so all instances agree. */
@Repository
class Notifications {

	private final JdbcClient jdbc;

	Notifications(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Adds a notification unless its target has one for this state change already. */
	int add(UUID eventId, StateChange change, Target target) {
		return this.jdbc.sql("""
				INSERT INTO notifications (id, event_id, incident_id, organization_id, channel, recipient, message)
				VALUES (:id, :eventId, :incidentId, :organizationId, :channel, :recipient, CAST(:message AS jsonb))
				ON CONFLICT ON CONSTRAINT notifications_once_per_change DO NOTHING
				""")
			.param("id", UUID.randomUUID())
			.param("eventId", eventId)
			.param("incidentId", change.incidentId())
			.param("organizationId", change.organizationId())
			.param("channel", target.channel())
			.param("recipient", target.recipient())
			.param("message", WireJson.mapper().writeValueAsString(change))
			.update();
	}

	/**
	 * Locks the oldest due notification until the current transaction ends; rows another
	 * dispatcher holds are skipped, so each is delivered by one of them.
	 */
	Optional<Notification> lockNextDue() {
		return this.jdbc.sql("""
				SELECT id, channel, recipient, attempts, message::text AS message
				FROM notifications
				WHERE state = 'PENDING' AND next_attempt_at <= now()
				ORDER BY next_attempt_at, created_at
				LIMIT 1
				FOR UPDATE SKIP LOCKED
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

	static StateChange change(String json) {
		return WireJson.mapper().readValue(json, StateChange.class);
	}

	private static Notification notification(ResultSet rs, int row) throws SQLException {
		return new Notification(rs.getObject("id", UUID.class), rs.getString("channel"), rs.getString("recipient"),
				rs.getInt("attempts"), change(rs.getString("message")));
	}

}
