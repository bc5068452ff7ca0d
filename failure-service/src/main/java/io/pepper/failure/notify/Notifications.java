package io.pepper.failure.notify;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import io.pepper.contracts.v1.WireJson;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The outbox table; times come from the database clock so all instances agree. */
@Repository
class Notifications {

	private static final String COLUMNS = "id, organization_id, channel, recipient, state, attempts, message::text AS message ";

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
	 * Locks the oldest due row (pending, or held for a digest) until the current
	 * transaction ends; rows another dispatcher holds are skipped, so each is delivered
	 * by one of them.
	 */
	Optional<Row> lockNextDue() {
		return this.jdbc.sql("SELECT " + COLUMNS + """
				FROM notifications
				WHERE state IN ('PENDING', 'HELD') AND next_attempt_at <= now()
				ORDER BY next_attempt_at, created_at
				LIMIT 1
				FOR UPDATE SKIP LOCKED
				""").query(Notifications::row).optional();
	}

	/** Every row held for the same digest as {@code row}, oldest first, locked. */
	List<Row> lockHeldLike(Row row) {
		return this.jdbc.sql("SELECT " + COLUMNS + """
				FROM notifications
				WHERE state = 'HELD' AND organization_id = :organization AND channel = :channel
				  AND recipient = :recipient
				ORDER BY created_at, id
				FOR UPDATE SKIP LOCKED
				""")
			.param("organization", row.organizationId())
			.param("channel", row.channel())
			.param("recipient", row.recipient())
			.query(Notifications::row)
			.list();
	}

	/**
	 * How many other notifications to the row's target, made no more than {@code window}
	 * before the row (or after it), went out or are going out. The burst is judged by
	 * when the changes happened, not by when the dispatcher reaches the row, so a slow
	 * mail server does not hide a storm.
	 */
	int recentToSameTarget(Row row, Duration window) {
		return this.jdbc
			.sql("""
					SELECT count(*) FROM notifications
					WHERE organization_id = :organization AND channel = :channel AND recipient = :recipient
					  AND id <> :id
					  AND created_at > (SELECT created_at FROM notifications WHERE id = :id) - :windowMs * interval '1 millisecond'
					  AND (state <> 'PENDING' OR attempts > 0)
					""")
			.param("organization", row.organizationId())
			.param("channel", row.channel())
			.param("recipient", row.recipient())
			.param("id", row.id())
			.param("windowMs", window.toMillis())
			.query(Integer.class)
			.single();
	}

	void hold(UUID id, Duration window) {
		this.jdbc.sql("""
				UPDATE notifications SET state = 'HELD', next_attempt_at = now() + :windowMs * interval '1 millisecond'
				WHERE id = :id
				""").param("id", id).param("windowMs", window.toMillis()).update();
	}

	void markSent(List<UUID> ids, @Nullable UUID digestId) {
		this.jdbc.sql("""
				UPDATE notifications
				SET state = 'SENT', attempts = attempts + 1, sent_at = now(), last_error = NULL, digest_id = :digest
				WHERE id IN (:ids)
				""").param("ids", ids).param("digest", digestId).update();
	}

	void markForRetry(List<UUID> ids, int attempts, String error, Duration backoff) {
		this.jdbc.sql("""
				UPDATE notifications
				SET attempts = :attempts, last_error = :error,
				    next_attempt_at = now() + :backoffMs * interval '1 millisecond'
				WHERE id IN (:ids)
				""")
			.param("ids", ids)
			.param("attempts", attempts)
			.param("error", error)
			.param("backoffMs", backoff.toMillis())
			.update();
	}

	void markFailed(List<UUID> ids, int attempts, String error) {
		this.jdbc.sql("""
				UPDATE notifications SET state = 'FAILED', attempts = :attempts, last_error = :error
				WHERE id IN (:ids)
				""").param("ids", ids).param("attempts", attempts).param("error", error).update();
	}

	private static Row row(ResultSet rs, int row) throws SQLException {
		return new Row(rs.getObject("id", UUID.class), rs.getObject("organization_id", UUID.class),
				rs.getString("channel"), rs.getString("recipient"), rs.getString("state"), rs.getInt("attempts"),
				WireJson.mapper().readValue(rs.getString("message"), StateChange.class));
	}

	/**
	 * One outbox row.
	 *
	 * @param id the row
	 * @param organizationId whose
	 * @param channel the channel's name
	 * @param recipient the channel's target
	 * @param state PENDING, HELD, SENT or FAILED
	 * @param attempts failed deliveries so far
	 * @param change what it tells
	 */
	record Row(UUID id, UUID organizationId, String channel, String recipient, String state, int attempts,
			StateChange change) {

		boolean held() {
			return "HELD".equals(this.state);
		}

	}

}
