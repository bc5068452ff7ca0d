package io.pepper.admin.probe;

import java.net.URI;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import io.pepper.admin.endpoint.EndpointJson;
import io.pepper.contracts.v1.EndpointSpec;
import io.pepper.contracts.v1.HttpMethod;
import io.pepper.contracts.v1.HttpVersion;
import io.pepper.contracts.v1.WireJson;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Reads the probe feed straight into wire records: one indexed query, no entities, so
 * tens of thousands of endpoints stay cheap. The serialized list and its ETag are kept
 * per location (and organization, for an organization's probe token) until the
 * {@code probe_feed_version} counter, bumped by every change to endpoints, moves; an
 * unchanged round costs one tiny query.
 */
@Component
class ProbeFeed {

	// Ordered by id so that an unchanged list serializes, and so hashes, identically.
	private static final String ENABLED_AT_LOCATION = """
			SELECT id, organization_id, name, url, method, headers::text AS headers, body,
				expected_status::text AS expected_status, assertions::text AS assertions,
				timeout_ms, follow_redirects, apdex_threshold_ms, interval_seconds, http_version, kind,
				check_settings::text AS check_settings
			FROM endpoints
			WHERE enabled AND locations @> ARRAY[CAST(:location AS text)]
				AND (CAST(:organization AS uuid) IS NULL OR organization_id = :organization)
			ORDER BY id
			""";

	private static final String VERSION_AND_LOCATION = """
			SELECT (SELECT version FROM probe_feed_version) AS version,
				EXISTS (SELECT 1 FROM locations WHERE name = :name) AS known
			""";

	/** Locations times organizations with their own probes; beyond this, start over. */
	private static final int MAX_CACHED = 10_000;

	private final JdbcClient jdbc;

	private final Map<Key, Cached> cache = new ConcurrentHashMap<>();

	ProbeFeed(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * The current list for {@code location} as JSON with its ETag, or null when the
	 * location does not exist. The version is read before the endpoints, so a list is
	 * never kept under a version newer than its contents.
	 */
	@Nullable Serialized current(String location, @Nullable UUID organization) {
		VersionAndLocation state = this.jdbc.sql(VERSION_AND_LOCATION)
			.param("name", location)
			.query((row, n) -> new VersionAndLocation(row.getLong("version"), row.getBoolean("known")))
			.single();
		if (!state.known()) {
			return null;
		}
		Key key = new Key(location, organization);
		Cached cached = this.cache.get(key);
		if (cached != null && cached.version() == state.version()) {
			return cached.serialized();
		}
		byte[] json = WireJson.mapper().writeValueAsBytes(enabledAt(location, organization));
		Serialized serialized = new Serialized("\"" + sha256(json) + "\"", json);
		if (this.cache.size() >= MAX_CACHED) {
			this.cache.clear();
		}
		this.cache.put(key, new Cached(state.version(), serialized));
		return serialized;
	}

	/**
	 * The enabled endpoints at {@code location}, of one organization or (null) of all.
	 */
	private static String sha256(byte[] bytes) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes), 0, 16);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("Every Java runtime has SHA-256", ex);
		}
	}

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
					row.getInt("interval_seconds"), HttpVersion.valueOf(row.getString("http_version")),
					io.pepper.contracts.v1.CheckKind.valueOf(row.getString("kind")),
					EndpointJson.readSettings(row.getString("check_settings"))))
			.list();
	}

	/**
	 * An endpoint list as JSON, and its ETag (a digest of exactly these bytes).
	 *
	 * @param etag the quoted ETag
	 * @param endpointsJson the JSON array of endpoints
	 */
	record Serialized(String etag, byte[] endpointsJson) {

	}

	private record Key(String location, @Nullable UUID organization) {

	}

	private record Cached(long version, Serialized serialized) {

	}

	private record VersionAndLocation(long version, boolean known) {

	}

}
