package io.pepper.receiver;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.pepper.http.ServiceClient;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.ConstructorBinding;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * The receiver's settings, under {@code pepper.receiver}; every default is here.
 *
 * @param redisKeyPrefix prefix of every Redis key the receiver owns
 * @param ingestTokenSha256 SHA-256 hex digests of the bearer tokens probes may post with
 * @param maxBatchBytes the largest request body accepted on {@code POST /v1/results}
 * @param influx the InfluxDB metric store
 * @param queue the results stream and its workers
 * @param store which metric store keeps the checks
 * @param retention how long each resolution is kept
 * @param queryTokenSha256 SHA-256 hex digests of the service tokens that may read history
 * @param adminUrl admin-app, for the endpoints' trend sensitivity; none for MEDIUM
 * everywhere
 * @param adminToken the service token for admin-app
 * @param failureUrl failure-service, where trend events and the successes of endpoints it
 * follows go; none to only log trend events and forward no successes
 * @param failureToken the service token for failure-service
 * @param trend the Apdex trend detector
 * @param recovery forwarding successes to failure-service, so its incidents resolve
 * @param rollups how hourly and daily rollups are kept up to date
 * @param worker how the results stream is drained into the metric store
 * @param metrics the latest checks as Prometheus gauges
 */
@ConfigurationProperties("pepper.receiver")
@Validated
public record ReceiverProperties(@DefaultValue("pepper:") @NotBlank String redisKeyPrefix, @NotEmpty(
		message = "must list at least one token digest (echo -n \"$token\" | sha256sum)") List<@NotNull @Pattern(
				regexp = "[0-9a-fA-F]{64}",
				message = "must be a SHA-256 hex digest (64 hex digits), not the token itself") String> ingestTokenSha256,
		@DefaultValue("8MB") DataSize maxBatchBytes, @DefaultValue @Valid Influx influx,
		@DefaultValue @Valid Queue queue, @DefaultValue("influx") @NotNull Store store,
		@DefaultValue @Valid Retention retention,
		@DefaultValue List<@NotNull @Pattern(regexp = "[0-9a-fA-F]{64}",
				message = "must be a SHA-256 hex digest (64 hex digits), not the token itself") String> queryTokenSha256,
		@Nullable URI adminUrl, @Nullable String adminToken, @Nullable URI failureUrl, @Nullable String failureToken,
		@DefaultValue @Valid Trend trend, @DefaultValue @Valid Recovery recovery, @DefaultValue @Valid Rollups rollups,
		@DefaultValue @Valid Worker worker, @DefaultValue @Valid Metrics metrics) {

	/** Bodies are read into memory, so the cap stays well below what an array holds. */
	public static final DataSize MAX_BATCH_BYTES_LIMIT = DataSize.ofMegabytes(256);

	public ReceiverProperties {
		if (maxBatchBytes.toBytes() < 1 || maxBatchBytes.compareTo(MAX_BATCH_BYTES_LIMIT) > 0) {
			throw new IllegalArgumentException(
					"pepper.receiver.max-batch-bytes must be between 1B and 256MB but was " + maxBatchBytes);
		}
		requireHttp(adminUrl, "admin-url");
		requireHttp(failureUrl, "failure-url");
		if (adminUrl != null && (adminToken == null || adminToken.isBlank())) {
			throw new IllegalArgumentException("pepper.receiver.admin-token is required with admin-url");
		}
		if (failureUrl != null && (failureToken == null || failureToken.isBlank())) {
			throw new IllegalArgumentException("pepper.receiver.failure-token is required with failure-url");
		}
	}

	private static void requireHttp(@Nullable URI url, String name) {
		ServiceClient.requireBaseUrl(url, "pepper.receiver." + name);
	}

	/** Which metric store keeps the checks. */
	public enum Store {

		/** InfluxDB, through {@code pepper.receiver.influx.*}. */
		INFLUX,
		/**
		 * PostgreSQL, through {@code spring.datasource.*}, in schema {@code receiver}.
		 */
		POSTGRES

	}

	/**
	 * How long each resolution is kept.
	 *
	 * @param raw every check
	 * @param hourly hourly rollups
	 * @param daily daily rollups
	 * @param interval how often a store that does not expire data itself deletes it
	 */
	public record Retention(@DefaultValue("30d") Duration raw, @DefaultValue("400d") Duration hourly,
			@DefaultValue("1825d") Duration daily, @DefaultValue("1h") Duration interval) {

		public Retention {
			for (Map.Entry<String, Duration> entry : Map
				.of("raw", raw, "hourly", hourly, "daily", daily, "interval", interval)
				.entrySet()) {
				if (entry.getValue().compareTo(Duration.ofHours(1)) < 0) {
					throw new IllegalArgumentException("pepper.receiver.retention." + entry.getKey()
							+ " must be at least 1h but was " + entry.getValue());
				}
			}
		}

		public static Retention defaults() {
			return new Retention(Duration.ofDays(30), Duration.ofDays(400), Duration.ofDays(1825), Duration.ofHours(1));
		}

	}

	/**
	 * The Apdex trend detector.
	 *
	 * @param enabled watch every endpoint's Apdex for sustained drops
	 * @param policyRefresh how often admin-app's alerting snapshot is fetched again
	 * @param sendInterval the pause between deliveries of trend events, and the first
	 * pause after a failed one; it doubles per failure up to 30s
	 * @param maxQueued how many undelivered trend events are kept; the oldest go first
	 * @param minimumDuration per sensitivity, how long a drop must last before it is
	 * reported; shorter ones are left to the incident path
	 */
	public record Trend(@DefaultValue("true") boolean enabled, @DefaultValue("60s") Duration policyRefresh,
			@DefaultValue("2s") Duration sendInterval, @DefaultValue("10000") @Min(1) int maxQueued,
			@DefaultValue @Valid MinimumDuration minimumDuration) {

		public Trend {
			if (policyRefresh.isNegative() || policyRefresh.isZero() || sendInterval.isNegative()
					|| sendInterval.isZero()) {
				throw new IllegalArgumentException("pepper.receiver.trend durations must be positive");
			}
		}

	}

	/**
	 * How long a drop must last before the trend detector reports it, per sensitivity; at
	 * least 5 minutes, and HIGH no longer than MEDIUM, MEDIUM no longer than LOW.
	 *
	 * @param low for LOW
	 * @param medium for MEDIUM
	 * @param high for HIGH
	 */
	public record MinimumDuration(@DefaultValue("45m") Duration low, @DefaultValue("30m") Duration medium,
			@DefaultValue("20m") Duration high) {

		public MinimumDuration {
			for (Duration duration : List.of(low, medium, high)) {
				if (duration.compareTo(Duration.ofMinutes(5)) < 0) {
					throw new IllegalArgumentException(
							"pepper.receiver.trend.minimum-duration must be at least 5m but was " + duration);
				}
			}
			if (high.compareTo(medium) > 0 || medium.compareTo(low) > 0) {
				throw new IllegalArgumentException(
						"pepper.receiver.trend.minimum-duration must not be longer for a higher sensitivity: high "
								+ high + ", medium " + medium + ", low " + low);
			}
		}

	}

	/**
	 * Forwarding the successful checks of the endpoints failure-service follows (an open
	 * incident or an unconfirmed failure streak), so it can resolve them.
	 *
	 * @param pollInterval how often the followed endpoints are fetched again
	 * @param sendInterval the pause between deliveries, and the first pause after a
	 * failed one; it doubles per failure up to 30s
	 * @param maxQueued how many undelivered batches are kept; the oldest go first
	 */
	public record Recovery(@DefaultValue("5s") Duration pollInterval, @DefaultValue("1s") Duration sendInterval,
			@DefaultValue("10000") @Min(1) int maxQueued) {

		public Recovery {
			if (pollInterval.isNegative() || pollInterval.isZero() || sendInterval.isNegative()
					|| sendInterval.isZero()) {
				throw new IllegalArgumentException("pepper.receiver.recovery durations must be positive");
			}
		}

	}

	/**
	 * How hourly and daily rollups are kept up to date.
	 *
	 * @param grace how long after an hour's end its bucket is still updated
	 * incrementally; a check arriving later recomputes the bucket from the raw checks
	 * @param cacheBuckets how many of the rollup buckets it wrote an instance keeps in
	 * memory, so that updating one needs no read; only when this instance is the only one
	 * writing to the store, 0 (off) otherwise
	 */
	public record Rollups(@DefaultValue("15m") Duration grace, @DefaultValue("0") @Min(0) int cacheBuckets) {

		public Rollups {
			if (grace.isNegative()) {
				throw new IllegalArgumentException(
						"pepper.receiver.rollups.grace must not be negative but was " + grace);
			}
		}

	}

	/**
	 * How the results stream is drained into the metric store.
	 *
	 * @param workers how many workers this instance runs, each a consumer of the group
	 * @param batchSize how many results one store write takes at most: entries are read
	 * until they hold this many (an entry is never split)
	 * @param linger how long a worker waits for more entries to fill a batch once it has
	 * some
	 */
	public record Worker(@DefaultValue("1") @Min(1) @Max(64) int workers,
			@DefaultValue("500") @Min(1) @Max(100000) int batchSize, @DefaultValue("100ms") Duration linger) {

		public Worker {
			if (linger.isNegative()) {
				throw new IllegalArgumentException(
						"pepper.receiver.worker.linger must not be negative but was " + linger);
			}
		}

		public static Worker defaults() {
			return new Worker(1, 500, Duration.ofMillis(100));
		}

		/** One worker storing each entry in a write of its own. */
		public static Worker unbatched() {
			return new Worker(1, 1, Duration.ZERO);
		}

	}

	/** The Redis stream that holds accepted batches until a worker stored them. */
	public String resultsStream() {
		return this.redisKeyPrefix + "results";
	}

	/** The Redis stream of entries that could not be stored, each with its error. */
	public String deadLetterStream() {
		return this.redisKeyPrefix + "results-dead";
	}

	/**
	 * The InfluxDB metric store.
	 *
	 * @param url base URL of the server
	 * @param database InfluxQL database written to and read from
	 * @param retentionPolicy retention policy within the database
	 * @param token API token (2.x/3.x), or {@code username:password} for 1.x; empty for
	 * none
	 * @param v1Compat rewrite WriteApi's {@code /api/v2/write} to 1.x {@code /write}, for
	 * InfluxDB 1.x older than 1.8
	 * @param createDatabase run {@code CREATE DATABASE} when the worker starts (1.x)
	 * @param timeout connect, read and write timeout of one request
	 */
	public record Influx(@DefaultValue("http://localhost:8086") @NotNull URI url,
			@DefaultValue("pepper") @Pattern(regexp = "[A-Za-z0-9_.-]+",
					message = "must be letters, digits, '_', '.' or '-'") String database,
			@DefaultValue("autogen") @Pattern(regexp = "[A-Za-z0-9_.-]+",
					message = "must be letters, digits, '_', '.' or '-'") String retentionPolicy,
			@Nullable String token, @DefaultValue("false") boolean v1Compat,
			@DefaultValue("true") boolean createDatabase, @DefaultValue("10s") Duration timeout,
			@DefaultValue("pepper_hourly") @Pattern(regexp = "[A-Za-z0-9_.-]+",
					message = "must be letters, digits, '_', '.' or '-'") String hourlyRetentionPolicy,
			@DefaultValue("pepper_daily") @Pattern(regexp = "[A-Za-z0-9_.-]+",
					message = "must be letters, digits, '_', '.' or '-'") String dailyRetentionPolicy) {

		/**
		 * Every resolution in one retention policy, kept as long as the longest needs.
		 */
		public Influx(URI url, String database, String retentionPolicy, @Nullable String token, boolean v1Compat,
				boolean createDatabase, Duration timeout) {
			this(url, database, retentionPolicy, token, v1Compat, createDatabase, timeout, retentionPolicy,
					retentionPolicy);
		}

		@ConstructorBinding
		public Influx {
			String scheme = url.getScheme();
			if (!("http".equals(scheme) || "https".equals(scheme)) || url.getHost() == null) {
				throw new IllegalArgumentException(
						"pepper.receiver.influx.url must be an absolute http or https URL but was " + url);
			}
			if (timeout.isNegative() || timeout.isZero()) {
				throw new IllegalArgumentException(
						"pepper.receiver.influx.timeout must be positive but was " + timeout);
			}
		}

		/** The WriteApi bucket that InfluxDB maps to database and retention policy. */
		public String bucket() {
			return this.database + "/" + this.retentionPolicy;
		}

	}

	/**
	 * The results stream and its workers.
	 *
	 * @param group the consumer group all receiver instances share
	 * @param consumerName this instance's consumer name; empty for a generated, unique
	 * one
	 * @param readCount the most entries one read takes
	 * @param block how long one read waits for new entries
	 * @param retryBackoff the pause after a first failure; doubles per further failure
	 * @param maxRetryBackoff the longest pause between retries
	 * @param claimIdle how long an entry stays unacknowledged before another worker
	 * claims it, e.g. because its worker died
	 * @param maxDeliveries how many times an entry is delivered before it goes to the
	 * dead-letter stream
	 * @param maxLength the stream length above which acknowledged entries are trimmed
	 * @param deadLetterMaxLength about how many entries the dead-letter stream keeps
	 * @param housekeepingInterval how often a worker claims idle entries and trims the
	 * stream
	 */
	public record Queue(@DefaultValue("writers") @NotBlank String group, @Nullable String consumerName,
			@DefaultValue("50") @Min(1) @Max(1000) int readCount, @DefaultValue("1s") Duration block,
			@DefaultValue("1s") Duration retryBackoff, @DefaultValue("30s") Duration maxRetryBackoff,
			@DefaultValue("60s") Duration claimIdle, @DefaultValue("5") @Min(1) @Max(1000) int maxDeliveries,
			@DefaultValue("1000") @Min(1) long maxLength, @DefaultValue("10000") @Min(1) long deadLetterMaxLength,
			@DefaultValue("5s") Duration housekeepingInterval) {

		public Queue {
			requirePositive(block, "block");
			requirePositive(retryBackoff, "retry-backoff");
			requirePositive(maxRetryBackoff, "max-retry-backoff");
			requirePositive(claimIdle, "claim-idle");
			requirePositive(housekeepingInterval, "housekeeping-interval");
			if (maxRetryBackoff.compareTo(retryBackoff) < 0) {
				throw new IllegalArgumentException("pepper.receiver.queue.max-retry-backoff (" + maxRetryBackoff
						+ ") must not be shorter than retry-backoff (" + retryBackoff + ")");
			}
		}

		private static void requirePositive(Duration value, String name) {
			if (value.isNegative() || value.isZero()) {
				throw new IllegalArgumentException(
						"pepper.receiver.queue." + name + " must be positive but was " + value);
			}
		}

	}

	/**
	 * The latest check of every endpoint at every location as gauges at
	 * {@code /actuator/prometheus}, refreshed from the metric store; names and
	 * organizations come from admin-app's alerting snapshot, so {@code admin-url} is
	 * needed.
	 *
	 * @param enabled serve the check gauges
	 * @param refresh how often they are computed again (and the snapshot fetched)
	 * @param phases also serve one series per phase (DNS, connect, TLS, first byte)
	 * @param maxSeries the most series served; endpoints beyond are left out, and logged
	 */
	public record Metrics(@DefaultValue("true") boolean enabled, @DefaultValue("60s") Duration refresh,
			@DefaultValue("true") boolean phases, @DefaultValue("250000") @Min(1) int maxSeries) {

		public Metrics {
			if (refresh.compareTo(Duration.ofSeconds(1)) < 0) {
				throw new IllegalArgumentException(
						"pepper.receiver.metrics.refresh must be at least 1s but was " + refresh);
			}
		}

	}

}
