package io.pepper.failure.incident;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The warning told last per endpoint, in {@code certificate_warnings}. */
@Component
class CertificateWarnings {

	private final JdbcClient jdbc;

	CertificateWarnings(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	Optional<CertificateWarning.Told> told(UUID endpointId) {
		return this.jdbc.sql("SELECT expires_at, threshold_days FROM certificate_warnings WHERE endpoint_id = :id")
			.param("id", endpointId)
			.query((row, n) -> new CertificateWarning.Told(row.getTimestamp("expires_at").toInstant(),
					row.getInt("threshold_days")))
			.optional();
	}

	void save(UUID endpointId, Instant expiresAt, int thresholdDays, Instant at) {
		this.jdbc.sql("""
				INSERT INTO certificate_warnings (endpoint_id, expires_at, threshold_days, warned_at)
				VALUES (:id, :expires, :days, :at)
				ON CONFLICT (endpoint_id) DO UPDATE
				SET expires_at = excluded.expires_at, threshold_days = excluded.threshold_days,
					warned_at = excluded.warned_at
				""")
			.param("id", endpointId)
			.param("expires", java.sql.Timestamp.from(expiresAt))
			.param("days", thresholdDays)
			.param("at", java.sql.Timestamp.from(at))
			.update();
	}

	void clear(UUID endpointId) {
		this.jdbc.sql("DELETE FROM certificate_warnings WHERE endpoint_id = :id").param("id", endpointId).update();
	}

}
