package io.pepper.failure.incident;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import io.pepper.contracts.v1.Degradation;
import io.pepper.contracts.v1.IncidentDetail;
import io.pepper.contracts.v1.IncidentView;
import io.pepper.contracts.v1.IncidentView.Kind;
import io.pepper.contracts.v1.IncidentView.State;
import io.pepper.contracts.v1.WireJson;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The incidents and their timelines. */
@Repository
class Incidents {

	private static final String COLUMNS = """
			id, endpoint_id, organization_id, endpoint_name, url, kind, state, flapping, reopenings, locations,
			reason, opened_at, resolved_at, recovered_at, acknowledged_at, acknowledged_by, last_reminded_at,
			degradation
			""";

	private final JdbcClient jdbc;

	Incidents(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	Optional<Incident> findOpen(UUID endpointId, Kind kind) {
		return this.jdbc
			.sql("SELECT " + COLUMNS
					+ " FROM incidents WHERE endpoint_id = :endpoint AND kind = :kind AND state = 'OPEN'")
			.param("endpoint", endpointId)
			.param("kind", kind.name())
			.query(Incidents::incident)
			.optional();
	}

	/**
	 * The incident of this kind that resolved last, if it resolved at or after
	 * {@code since}.
	 */
	Optional<Incident> findResolvedSince(UUID endpointId, Kind kind, Instant since) {
		return this.jdbc.sql("SELECT " + COLUMNS + """
				FROM incidents
				WHERE endpoint_id = :endpoint AND kind = :kind AND state = 'RESOLVED' AND resolved_at >= :since
				ORDER BY resolved_at DESC
				LIMIT 1
				""")
			.param("endpoint", endpointId)
			.param("kind", kind.name())
			.param("since", utc(since))
			.query(Incidents::incident)
			.optional();
	}

	Optional<Incident> find(UUID id, UUID organizationId) {
		return this.jdbc.sql("SELECT " + COLUMNS + " FROM incidents WHERE id = :id AND organization_id = :organization")
			.param("id", id)
			.param("organization", organizationId)
			.query(Incidents::incident)
			.optional();
	}

	/** Open incidents, for reminders and the resolution of settled flapping ones. */
	List<Incident> allOpen() {
		return this.jdbc.sql("SELECT " + COLUMNS + " FROM incidents WHERE state = 'OPEN' ORDER BY opened_at")
			.query(Incidents::incident)
			.list();
	}

	/** The endpoints with an open DOWN incident. */
	List<UUID> endpointsDown() {
		return this.jdbc.sql("SELECT endpoint_id FROM incidents WHERE state = 'OPEN' AND kind = 'DOWN'")
			.query(UUID.class)
			.list();
	}

	List<IncidentView> list(UUID organizationId, @Nullable State state, int limit) {
		return this.jdbc.sql("SELECT " + COLUMNS + """
				FROM incidents
				WHERE organization_id = :organization AND (CAST(:state AS text) IS NULL OR state = :state)
				ORDER BY opened_at DESC, id
				LIMIT :limit
				""")
			.param("organization", organizationId)
			.param("state", (state != null) ? state.name() : null)
			.param("limit", limit)
			.query(Incidents::incident)
			.list()
			.stream()
			.map(Incident::view)
			.toList();
	}

	List<IncidentDetail.Entry> timeline(UUID incidentId) {
		return this.jdbc.sql("SELECT at, type, detail FROM incident_events WHERE incident_id = :id ORDER BY seq")
			.param("id", incidentId)
			.query((rs, row) -> new IncidentDetail.Entry(instant(rs, "at"), rs.getString("type"),
					rs.getString("detail")))
			.list();
	}

	/**
	 * Stores the incident and the timeline entries it recorded since it was last saved.
	 */
	void save(Incident incident) {
		this.jdbc.sql("""
				INSERT INTO incidents (id, endpoint_id, organization_id, endpoint_name, url, kind, state, flapping,
				                       reopenings, locations, reason, opened_at, resolved_at, recovered_at,
				                       acknowledged_at, acknowledged_by, last_reminded_at)
				VALUES (:id, :endpointId, :organizationId, :endpointName, :url, :kind, :state, :flapping,
				        :reopenings, :locations, :reason, :openedAt, :resolvedAt, :recoveredAt,
				        :acknowledgedAt, :acknowledgedBy, :lastRemindedAt)
				ON CONFLICT (id) DO UPDATE SET
				    state = EXCLUDED.state, flapping = EXCLUDED.flapping, reopenings = EXCLUDED.reopenings,
				    locations = EXCLUDED.locations, reason = EXCLUDED.reason, resolved_at = EXCLUDED.resolved_at,
				    recovered_at = EXCLUDED.recovered_at, acknowledged_at = EXCLUDED.acknowledged_at,
				    acknowledged_by = EXCLUDED.acknowledged_by, last_reminded_at = EXCLUDED.last_reminded_at
				""")
			.param("id", incident.id())
			.param("endpointId", incident.endpointId())
			.param("organizationId", incident.organizationId())
			.param("endpointName", incident.endpointName())
			.param("url", incident.url())
			.param("kind", incident.kind().name())
			.param("state", incident.state().name())
			.param("flapping", incident.flapping())
			.param("reopenings", incident.reopenings())
			.param("locations", incident.locations().toArray(String[]::new))
			.param("reason", incident.reason())
			.param("openedAt", utc(incident.openedAt()))
			.param("resolvedAt", utc(incident.resolvedAt()))
			.param("recoveredAt", utc(incident.recoveredAt()))
			.param("acknowledgedAt", utc(incident.acknowledgedAt()))
			.param("acknowledgedBy", incident.acknowledgedBy())
			.param("lastRemindedAt", utc(incident.lastRemindedAt()))
			.update();
		if (incident.degradation() != null) {
			this.jdbc.sql("UPDATE incidents SET degradation = CAST(:degradation AS jsonb) WHERE id = :id")
				.param("id", incident.id())
				.param("degradation", WireJson.mapper().writeValueAsString(incident.degradation()))
				.update();
		}
		for (TimelineEntry entry : incident.takeRecorded()) {
			this.jdbc.sql("""
					INSERT INTO incident_events (id, incident_id, at, type, detail)
					VALUES (:id, :incident, :at, :type, :detail)
					""")
				.param("id", entry.id())
				.param("incident", incident.id())
				.param("at", utc(entry.at()))
				.param("type", entry.type())
				.param("detail", entry.detail())
				.update();
		}
	}

	private static Incident incident(ResultSet rs, int row) throws SQLException {
		Array locations = rs.getArray("locations");
		String degradation = rs.getString("degradation");
		return new Incident(rs.getObject("id", UUID.class), rs.getObject("endpoint_id", UUID.class),
				rs.getObject("organization_id", UUID.class), rs.getString("endpoint_name"), rs.getString("url"),
				Kind.valueOf(rs.getString("kind")), State.valueOf(rs.getString("state")), rs.getBoolean("flapping"),
				rs.getInt("reopenings"), Arrays.asList((String[]) locations.getArray()), rs.getString("reason"),
				instant(rs, "opened_at"), nullableInstant(rs, "resolved_at"), nullableInstant(rs, "recovered_at"),
				nullableInstant(rs, "acknowledged_at"), rs.getString("acknowledged_by"),
				nullableInstant(rs, "last_reminded_at"))
			.withDegradation(
					(degradation != null) ? WireJson.mapper().readValue(degradation, Degradation.class) : null);
	}

	static Instant instant(ResultSet rs, String column) throws SQLException {
		return rs.getObject(column, OffsetDateTime.class).toInstant();
	}

	static @Nullable Instant nullableInstant(ResultSet rs, String column) throws SQLException {
		OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
		return (value != null) ? value.toInstant() : null;
	}

	static @Nullable OffsetDateTime utc(@Nullable Instant instant) {
		return (instant != null) ? instant.atOffset(ZoneOffset.UTC) : null;
	}

}
