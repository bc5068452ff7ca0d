package io.pepper.failure.incident;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

import io.pepper.failure.notify.StateChange.Change;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Incidents whose trouble notification (down, down again, flapping, degraded) a
 * maintenance window held back, and which change is owed.
 */
@Repository
class Unannounced {

	private final JdbcClient jdbc;

	Unannounced(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Remembers that {@code change} of the incident was not told; the latest wins. */
	void hold(UUID incidentId, Change change, Instant at) {
		this.jdbc.sql("""
				INSERT INTO unannounced_incidents (incident_id, change, held_at) VALUES (:incident, :change, :at)
				ON CONFLICT (incident_id) DO UPDATE SET change = EXCLUDED.change, held_at = EXCLUDED.held_at
				""")
			.param("incident", incidentId)
			.param("change", change.name())
			.param("at", Incidents.utc(at))
			.update();
	}

	/** Forgets the incident's held change, returning it if there was one. */
	Optional<Change> release(UUID incidentId) {
		return this.jdbc.sql("DELETE FROM unannounced_incidents WHERE incident_id = :incident RETURNING change")
			.param("incident", incidentId)
			.query((rs, row) -> Change.valueOf(rs.getString(1)))
			.optional();
	}

	Optional<Change> find(UUID incidentId) {
		return this.jdbc.sql("SELECT change FROM unannounced_incidents WHERE incident_id = :incident")
			.param("incident", incidentId)
			.query((rs, row) -> Change.valueOf(rs.getString(1)))
			.optional();
	}

	/** Every open incident's owed change. */
	Map<UUID, Change> all() {
		return this.jdbc.sql("""
				SELECT u.incident_id, u.change FROM unannounced_incidents u
				JOIN incidents i ON i.id = u.incident_id WHERE i.state = 'OPEN'
				""")
			.query((rs, row) -> Map.entry(rs.getObject(1, UUID.class), Change.valueOf(rs.getString(2))))
			.list()
			.stream()
			.collect(Collectors.toUnmodifiableMap(Map.Entry::getKey, Map.Entry::getValue));
	}

}
