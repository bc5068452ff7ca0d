package io.pepper.failure.intake;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.UUID;

import io.pepper.contracts.v1.CheckResult;
import io.pepper.contracts.v1.FailureBatch;
import io.pepper.contracts.v1.FailureReport;
import io.pepper.contracts.v1.WireJson;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The stored failure reports. */
@Repository
class FailureReports {

	private final JdbcClient jdbc;

	FailureReports(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Stores a report unless one with the same endpoint, location and scheduled time is
	 * already stored.
	 * @return the new report's id, or empty for a duplicate
	 */
	Optional<UUID> insertIfNew(FailureBatch batch, FailureReport report) {
		CheckResult result = report.result();
		return this.jdbc.sql("""
				INSERT INTO failure_reports (id, batch_id, probe, endpoint_id, organization_id, endpoint_name, url,
				                             location, scheduled_at, started_at, outcome, phase, reason, status, result)
				VALUES (:id, :batchId, :probe, :endpointId, :organizationId, :endpointName, :url,
				        :location, :scheduledAt, :startedAt, :outcome, :phase, :reason, :status,
				        CAST(:result AS jsonb))
				ON CONFLICT (endpoint_id, location, scheduled_at) DO NOTHING
				RETURNING id
				""")
			.param("id", UUID.randomUUID())
			.param("batchId", batch.batchId())
			.param("probe", batch.probe())
			.param("endpointId", result.endpointId())
			.param("organizationId", result.organizationId())
			.param("endpointName", report.endpointName())
			.param("url", report.url().toString())
			.param("location", result.location())
			.param("scheduledAt", utc(result.scheduledAt()))
			.param("startedAt", utc(result.startedAt()))
			.param("outcome", result.outcome().kind().name())
			.param("phase", (result.outcome().phase() != null) ? result.outcome().phase().name() : null)
			.param("reason", result.outcome().reason())
			.param("status", result.status())
			.param("result", WireJson.mapper().writeValueAsString(result))
			.query(UUID.class)
			.optional();
	}

	private static OffsetDateTime utc(Instant instant) {
		return instant.atOffset(ZoneOffset.UTC);
	}

}
