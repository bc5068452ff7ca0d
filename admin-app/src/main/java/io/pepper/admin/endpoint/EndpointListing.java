package io.pepper.admin.endpoint;

import java.sql.Array;
import java.sql.SQLException;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The endpoint list of the web UI: search by name or URL, filter by tag, one page at a
 * time, all in the database, so an organization with thousands of endpoints pages as fast
 * as one with ten (ordered by the {@code (organization_id, name)} unique index, tags
 * through their GIN index).
 */
@Component
class EndpointListing {

	static final int MAX_PAGE_SIZE = 200;

	private final JdbcClient jdbc;

	EndpointListing(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	EndpointPage search(UUID organizationId, String query, String tag, int page, int size) {
		int limit = Math.clamp(size, 1, MAX_PAGE_SIZE);
		StringBuilder where = new StringBuilder("WHERE organization_id = :organization");
		String pattern = "%" + escapeLike(query.strip()) + "%";
		if (!query.isBlank()) {
			where.append(" AND (name ILIKE :pattern OR url ILIKE :pattern)");
		}
		if (!tag.isBlank()) {
			where.append(" AND tags @> ARRAY[CAST(:tag AS text)]");
		}
		long total = this.jdbc.sql("SELECT count(*) FROM endpoints " + where)
			.param("organization", organizationId)
			.param("pattern", pattern)
			.param("tag", tag.strip())
			.query(Long.class)
			.single();
		int last = (int) Math.max(0, (total - 1) / limit);
		int current = Math.clamp(page, 0, last);
		List<EndpointRow> rows = this.jdbc
			.sql("SELECT id, name, url, CASE WHEN kind = 'HTTP' THEN method ELSE kind END AS method, enabled, "
					+ "interval_seconds, locations, tags FROM endpoints " + where
					+ " ORDER BY name, id LIMIT :limit OFFSET :offset")
			.param("organization", organizationId)
			.param("pattern", pattern)
			.param("tag", tag.strip())
			.param("limit", limit)
			.param("offset", (long) current * limit)
			.query((row, number) -> new EndpointRow(row.getObject("id", UUID.class), row.getString("name"),
					row.getString("url"), row.getString("method"), row.getBoolean("enabled"),
					row.getInt("interval_seconds"), texts(row.getArray("locations")), texts(row.getArray("tags"))))
			.list();
		return new EndpointPage(rows, current, limit, total);
	}

	/** Every tag the organization uses, for the filter. */
	List<String> tags(UUID organizationId) {
		return this.jdbc.sql("""
				SELECT DISTINCT tag FROM endpoints, unnest(tags) AS tag
				WHERE organization_id = :organization ORDER BY tag LIMIT 500
				""").param("organization", organizationId).query(String.class).list();
	}

	/** Searched text is literal: {@code %} and {@code _} match themselves. */
	static String escapeLike(String text) {
		return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
	}

	private static List<String> texts(Array array) throws SQLException {
		return List.of((String[]) array.getArray());
	}

}
