package io.pepper.failure.incident;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Per endpoint: a row locked while its state changes, and the current run of checks per
 * location.
 */
@Repository
class EndpointStates {

	private final JdbcClient jdbc;

	EndpointStates(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Creates the endpoint's row if it is new, updates its name and URL, and locks it
	 * until the transaction ends.
	 */
	void lock(UUID endpointId, UUID organizationId, String name, @Nullable String url) {
		this.jdbc.sql("""
				INSERT INTO endpoints (endpoint_id, organization_id, name, url)
				VALUES (:endpoint, :organization, :name, :url)
				ON CONFLICT (endpoint_id) DO UPDATE
				SET name = EXCLUDED.name, url = COALESCE(EXCLUDED.url, endpoints.url), updated_at = now()
				""")
			.param("endpoint", endpointId)
			.param("organization", organizationId)
			.param("name", name)
			.param("url", url)
			.update();
	}

	/** Locks the row of an endpoint already known; empty when it is not. */
	Optional<Known> lockIfKnown(UUID endpointId) {
		return this.jdbc
			.sql("SELECT organization_id, name, url FROM endpoints WHERE endpoint_id = :endpoint FOR UPDATE")
			.param("endpoint", endpointId)
			.query((rs, row) -> new Known(rs.getObject("organization_id", UUID.class), rs.getString("name"),
					rs.getString("url")))
			.optional();
	}

	/** The endpoint's name and URL as last reported, when known. */
	Optional<Known> find(UUID endpointId) {
		return this.jdbc.sql("SELECT organization_id, name, url FROM endpoints WHERE endpoint_id = :endpoint")
			.param("endpoint", endpointId)
			.query((rs, row) -> new Known(rs.getObject("organization_id", UUID.class), rs.getString("name"),
					rs.getString("url")))
			.optional();
	}

	Map<String, Streak> streaks(UUID endpointId) {
		Map<String, Streak> streaks = new LinkedHashMap<>();
		this.jdbc.sql("""
				SELECT location, failures, successes, last_scheduled_at, last_reason
				FROM location_streaks WHERE endpoint_id = :endpoint ORDER BY location
				""")
			.param("endpoint", endpointId)
			.query((rs, row) -> new Streak(rs.getString("location"), rs.getInt("failures"), rs.getInt("successes"),
					Incidents.instant(rs, "last_scheduled_at"), rs.getString("last_reason")))
			.list()
			.forEach((streak) -> streaks.put(streak.location(), streak));
		return streaks;
	}

	void save(UUID endpointId, Streak streak) {
		this.jdbc
			.sql("""
					INSERT INTO location_streaks (endpoint_id, location, failures, successes, last_scheduled_at, last_reason)
					VALUES (:endpoint, :location, :failures, :successes, :last, :reason)
					ON CONFLICT (endpoint_id, location) DO UPDATE
					SET failures = EXCLUDED.failures, successes = EXCLUDED.successes,
					    last_scheduled_at = EXCLUDED.last_scheduled_at, last_reason = EXCLUDED.last_reason
					""")
			.param("endpoint", endpointId)
			.param("location", streak.location())
			.param("failures", streak.failures())
			.param("successes", streak.successes())
			.param("last", Incidents.utc(streak.lastScheduledAt()))
			.param("reason", streak.lastReason())
			.update();
	}

	/**
	 * Endpoints with a run of failures still going (checked at or after {@code since})
	 * but not confirmed yet: their successes are needed to end those runs.
	 */
	List<UUID> failingSince(Instant since) {
		return this.jdbc.sql("""
				SELECT DISTINCT endpoint_id FROM location_streaks WHERE failures > 0 AND last_scheduled_at >= :since
				""").param("since", Incidents.utc(since)).query(UUID.class).list();
	}

	/** Remembers a trend event; false when it was seen before. */
	boolean rememberTrendEvent(UUID eventId, UUID endpointId, String kind) {
		return this.jdbc.sql("""
				INSERT INTO trend_events (event_id, endpoint_id, kind) VALUES (:event, :endpoint, :kind)
				ON CONFLICT (event_id) DO NOTHING
				""").param("event", eventId).param("endpoint", endpointId).param("kind", kind).update() == 1;
	}

	/**
	 * An endpoint as failure-service knows it.
	 *
	 * @param organizationId its organization
	 * @param name its name as last reported
	 * @param url its URL as last reported, if any
	 */
	record Known(UUID organizationId, String name, @Nullable String url) {

	}

}
