package io.pepper.contracts.v1;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import java.util.regex.Pattern;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;

/**
 * One check of one endpoint from one location. Its identity is endpoint, location and
 * scheduled time: a replayed result overwrites, it does not duplicate.
 *
 * @param endpointId the endpoint checked
 * @param organizationId the organization that owns it
 * @param location where the check ran
 * @param scheduledAt the slot the check belongs to
 * @param startedAt when the request actually started
 * @param timings per-phase durations
 * @param status the HTTP status, or null when no response arrived
 * @param bytes body bytes read (capped by the probe)
 * @param tlsCertExpiresAt when the server certificate expires, for https
 * @param outcome what the check found and why
 * @param apdexThresholdMs the endpoint's Apdex threshold T at the time of the check
 * @param apdex how the check counts towards Apdex for that T
 * @param protocol the HTTP protocol spoken, as its ALPN id ({@code http/1.1},
 * {@code h2}); null when no connection got that far, or from a sender that does not
 * report it
 */
public record CheckResult(UUID endpointId, UUID organizationId, String location, Instant scheduledAt, Instant startedAt,
		PhaseTimings timings, @Nullable Integer status, @JsonProperty(required = true) long bytes,
		@Nullable Instant tlsCertExpiresAt, Outcome outcome, @JsonProperty(required = true) int apdexThresholdMs,
		ApdexClass apdex, @Nullable String protocol) {

	/**
	 * The earliest check time the wire takes: no check ran before the epoch.
	 */
	public static final Instant EARLIEST = Instant.EPOCH;

	/**
	 * The latest check time the wire takes: InfluxDB keeps times as signed 64-bit
	 * nanoseconds since the epoch, which end here.
	 */
	public static final Instant LATEST = Instant.ofEpochSecond(0, Long.MAX_VALUE).truncatedTo(ChronoUnit.MILLIS);

	/**
	 * Certificates without a real end say 9999-12-31 (RFC 5280); no store goes further.
	 */
	public static final Instant LATEST_CERT_EXPIRY = Instant.parse("9999-12-31T23:59:59Z");

	private static final Pattern PROTOCOL = Pattern.compile("[a-z0-9][a-z0-9./-]{0,31}");

	public CheckResult {
		Require.present(endpointId, "endpointId");
		Require.present(organizationId, "organizationId");
		Require.text(location, "location");
		Require.within(Require.present(scheduledAt, "scheduledAt"), EARLIEST, LATEST, "scheduledAt");
		Require.within(Require.present(startedAt, "startedAt"), EARLIEST, LATEST, "startedAt");
		if (tlsCertExpiresAt != null) {
			Require.within(tlsCertExpiresAt, Instant.EPOCH, LATEST_CERT_EXPIRY, "tlsCertExpiresAt");
		}
		Require.present(timings, "timings");
		if (status != null) {
			Require.between(status, 100, 599, "status");
		}
		Require.atLeast(bytes, 0, "bytes");
		Require.present(outcome, "outcome");
		Require.between(apdexThresholdMs, 1, EndpointSpec.MAX_TIMEOUT_MS, "apdexThresholdMs");
		Require.present(apdex, "apdex");
		if (!outcome.isUp() && apdex != ApdexClass.FRUSTRATED) {
			throw new IllegalArgumentException("apdex of a failed check must be FRUSTRATED but was " + apdex);
		}
		if (protocol != null && !PROTOCOL.matcher(protocol).matches()) {
			throw new IllegalArgumentException(
					"protocol must be an ALPN protocol id such as http/1.1 or h2 but was '" + protocol + "'");
		}
	}

	/** A result that does not say which protocol was spoken. */
	public CheckResult(UUID endpointId, UUID organizationId, String location, Instant scheduledAt, Instant startedAt,
			PhaseTimings timings, @Nullable Integer status, long bytes, @Nullable Instant tlsCertExpiresAt,
			Outcome outcome, int apdexThresholdMs, ApdexClass apdex) {
		this(endpointId, organizationId, location, scheduledAt, startedAt, timings, status, bytes, tlsCertExpiresAt,
				outcome, apdexThresholdMs, apdex, null);
	}

}
