package io.pepper.receiver.store.influx;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.Set;

import com.influxdb.LogLevel;
import com.influxdb.client.InfluxDBClient;
import com.influxdb.client.InfluxDBClientFactory;
import com.influxdb.client.InfluxDBClientOptions;
import com.influxdb.client.InfluxQLQueryApi;
import com.influxdb.client.WriteApiBlocking;
import com.influxdb.client.domain.InfluxQLQuery;
import com.influxdb.client.domain.WritePrecision;
import com.influxdb.client.write.Point;
import com.influxdb.exceptions.InfluxException;
import com.influxdb.query.InfluxQLQueryResult;
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
import io.pepper.receiver.store.MetricStoreRejectedException;
import okhttp3.Credentials;
import okhttp3.OkHttpClient;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps check results in InfluxDB, one point per check in measurement
 * {@value #MEASUREMENT} tagged by endpoint, location and organization at the check's
 * scheduled time (ms), so a replay overwrites its point. Hourly and daily rollups go to
 * {@value #HOURLY_MEASUREMENT} and {@value #DAILY_MEASUREMENT} in retention policies of
 * their own; continuous queries cannot merge histograms, so the receiver computes them.
 */
public final class InfluxMetricStore extends RollupMetricStore implements AutoCloseable {

	/** The measurement every check is written to. */
	public static final String MEASUREMENT = "checks";

	public static final String HOURLY_MEASUREMENT = "checks_1h";

	public static final String DAILY_MEASUREMENT = "checks_1d";

	/**
	 * WriteApi needs an organization; InfluxDB 1.x and database-mapped buckets ignore it.
	 */
	private static final String ORGANIZATION = "-";

	private static final int NOT_FOUND = 404;

	private static final long NANOS_PER_MILLI = 1_000_000L;

	/** How far back the latest checks are looked for first. */
	private static final Duration RECENT = Duration.ofHours(2);

	/**
	 * Bad request (e.g. a field type conflict), too large, unprocessable: the points
	 * themselves are refused.
	 */
	private static final Set<Integer> REJECTED = Set.of(400, 413, 422);

	private static final Logger log = LoggerFactory.getLogger(InfluxMetricStore.class);

	private static final String ROLLUP_FIELDS = "checks, up, satisfied, tolerating, frustrated, total_sum, dns_sum,"
			+ " dns_n, connect_sum, connect_n, tls_sum, tls_n, ttfb_sum, ttfb_n, apdex_t_ms, last_at_ms, histogram,"
			+ " endpoint, location";

	private final ReceiverProperties.Influx settings;

	private final ReceiverProperties.Retention retention;

	private final InfluxDBClient client;

	private final WriteApiBlocking writes;

	private final InfluxQLQueryApi influxQl;

	public InfluxMetricStore(ReceiverProperties.Influx settings) {
		this(settings, ReceiverProperties.Retention.defaults());
	}

	public InfluxMetricStore(ReceiverProperties.Influx settings, ReceiverProperties.Retention retention) {
		this.settings = settings;
		this.retention = retention;
		this.client = InfluxDBClientFactory.create(options(settings));
		this.writes = this.client.getWriteApiBlocking();
		this.influxQl = this.client.getInfluxQLQueryApi();
	}

	static InfluxDBClientOptions options(ReceiverProperties.Influx settings) {
		OkHttpClient.Builder http = new OkHttpClient.Builder().connectTimeout(settings.timeout())
			.readTimeout(settings.timeout())
			.writeTimeout(settings.timeout());
		String token = (settings.token() != null) ? settings.token().strip() : "";
		String basic = null;
		if (settings.v1Compat()) {
			int colon = token.indexOf(':');
			basic = (colon < 0) ? null : Credentials.basic(token.substring(0, colon), token.substring(colon + 1));
			http.addInterceptor(new InfluxV1CompatInterceptor(basic));
		}
		InfluxDBClientOptions.Builder options = InfluxDBClientOptions.builder()
			.url(settings.url().toString())
			.org(ORGANIZATION)
			.bucket(settings.bucket())
			.precision(WritePrecision.MS)
			.logLevel(LogLevel.NONE)
			.okHttpClient(http);
		if (!token.isEmpty() && basic == null) {
			options.authenticateToken(token.toCharArray());
		}
		return options.build();
	}

	/**
	 * Creates the database and one retention policy per resolution with its configured
	 * duration, or sets the duration of those that exist.
	 */
	@Override
	public void prepare() {
		if (!this.settings.createDatabase()) {
			return;
		}
		String database = this.settings.database();
		try {
			// Identifier syntax is restricted by the properties' validation, so quoting
			// is enough.
			command("CREATE DATABASE \"" + database + "\"");
			Map<String, Duration> policies = new java.util.LinkedHashMap<>();
			for (Resolution resolution : Resolution.values()) {
				// Resolutions sharing a policy keep their data as long as the longest
				// needs.
				policies.merge(resolution.retentionPolicy(this.settings), resolution.keptFor(this.retention),
						(a, b) -> (a.compareTo(b) >= 0) ? a : b);
			}
			for (Map.Entry<String, Duration> entry : policies.entrySet()) {
				String policy = entry.getKey();
				String duration = entry.getValue().toHours() + "h";
				// CREATE fails on an existing policy with other settings; ALTER then
				// sets the duration.
				command("CREATE RETENTION POLICY \"" + policy + "\" ON \"" + database + "\" DURATION " + duration
						+ " REPLICATION 1");
				command("ALTER RETENTION POLICY \"" + policy + "\" ON \"" + database + "\" DURATION " + duration);
			}
			log.debug("Database {} and its retention policies are ready on InfluxDB at {}", database,
					this.settings.url());
		}
		catch (RuntimeException ex) {
			throw new MetricStoreException("Cannot create database " + database + " on InfluxDB at "
					+ this.settings.url() + ": " + describe(ex), ex);
		}
	}

	private void command(String influxQl) {
		this.influxQl.query(new InfluxQLQuery(influxQl, this.settings.database(), InfluxQLQuery.AcceptHeader.JSON));
	}

	@Override
	protected void writeChecks(List<CheckResult> results) {
		write(Resolution.RAW, results.stream().map(InfluxMetricStore::point).toList());
	}

	/** The record goes in field {@code counted} of the bucket's own point. */
	@Override
	protected void writeCounted(Resolution resolution, List<CountedBucket> rollups) {
		write(resolution,
				rollups.stream()
					.map((counted) -> rollupPoint(resolution, counted.bucket(), counted.counted()))
					.toList());
	}

	@Override
	protected List<CountedBucket> readCounted(Resolution resolution, Collection<UUID> endpoints, Instant from,
			Instant to) {
		if (endpoints.isEmpty() || !from.isBefore(to)) {
			return List.of();
		}
		String query = "SELECT " + ROLLUP_FIELDS + ", counted FROM " + from(resolution) + " WHERE "
				+ endpointFilter(endpoints) + " AND " + timeFilter(from, to);
		List<CountedBucket> buckets = new ArrayList<>();
		for (Row row : select(query)) {
			Instant time = Instant.ofEpochMilli(row.nanos("time") / NANOS_PER_MILLI);
			String counted = row.text("counted");
			buckets.add(new CountedBucket(
					new Bucket(UUID.fromString(row.text("endpoint")), row.text("location"), time, rollupStats(row)),
					counted.isEmpty() ? nothingCounted() : Base64.getDecoder().decode(counted)));
		}
		return buckets;
	}

	private void write(Resolution resolution, List<Point> points) {
		if (points.isEmpty()) {
			return;
		}
		String bucket = this.settings.database() + "/" + resolution.retentionPolicy(this.settings);
		try {
			writePoints(bucket, points);
			return;
		}
		catch (InfluxException ex) {
			if (!(ex.status() == NOT_FOUND || isMissingPolicy(ex)) || !this.settings.createDatabase()) {
				throw writeFailed(points.size(), ex);
			}
		}
		catch (RuntimeException ex) {
			throw writeFailed(points.size(), ex);
		}
		// The database or a policy was dropped or never created: create it, write again.
		prepare();
		try {
			writePoints(bucket, points);
		}
		catch (RuntimeException ex) {
			throw writeFailed(points.size(), ex);
		}
	}

	private void writePoints(String bucket, List<Point> points) {
		try {
			this.writes.writePoints(bucket, ORGANIZATION, points);
		}
		catch (InfluxException ex) {
			// Points older than the retention policy are dropped on purpose: nothing to
			// retry.
			if (ex.getMessage() == null || !ex.getMessage().contains("beyond retention policy")) {
				throw ex;
			}
			log.debug("InfluxDB dropped points older than {}: {}", bucket, ex.getMessage());
		}
	}

	private static boolean isMissingPolicy(InfluxException ex) {
		return ex.getMessage() != null && ex.getMessage().contains("retention policy not found");
	}

	private MetricStoreException writeFailed(int points, RuntimeException ex) {
		String message = "InfluxDB at " + this.settings.url() + " did not confirm " + points + " points: "
				+ describe(ex);
		if (ex instanceof InfluxException influx && REJECTED.contains(influx.status())) {
			return new MetricStoreRejectedException(message, ex);
		}
		return new MetricStoreException(message, ex);
	}

	private static String describe(RuntimeException ex) {
		String message = ex.getMessage();
		return (message != null) ? message : ex.getClass().getSimpleName();
	}

	/**
	 * The point of one check; phases that did not happen and a missing status are left
	 * out.
	 */
	static Point point(CheckResult result) {
		PhaseTimings timings = result.timings();
		Point point = Point.measurement(MEASUREMENT)
			.addTag("endpoint", result.endpointId().toString())
			.addTag("location", result.location())
			.addTag("organization", result.organizationId().toString())
			.addField("total_ms", timings.totalMs());
		addIfPresent(point, "dns_ms", timings.dnsMs());
		addIfPresent(point, "connect_ms", timings.connectMs());
		addIfPresent(point, "tls_ms", timings.tlsMs());
		addIfPresent(point, "ttfb_ms", timings.firstByteMs());
		if (result.status() != null) {
			point.addField("status", result.status().longValue());
		}
		if (result.tlsCertExpiresAt() != null) {
			point.addField("tls_expires_at_ms", result.tlsCertExpiresAt().toEpochMilli());
		}
		if (result.outcome().phase() != null) {
			point.addField("phase", result.outcome().phase().name());
		}
		if (result.protocol() != null) {
			point.addField("protocol", result.protocol());
		}
		return point.addField("bytes", result.bytes())
			.addField("started_at_ms", result.startedAt().toEpochMilli())
			.addField("reason", result.outcome().reason())
			.addField("outcome", result.outcome().kind().name())
			.addField("apdex", result.apdex().name())
			.addField("apdex_t_ms", (long) result.apdexThresholdMs())
			.addField("up", result.outcome().isUp())
			.time(result.scheduledAt(), WritePrecision.MS);
	}

	private static void addIfPresent(Point point, String field, @Nullable Double millis) {
		if (millis != null) {
			point.addField(field, millis.doubleValue());
		}
	}

	private static Point rollupPoint(Resolution resolution, Bucket bucket, byte[] counted) {
		Stats stats = bucket.stats();
		return Point.measurement(measurement(resolution))
			.addTag("endpoint", bucket.endpointId().toString())
			.addTag("location", bucket.location())
			.addField("checks", stats.checks())
			.addField("up", stats.up())
			.addField("satisfied", stats.satisfied())
			.addField("tolerating", stats.tolerating())
			.addField("frustrated", stats.frustrated())
			.addField("total_sum", stats.totalSum())
			.addField("dns_sum", stats.dnsSum())
			.addField("dns_n", stats.dnsCount())
			.addField("connect_sum", stats.connectSum())
			.addField("connect_n", stats.connectCount())
			.addField("tls_sum", stats.tlsSum())
			.addField("tls_n", stats.tlsCount())
			.addField("ttfb_sum", stats.firstByteSum())
			.addField("ttfb_n", stats.firstByteCount())
			.addField("apdex_t_ms", (long) stats.apdexThresholdMs())
			.addField("last_at_ms", stats.latestAtMs())
			.addField("histogram", Base64.getEncoder().encodeToString(stats.encodedHistogram()))
			// Always written: a point written again keeps the fields it leaves out.
			.addField("counted", Base64.getEncoder().encodeToString(counted))
			.time(bucket.time(), WritePrecision.MS);
	}

	private static String measurement(Resolution resolution) {
		return switch (resolution) {
			case RAW -> MEASUREMENT;
			case HOURLY -> HOURLY_MEASUREMENT;
			case DAILY -> DAILY_MEASUREMENT;
		};
	}

	private String from(Resolution resolution) {
		return "\"" + this.settings.database() + "\".\"" + resolution.retentionPolicy(this.settings) + "\".\""
				+ measurement(resolution) + "\"";
	}

	private static String endpointFilter(Collection<UUID> endpoints) {
		// UUIDs are hex digits and dashes: nothing to escape in the regular expression.
		return "endpoint =~ /^(" + endpoints.stream().map(UUID::toString).collect(Collectors.joining("|")) + ")$/";
	}

	private static String timeFilter(Instant from, Instant to) {
		return "time >= " + from.toEpochMilli() + "ms AND time < " + to.toEpochMilli() + "ms";
	}

	private static String quote(String value) {
		return "'" + value.replace("\\", "\\\\").replace("'", "\\'") + "'";
	}

	@Override
	public List<Bucket> read(Resolution resolution, Collection<UUID> endpoints, @Nullable String location, Instant from,
			Instant to) {
		if (endpoints.isEmpty() || !from.isBefore(to)) {
			return List.of();
		}
		String fields = (resolution == Resolution.RAW)
				? "total_ms, dns_ms, connect_ms, tls_ms, ttfb_ms, apdex, apdex_t_ms, up, endpoint, location"
				: "checks, up, satisfied, tolerating, frustrated, total_sum, dns_sum, dns_n, connect_sum, connect_n,"
						+ " tls_sum, tls_n, ttfb_sum, ttfb_n, apdex_t_ms, last_at_ms, histogram, endpoint, location";
		String query = "SELECT " + fields + " FROM " + from(resolution) + " WHERE " + endpointFilter(endpoints)
				+ ((location != null) ? " AND location = " + quote(location) : "") + " AND " + timeFilter(from, to);
		List<Bucket> buckets = new ArrayList<>();
		for (Row row : select(query)) {
			Instant time = Instant.ofEpochMilli(row.nanos("time") / NANOS_PER_MILLI);
			UUID endpoint = UUID.fromString(row.text("endpoint"));
			String at = row.text("location");
			Stats stats = (resolution == Resolution.RAW) ? checkStats(row, time) : rollupStats(row);
			buckets.add(new Bucket(endpoint, at, time, stats));
		}
		return buckets;
	}

	private static Stats checkStats(Row row, Instant time) {
		boolean up = Boolean.parseBoolean(row.text("up"));
		return Stats.ofCheck(time, up, ApdexClass.valueOf(row.text("apdex")), (int) row.number("apdex_t_ms"),
				row.number("total_ms"), row.optional("dns_ms"), row.optional("connect_ms"), row.optional("tls_ms"),
				row.optional("ttfb_ms"));
	}

	private static Stats rollupStats(Row row) {
		String histogram = row.text("histogram");
		return Stats.ofRollup(row.whole("checks"), row.whole("up"), row.whole("satisfied"), row.whole("tolerating"),
				row.whole("frustrated"), row.number("total_sum"), row.number("dns_sum"), row.whole("dns_n"),
				row.number("connect_sum"), row.whole("connect_n"), row.number("tls_sum"), row.whole("tls_n"),
				row.number("ttfb_sum"), row.whole("ttfb_n"), (int) row.whole("apdex_t_ms"), row.whole("last_at_ms"),
				histogram.isEmpty() ? null : Base64.getDecoder().decode(histogram));
	}

	@Override
	public Map<UUID, Tally> tally(Resolution resolution, Collection<UUID> endpoints, Instant from, Instant to) {
		if (resolution == Resolution.RAW) {
			throw new IllegalArgumentException("tally counts rollups, not raw checks");
		}
		if (endpoints.isEmpty() || !from.isBefore(to)) {
			return Map.of();
		}
		// InfluxDB 1.x answers sum() grouped by endpoint ten times slower than it reads
		// the same fields, so the rows are read and summed here.
		String query = "SELECT checks, up, satisfied, tolerating, apdex_t_ms, endpoint FROM " + from(resolution)
				+ " WHERE " + endpointFilter(endpoints) + " AND " + timeFilter(from, to);
		Map<UUID, Sum> sums = new HashMap<>();
		for (Row row : select(query)) {
			Sum sum = sums.computeIfAbsent(UUID.fromString(row.tag("endpoint")), (e) -> new Sum());
			sum.checks += row.whole("checks");
			sum.up += row.whole("up");
			sum.satisfied += row.whole("satisfied");
			sum.tolerating += row.whole("tolerating");
			long time = row.nanos("time");
			if (time >= sum.latest) {
				// The threshold of the latest bucket, as last() picked it.
				sum.latest = time;
				sum.threshold = (int) row.whole("apdex_t_ms");
			}
		}
		Map<UUID, Tally> tallies = new HashMap<>();
		sums.forEach((endpoint, sum) -> {
			if (sum.checks > 0) {
				tallies.put(endpoint, new Tally(sum.checks, sum.up, sum.satisfied, sum.tolerating, sum.threshold));
			}
		});
		return tallies;
	}

	/** The counts of an endpoint's rollups summed so far. */
	private static final class Sum {

		private long checks;

		private long up;

		private long satisfied;

		private long tolerating;

		private long latest = Long.MIN_VALUE;

		private int threshold;

	}

	/**
	 * InfluxDB finds a series' last point by reading all its points in the range: a month
	 * of 1-minute checks per location. Most series had a check in the last hours, so
	 * those are asked first, and only the series kept without such a check are then asked
	 * over the whole range.
	 */
	@Override
	public List<LastCheck> lastChecks(Collection<UUID> endpoints, Instant since) {
		if (endpoints.isEmpty()) {
			return List.of();
		}
		Instant recent = Instant.now().minus(RECENT);
		if (!recent.isAfter(since)) {
			return lastChecks(endpoints, since, null);
		}
		List<LastCheck> last = lastChecks(endpoints, recent, null);
		Map<UUID, Set<String>> older;
		try {
			older = series(endpoints);
		}
		catch (MetricStoreException ex) {
			// A store that does not list series (InfluxQL of 2.x): ask the whole range.
			log.debug("Listing series failed, so latest checks are read over the whole range: {}", ex.getMessage());
			return lastChecks(endpoints, since, null);
		}
		for (LastCheck check : last) {
			Set<String> locations = older.get(check.endpointId());
			if (locations != null) {
				locations.remove(check.location());
			}
		}
		older.values().removeIf(Set::isEmpty);
		if (older.isEmpty()) {
			return last;
		}
		for (LastCheck check : lastChecks(older.keySet(), since, recent)) {
			Set<String> wanted = older.get(check.endpointId());
			if (wanted != null && wanted.contains(check.location())) {
				last.add(check);
			}
		}
		return last;
	}

	private List<LastCheck> lastChecks(Collection<UUID> endpoints, Instant since, @Nullable Instant before) {
		String query = "SELECT last(outcome) AS outcome, status, reason, tls_expires_at_ms FROM " + from(Resolution.RAW)
				+ " WHERE " + endpointFilter(endpoints) + " AND time >= " + since.toEpochMilli() + "ms"
				+ ((before != null) ? " AND time < " + before.toEpochMilli() + "ms" : "")
				+ " GROUP BY endpoint, location";
		List<LastCheck> last = new ArrayList<>();
		for (Row row : select(query)) {
			Double status = row.optional("status");
			Double expires = row.optional("tls_expires_at_ms");
			OutcomeKind outcome = OutcomeKind.valueOf(row.text("outcome"));
			last.add(new LastCheck(UUID.fromString(row.tag("endpoint")), row.tag("location"), outcome,
					(status != null) ? status.intValue() : null, LastCheck.reasonOf(outcome, row.text("reason")),
					Instant.ofEpochMilli(row.nanos("time") / NANOS_PER_MILLI),
					(expires != null) ? Instant.ofEpochMilli(expires.longValue()) : null));
		}
		return last;
	}

	/** The locations each endpoint has raw points at, from the series index. */
	private Map<UUID, Set<String>> series(Collection<UUID> endpoints) {
		Map<UUID, Set<String>> series = new HashMap<>();
		for (Row row : select("SHOW SERIES FROM " + from(Resolution.RAW) + " WHERE " + endpointFilter(endpoints))) {
			Map<String, String> tags = seriesTags(row.text("key"));
			String endpoint = tags.get("endpoint");
			String location = tags.get("location");
			if (endpoint != null && location != null) {
				series.computeIfAbsent(UUID.fromString(endpoint), (e) -> new java.util.HashSet<>()).add(location);
			}
		}
		return series;
	}

	/** The tags of a series key such as {@code checks,endpoint=a,location=b\ c}. */
	static Map<String, String> seriesTags(String key) {
		Map<String, String> tags = new HashMap<>();
		List<String> parts = new ArrayList<>();
		StringBuilder part = new StringBuilder();
		for (int i = 0; i < key.length(); i++) {
			char c = key.charAt(i);
			if (c == '\\' && i + 1 < key.length()) {
				part.append(key.charAt(++i));
			}
			else if (c == ',') {
				parts.add(part.toString());
				part.setLength(0);
			}
			else if (c == '=') {
				part.append('\u0000');
			}
			else {
				part.append(c);
			}
		}
		parts.add(part.toString());
		for (String tag : parts.subList(1, parts.size())) {
			int equals = tag.indexOf('\u0000');
			if (equals > 0) {
				tags.put(tag.substring(0, equals), tag.substring(equals + 1));
			}
		}
		return tags;
	}

	@Override
	public List<CheckResult> checks(UUID endpoint, @Nullable String location, Instant from, Instant to, int limit) {
		if (!from.isBefore(to) || limit < 1) {
			return List.of();
		}
		String query = "SELECT total_ms, dns_ms, connect_ms, tls_ms, ttfb_ms, status, bytes, outcome, phase, reason,"
				+ " apdex, apdex_t_ms, started_at_ms, tls_expires_at_ms, protocol, location, organization FROM "
				+ from(Resolution.RAW) + " WHERE endpoint = " + quote(endpoint.toString())
				+ ((location != null) ? " AND location = " + quote(location) : "") + " AND " + timeFilter(from, to)
				+ " ORDER BY time DESC LIMIT " + limit;
		List<CheckResult> checks = new ArrayList<>();
		for (Row row : select(query)) {
			checks.add(checkResult(endpoint, row));
		}
		// Points of one time come in no set order of location.
		checks.sort(Comparator.comparing(CheckResult::scheduledAt).reversed().thenComparing(CheckResult::location));
		return checks;
	}

	private static CheckResult checkResult(UUID endpoint, Row row) {
		Instant scheduledAt = Instant.ofEpochMilli(row.nanos("time") / NANOS_PER_MILLI);
		OutcomeKind kind = OutcomeKind.valueOf(row.text("outcome"));
		String phase = row.text("phase");
		Outcome outcome = new Outcome(kind, phase.isEmpty() ? null : Phase.valueOf(phase),
				LastCheck.reasonOf(kind, row.text("reason")));
		Double status = row.optional("status");
		Double started = row.optional("started_at_ms");
		Double expires = row.optional("tls_expires_at_ms");
		String protocol = row.text("protocol");
		return new CheckResult(endpoint, UUID.fromString(row.text("organization")), row.text("location"), scheduledAt,
				(started != null) ? Instant.ofEpochMilli(started.longValue()) : scheduledAt,
				new PhaseTimings(row.optional("dns_ms"), row.optional("connect_ms"), row.optional("tls_ms"),
						row.optional("ttfb_ms"), row.number("total_ms")),
				(status != null) ? status.intValue() : null, row.whole("bytes"),
				(expires != null) ? Instant.ofEpochMilli(expires.longValue()) : null, outcome,
				(int) row.whole("apdex_t_ms"), ApdexClass.valueOf(row.text("apdex")),
				protocol.isEmpty() ? null : protocol);
	}

	private List<Row> select(String query) {
		InfluxQLQueryResult result;
		try {
			result = this.influxQl.queryCSV(new InfluxQLQuery(query, this.settings.database()));
		}
		catch (RuntimeException ex) {
			throw new MetricStoreException("InfluxDB at " + this.settings.url() + " did not answer: " + describe(ex),
					ex);
		}
		List<Row> rows = new ArrayList<>();
		if (result == null) {
			return rows;
		}
		for (InfluxQLQueryResult.Result statement : result.getResults()) {
			for (InfluxQLQueryResult.Series series : statement.getSeries()) {
				for (InfluxQLQueryResult.Series.Record record : series.getValues()) {
					rows.add(new Row(series, record));
				}
			}
		}
		return rows;
	}

	/** The retention durations the store was configured with, for tests. */
	Duration retention(Resolution resolution) {
		return resolution.keptFor(this.retention);
	}

	@Override
	public void close() {
		this.client.close();
	}

	/** One row of a CSV answer; every value arrives as text. */
	private record Row(InfluxQLQueryResult.Series series, InfluxQLQueryResult.Series.Record record) {

		String text(String column) {
			Object value = this.series.getColumns().containsKey(column) ? this.record.getValueByKey(column) : null;
			return (value != null) ? value.toString() : "";
		}

		String tag(String name) {
			String value = this.series.getTags().get(name);
			return (value != null) ? value : text(name);
		}

		@Nullable Double optional(String column) {
			String value = text(column);
			return value.isEmpty() ? null : Double.valueOf(value);
		}

		double number(String column) {
			String value = text(column);
			return value.isEmpty() ? 0 : Double.parseDouble(value);
		}

		long whole(String column) {
			String value = text(column);
			return value.isEmpty() ? 0 : Math.round(Double.parseDouble(value));
		}

		long nanos(String column) {
			return Long.parseLong(text(column));
		}

	}

}
