package io.pepper.receiver.store.influx;

import java.util.List;
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
import io.pepper.contracts.v1.CheckResult;
import io.pepper.contracts.v1.PhaseTimings;
import io.pepper.receiver.ReceiverProperties;
import io.pepper.receiver.store.MetricStore;
import io.pepper.receiver.store.MetricStoreException;
import io.pepper.receiver.store.MetricStoreRejectedException;
import okhttp3.Credentials;
import okhttp3.OkHttpClient;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps check results in InfluxDB, one point per check in measurement
 * {@value #MEASUREMENT} tagged by endpoint, location and organization at the check's
 * scheduled time (ms), so a replay overwrites its point.
 */
public final class InfluxMetricStore implements MetricStore, AutoCloseable {

	/** The measurement every check is written to. */
	public static final String MEASUREMENT = "checks";

	/**
	 * WriteApi needs an organization; InfluxDB 1.x and database-mapped buckets ignore it.
	 */
	private static final String ORGANIZATION = "-";

	private static final int NOT_FOUND = 404;

	/**
	 * Bad request (e.g. a field type conflict), too large, unprocessable: the points
	 * themselves are refused.
	 */
	private static final Set<Integer> REJECTED = Set.of(400, 413, 422);

	private static final Logger log = LoggerFactory.getLogger(InfluxMetricStore.class);

	private final ReceiverProperties.Influx settings;

	private final InfluxDBClient client;

	private final WriteApiBlocking writes;

	private final InfluxQLQueryApi influxQl;

	public InfluxMetricStore(ReceiverProperties.Influx settings) {
		this.settings = settings;
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

	@Override
	public void prepare() {
		if (!this.settings.createDatabase()) {
			return;
		}
		String database = this.settings.database();
		try {
			// Identifier syntax is restricted by the properties' validation, so quoting
			// is
			// enough.
			this.influxQl.query(new InfluxQLQuery("CREATE DATABASE \"" + database + "\"", database,
					InfluxQLQuery.AcceptHeader.JSON));
			log.debug("Database {} is ready on InfluxDB at {}", database, this.settings.url());
		}
		catch (RuntimeException ex) {
			throw new MetricStoreException("Cannot create database " + database + " on InfluxDB at "
					+ this.settings.url() + ": " + describe(ex), ex);
		}
	}

	@Override
	public void write(List<CheckResult> results) {
		if (results.isEmpty()) {
			return;
		}
		List<Point> points = results.stream().map(InfluxMetricStore::point).toList();
		try {
			this.writes.writePoints(points);
			return;
		}
		catch (InfluxException ex) {
			if (ex.status() != NOT_FOUND || !this.settings.createDatabase()) {
				throw writeFailed(points.size(), ex);
			}
		}
		catch (RuntimeException ex) {
			throw writeFailed(points.size(), ex);
		}
		// The database was dropped or never created: create it and write once more.
		prepare();
		try {
			this.writes.writePoints(points);
		}
		catch (RuntimeException ex) {
			throw writeFailed(points.size(), ex);
		}
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
		return point.addField("bytes", result.bytes())
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

	@Override
	public void close() {
		this.client.close();
	}

}
