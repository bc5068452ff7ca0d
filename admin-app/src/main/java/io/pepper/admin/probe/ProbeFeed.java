package io.pepper.admin.probe;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import io.pepper.admin.endpoint.EndpointJson;
import io.pepper.contracts.v1.EndpointSpec;
import io.pepper.contracts.v1.HttpMethod;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Reads the probe feed straight into wire records: one indexed query, no entities, so
 * tens of thousands of endpoints stay cheap.
 */
@Component
class ProbeFeed {

	// Ordered by id so that an unchanged list serializes, and so hashes, identically.
	private static final String ENABLED_AT_LOCATION = """
			SELECT id, organization_id, name, url, method, headers::text AS headers, body,
				expected_status::text AS expected_status, assertions::text AS assertions,
				timeout_ms, follow_redirects, apdex_threshold_ms, interval_seconds
			FROM endpoints
			WHERE enabled AND locations @> ARRAY[CAST(:location AS text)]
				AND (CAST(:organization AS uuid) IS NULL OR organization_id = :organization)
			ORDER BY id
			""";

	private final JdbcClient jdbc;

	ProbeFeed(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	boolean locationExists(String location) {
		return this.jdbc.sql("SELECT EXISTS (SELECT 1 FROM locations WHERE name = :name)")
			.param("name", location)
			.query(Boolean.class)
			.single();
	}

	/**
	 * The enabled endpoints at {@code location}, of one organization or (null) of all.
	 */
	List<EndpointSpec> enabledAt(String location, @Nullable UUID organization) {
		return this.jdbc.sql(ENABLED_AT_LOCATION)
			.param("location", location)
			.param("organization", organization)
			.query((row, rowNumber) -> new EndpointSpec(row.getObject("id", java.util.UUID.class),
					row.getObject("organization_id", java.util.UUID.class), row.getString("name"),
					URI.create(row.getString("url")), HttpMethod.valueOf(row.getString("method")),
					EndpointJson.readHeaders(row.getString("headers")), row.getString("body"),
					EndpointJson.readStatusRanges(row.getString("expected_status")),
					EndpointJson.readAssertions(row.getString("assertions")), row.getInt("timeout_ms"),
					row.getBoolean("follow_redirects"), row.getInt("apdex_threshold_ms"),
					row.getInt("interval_seconds")))
			.list();
	}

}
