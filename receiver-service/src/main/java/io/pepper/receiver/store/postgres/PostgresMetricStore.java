package io.pepper.receiver.store.postgres;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.pepper.contracts.v1.ApdexClass;
import io.pepper.contracts.v1.CheckResult;
import io.pepper.contracts.v1.Outcome;
import io.pepper.contracts.v1.OutcomeKind;
import io.pepper.contracts.v1.Phase;
import io.pepper.contracts.v1.PhaseTimings;
import io.pepper.receiver.ReceiverProperties;
import io.pepper.receiver.store.Bucket;
import io.pepper.receiver.store.LastCheck;
import io.pepper.receiver.store.MetricStoreException;
import io.pepper.receiver.store.Resolution;
import io.pepper.receiver.store.RollupMetricStore;
import io.pepper.receiver.store.Stats;
import io.pepper.receiver.store.Tally;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Keeps check results in PostgreSQL, schema {@value #SCHEMA}: one row per check keyed by
 * endpoint, location and scheduled time, upserted so a replay overwrites, and hourly and
 * daily rollup tables upserted the same way. Expired rows are deleted by
 * {@link #enforceRetention(Instant)}.
 */
public final class PostgresMetricStore extends RollupMetricStore {

	public static final String SCHEMA = "receiver";

	private static final Logger log = LoggerFactory.getLogger(PostgresMetricStore.class);

	private static final String UPSERT_CHECK = """
			INSERT INTO receiver.checks (endpoint_id, location, scheduled_at, organization_id, started_at, dns_ms,
			    connect_ms, tls_ms, ttfb_ms, total_ms, status, bytes, tls_cert_expires_at, outcome, apdex, apdex_t_ms, up,
			    outcome_phase, outcome_reason, protocol)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
			ON CONFLICT (endpoint_id, location, scheduled_at) DO UPDATE SET organization_id = excluded.organization_id,
			    started_at = excluded.started_at, dns_ms = excluded.dns_ms, connect_ms = excluded.connect_ms,
			    tls_ms = excluded.tls_ms, ttfb_ms = excluded.ttfb_ms, total_ms = excluded.total_ms,
			    status = excluded.status, bytes = excluded.bytes, tls_cert_expires_at = excluded.tls_cert_expires_at,
			    outcome = excluded.outcome, apdex = excluded.apdex, apdex_t_ms = excluded.apdex_t_ms, up = excluded.up,
			    outcome_phase = excluded.outcome_phase, outcome_reason = excluded.outcome_reason,
			    protocol = excluded.protocol
			""";

	private static final String ROLLUP_COLUMNS = "checks, up, satisfied, tolerating, frustrated, total_sum, dns_sum,"
			+ " dns_n, connect_sum, connect_n, tls_sum, tls_n, ttfb_sum, ttfb_n, apdex_t_ms, last_at, histogram";

	private final JdbcClient jdbc;

	private final JdbcTemplate batches;

	private final ReceiverProperties.Retention retention;

	private final Clock clock;

	private final TransactionTemplate transactions;

	public PostgresMetricStore(JdbcTemplate jdbcTemplate, ReceiverProperties.Retention retention, Clock clock) {
		this.batches = jdbcTemplate;
		this.transactions = new TransactionTemplate(
				new DataSourceTransactionManager(java.util.Objects.requireNonNull(jdbcTemplate.getDataSource())));
		this.jdbc = JdbcClient.create(jdbcTemplate);
		this.retention = retention;
		this.clock = clock;
	}

	private static String table(Resolution resolution) {
		return switch (resolution) {
			case RAW -> "receiver.checks";
			case HOURLY -> "receiver.rollups_hourly";
			case DAILY -> "receiver.rollups_daily";
		};
	}

	private static OffsetDateTime at(Instant instant) {
		return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
	}

	private static Instant instant(ResultSet rs, String column) throws SQLException {
		return rs.getObject(column, OffsetDateTime.class).toInstant();
	}

	/** One commit per write: the checks and their rollups together. */
	@Override
	protected void atomically(Runnable write) {
		try {
			this.transactions.executeWithoutResult((status) -> write.run());
		}
		catch (DataAccessException | org.springframework.transaction.TransactionException ex) {
			throw new MetricStoreException("PostgreSQL did not commit a write: " + ex.getMessage(), ex);
		}
	}

	@Override
	protected void writeChecks(List<CheckResult> results) {
		// Like an InfluxDB retention policy, a check older than the raw retention is not
		// kept.
		Instant oldest = this.clock.instant().minus(this.retention.raw());
		// A row twice in one statement cannot be upserted (multi-row INSERTs): the last
		// of a check wins, as it would one statement after the other.
		Map<String, CheckResult> latest = new java.util.LinkedHashMap<>();
		for (CheckResult result : results) {
			latest.put(result.endpointId() + "|" + result.location() + "|" + result.scheduledAt().toEpochMilli(),
					result);
		}
		List<Object[]> rows = new ArrayList<>(latest.size());
		for (CheckResult result : latest.values()) {
			if (result.scheduledAt().isBefore(oldest)) {
				continue;
			}
			PhaseTimings timings = result.timings();
			rows.add(new Object[] { result.endpointId(), result.location(), at(result.scheduledAt()),
					result.organizationId(), at(result.startedAt()), timings.dnsMs(), timings.connectMs(),
					timings.tlsMs(), timings.firstByteMs(), timings.totalMs(), result.status(), result.bytes(),
					(result.tlsCertExpiresAt() != null) ? at(result.tlsCertExpiresAt()) : null,
					result.outcome().kind().name(), result.apdex().name(), result.apdexThresholdMs(),
					result.outcome().isUp(),
					(result.outcome().phase() != null) ? result.outcome().phase().name() : null,
					result.outcome().reason(), result.protocol() });
		}
		if (rows.isEmpty()) {
			return;
		}
		int[] types = { Types.OTHER, Types.VARCHAR, Types.TIMESTAMP_WITH_TIMEZONE, Types.OTHER,
				Types.TIMESTAMP_WITH_TIMEZONE, Types.DOUBLE, Types.DOUBLE, Types.DOUBLE, Types.DOUBLE, Types.DOUBLE,
				Types.INTEGER, Types.BIGINT, Types.TIMESTAMP_WITH_TIMEZONE, Types.VARCHAR, Types.VARCHAR, Types.INTEGER,
				Types.BOOLEAN, Types.VARCHAR, Types.VARCHAR, Types.VARCHAR };
		try {
			this.batches.batchUpdate(UPSERT_CHECK, rows, types);
		}
		catch (DataAccessException ex) {
			throw failed("did not confirm " + rows.size() + " checks", ex);
		}
	}

	/** The record goes in column {@code counted} of the bucket's own row. */
	@Override
	protected void writeCounted(Resolution resolution, List<CountedBucket> rollups) {
		if (rollups.isEmpty()) {
			return;
		}
		String columns = ROLLUP_COLUMNS + ", counted";
		String sql = "INSERT INTO " + table(resolution) + " (endpoint_id, location, bucket_start, " + columns
				+ ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
				+ " ON CONFLICT (endpoint_id, location, bucket_start) DO UPDATE SET "
				+ String.join(", ", List.of(columns.split(", ")).stream().map((c) -> c + " = excluded." + c).toList());
		List<Object[]> rows = new ArrayList<>(rollups.size());
		for (CountedBucket counted : rollups) {
			Bucket bucket = counted.bucket();
			Stats s = bucket.stats();
			rows.add(new Object[] { bucket.endpointId(), bucket.location(), at(bucket.time()), s.checks(), s.up(),
					s.satisfied(), s.tolerating(), s.frustrated(), s.totalSum(), s.dnsSum(), s.dnsCount(),
					s.connectSum(), s.connectCount(), s.tlsSum(), s.tlsCount(), s.firstByteSum(), s.firstByteCount(),
					s.apdexThresholdMs(), at(Instant.ofEpochMilli(s.latestAtMs())), s.encodedHistogram(),
					(counted.counted().length > 0) ? counted.counted() : null });
		}
		try {
			this.batches.batchUpdate(sql, rows);
		}
		catch (DataAccessException ex) {
			throw failed("did not confirm " + rows.size() + " " + resolution.name().toLowerCase() + " rollups", ex);
		}
	}

	@Override
	protected List<CountedBucket> readCounted(Resolution resolution, Collection<UUID> endpoints, Instant from,
			Instant to) {
		if (endpoints.isEmpty() || !from.isBefore(to)) {
			return List.of();
		}
		String sql = "SELECT endpoint_id, location, bucket_start, " + ROLLUP_COLUMNS + ", counted FROM "
				+ table(resolution) + " WHERE endpoint_id IN (:endpoints) AND bucket_start >= :from"
				+ " AND bucket_start < :to";
		try {
			return this.jdbc.sql(sql)
				.param("endpoints", List.copyOf(endpoints))
				.param("from", at(from))
				.param("to", at(to))
				.query((rs, n) -> {
					byte[] counted = rs.getBytes("counted");
					return new CountedBucket(rollupBucket(rs), (counted != null) ? counted : nothingCounted());
				})
				.list();
		}
		catch (DataAccessException ex) {
			throw failed("did not answer a rollup read", ex);
		}
	}

	/**
	 * Locks the rollups of {@code keys} until the write commits, across instances: one
	 * transaction-scoped advisory lock per (endpoint, location), taken in order so two
	 * writes never wait on each other.
	 */
	@Override
	protected void lockRollups(Collection<Key> keys, Runnable update) {
		Long[] locks = keys.stream()
			.map((key) -> key.endpointId().getMostSignificantBits() * 31 + key.endpointId().getLeastSignificantBits()
					+ 1_000_003L * key.location().hashCode())
			.distinct()
			.sorted()
			.toArray(Long[]::new);
		try {
			this.batches.query(
					"SELECT count(pg_advisory_xact_lock(k)) FROM (SELECT k FROM unnest(?::bigint[]) AS k ORDER BY k) s",
					(rs) -> {
					}, (Object) locks);
		}
		catch (DataAccessException ex) {
			throw failed("did not lock rollups", ex);
		}
		update.run();
	}

	@Override
	public List<Bucket> read(Resolution resolution, Collection<UUID> endpoints, @Nullable String location, Instant from,
			Instant to) {
		if (endpoints.isEmpty() || !from.isBefore(to)) {
			return List.of();
		}
		String time = (resolution == Resolution.RAW) ? "scheduled_at" : "bucket_start";
		String columns = (resolution == Resolution.RAW)
				? "endpoint_id, location, scheduled_at, dns_ms, connect_ms, tls_ms, ttfb_ms, total_ms, apdex, apdex_t_ms, up"
				: "endpoint_id, location, bucket_start, " + ROLLUP_COLUMNS;
		String sql = "SELECT " + columns + " FROM " + table(resolution) + " WHERE endpoint_id IN (:endpoints)"
				+ ((location != null) ? " AND location = :location" : "") + " AND " + time + " >= :from AND " + time
				+ " < :to";
		try {
			JdbcClient.StatementSpec statement = this.jdbc.sql(sql)
				.param("endpoints", List.copyOf(endpoints))
				.param("from", at(from))
				.param("to", at(to));
			if (location != null) {
				statement = statement.param("location", location);
			}
			return statement.query((rs, n) -> (resolution == Resolution.RAW) ? checkBucket(rs) : rollupBucket(rs))
				.list();
		}
		catch (DataAccessException ex) {
			throw failed("did not answer a history read", ex);
		}
	}

	private static Bucket checkBucket(ResultSet rs) throws SQLException {
		Instant time = instant(rs, "scheduled_at");
		Stats stats = Stats.ofCheck(time, rs.getBoolean("up"), ApdexClass.valueOf(rs.getString("apdex")),
				rs.getInt("apdex_t_ms"), rs.getDouble("total_ms"), optional(rs, "dns_ms"), optional(rs, "connect_ms"),
				optional(rs, "tls_ms"), optional(rs, "ttfb_ms"));
		return new Bucket(rs.getObject("endpoint_id", UUID.class), rs.getString("location"), time, stats);
	}

	private static Bucket rollupBucket(ResultSet rs) throws SQLException {
		Stats stats = Stats.ofRollup(rs.getLong("checks"), rs.getLong("up"), rs.getLong("satisfied"),
				rs.getLong("tolerating"), rs.getLong("frustrated"), rs.getDouble("total_sum"), rs.getDouble("dns_sum"),
				rs.getLong("dns_n"), rs.getDouble("connect_sum"), rs.getLong("connect_n"), rs.getDouble("tls_sum"),
				rs.getLong("tls_n"), rs.getDouble("ttfb_sum"), rs.getLong("ttfb_n"), rs.getInt("apdex_t_ms"),
				instant(rs, "last_at").toEpochMilli(), rs.getBytes("histogram"));
		return new Bucket(rs.getObject("endpoint_id", UUID.class), rs.getString("location"),
				instant(rs, "bucket_start"), stats);
	}

	private static @Nullable Double optional(ResultSet rs, String column) throws SQLException {
		double value = rs.getDouble(column);
		return rs.wasNull() ? null : value;
	}

	@Override
	public Map<UUID, Tally> tally(Resolution resolution, Collection<UUID> endpoints, Instant from, Instant to) {
		if (resolution == Resolution.RAW) {
			throw new IllegalArgumentException("tally counts rollups, not raw checks");
		}
		if (endpoints.isEmpty() || !from.isBefore(to)) {
			return Map.of();
		}
		String sql = "SELECT endpoint_id, sum(checks) AS checks, sum(up) AS up, sum(satisfied) AS satisfied,"
				+ " sum(tolerating) AS tolerating, (array_agg(apdex_t_ms ORDER BY last_at DESC))[1] AS t FROM "
				+ table(resolution)
				+ " WHERE endpoint_id IN (:endpoints) AND bucket_start >= :from AND bucket_start < :to"
				+ " GROUP BY endpoint_id";
		Map<UUID, Tally> tallies = new HashMap<>();
		try {
			this.jdbc.sql(sql)
				.param("endpoints", List.copyOf(endpoints))
				.param("from", at(from))
				.param("to", at(to))
				.query((rs) -> {
					tallies.put(rs.getObject("endpoint_id", UUID.class), new Tally(rs.getLong("checks"),
							rs.getLong("up"), rs.getLong("satisfied"), rs.getLong("tolerating"), rs.getInt("t")));
				});
		}
		catch (DataAccessException ex) {
			throw failed("did not answer a tally", ex);
		}
		return tallies;
	}

	/**
	 * The locations come from the daily rollups, then one index probe per endpoint and
	 * location finds its latest check, so the cost does not grow with the checks kept.
	 */
	@Override
	public List<LastCheck> lastChecks(Collection<UUID> endpoints, Instant since) {
		if (endpoints.isEmpty()) {
			return List.of();
		}
		String sql = """
				SELECT k.endpoint_id, k.location, c.outcome, c.status, c.outcome_reason, c.scheduled_at,
				    c.tls_cert_expires_at
				FROM (SELECT DISTINCT endpoint_id, location FROM receiver.rollups_daily
				      WHERE endpoint_id IN (:endpoints) AND bucket_start >= :sinceDay) k
				CROSS JOIN LATERAL (SELECT outcome, status, outcome_reason, scheduled_at, tls_cert_expires_at
				      FROM receiver.checks c WHERE c.endpoint_id = k.endpoint_id AND c.location = k.location
				      AND c.scheduled_at >= :since ORDER BY c.scheduled_at DESC LIMIT 1) c
				""";
		try {
			return this.jdbc.sql(sql)
				.param("endpoints", List.copyOf(endpoints))
				.param("sinceDay", at(Resolution.DAILY.floor(since)))
				.param("since", at(since))
				.query((rs, n) -> {
					OutcomeKind outcome = OutcomeKind.valueOf(rs.getString("outcome"));
					int status = rs.getInt("status");
					Integer known = rs.wasNull() ? null : status;
					OffsetDateTime expires = rs.getObject("tls_cert_expires_at", OffsetDateTime.class);
					return new LastCheck(rs.getObject("endpoint_id", UUID.class), rs.getString("location"), outcome,
							known, LastCheck.reasonOf(outcome, rs.getString("outcome_reason")),
							instant(rs, "scheduled_at"), (expires != null) ? expires.toInstant() : null);
				})
				.list();
		}
		catch (DataAccessException ex) {
			throw failed("did not answer the latest checks", ex);
		}
	}

	@Override
	public List<CheckResult> checks(UUID endpoint, @Nullable String location, Instant from, Instant to, int limit) {
		if (!from.isBefore(to) || limit < 1) {
			return List.of();
		}
		String sql = "SELECT * FROM receiver.checks WHERE endpoint_id = :endpoint"
				+ ((location != null) ? " AND location = :location" : "")
				+ " AND scheduled_at >= :from AND scheduled_at < :to ORDER BY scheduled_at DESC, location LIMIT :limit";
		try {
			JdbcClient.StatementSpec statement = this.jdbc.sql(sql)
				.param("endpoint", endpoint)
				.param("from", at(from))
				.param("to", at(to))
				.param("limit", limit);
			if (location != null) {
				statement = statement.param("location", location);
			}
			return statement.query((rs, n) -> checkResult(rs)).list();
		}
		catch (DataAccessException ex) {
			throw failed("did not answer a read of recent checks", ex);
		}
	}

	private static CheckResult checkResult(ResultSet rs) throws SQLException {
		OutcomeKind kind = OutcomeKind.valueOf(rs.getString("outcome"));
		String phase = rs.getString("outcome_phase");
		Outcome outcome = new Outcome(kind, (phase != null) ? Phase.valueOf(phase) : null,
				LastCheck.reasonOf(kind, rs.getString("outcome_reason")));
		int status = rs.getInt("status");
		Integer known = rs.wasNull() ? null : status;
		OffsetDateTime expires = rs.getObject("tls_cert_expires_at", OffsetDateTime.class);
		return new CheckResult(rs.getObject("endpoint_id", UUID.class), rs.getObject("organization_id", UUID.class),
				rs.getString("location"), instant(rs, "scheduled_at"), instant(rs, "started_at"),
				new PhaseTimings(optional(rs, "dns_ms"), optional(rs, "connect_ms"), optional(rs, "tls_ms"),
						optional(rs, "ttfb_ms"), rs.getDouble("total_ms")),
				known, rs.getLong("bytes"), (expires != null) ? expires.toInstant() : null, outcome,
				rs.getInt("apdex_t_ms"), ApdexClass.valueOf(rs.getString("apdex")), rs.getString("protocol"));
	}

	/** Deletes each resolution's rows older than its retention. */
	@Override
	public void enforceRetention(Instant now) {
		for (Resolution resolution : Resolution.values()) {
			String time = (resolution == Resolution.RAW) ? "scheduled_at" : "bucket_start";
			try {
				int deleted = this.jdbc.sql("DELETE FROM " + table(resolution) + " WHERE " + time + " < :oldest")
					.param("oldest", at(now.minus(resolution.keptFor(this.retention))))
					.update();
				if (deleted > 0) {
					log.info("Deleted {} {} rows past their retention", deleted, resolution.name().toLowerCase());
				}
			}
			catch (DataAccessException ex) {
				throw failed("did not delete expired " + resolution.name().toLowerCase() + " rows", ex);
			}
		}
	}

	private static MetricStoreException failed(String what, DataAccessException ex) {
		if (ex instanceof org.springframework.dao.DataIntegrityViolationException) {
			// The rows themselves are refused: writing them again cannot succeed.
			return new io.pepper.receiver.store.MetricStoreRejectedException(
					"PostgreSQL " + what + ": " + ex.getMostSpecificCause().getMessage(), ex);
		}
		return new MetricStoreException("PostgreSQL " + what + ": " + ex.getMostSpecificCause().getMessage(), ex);
	}

}
