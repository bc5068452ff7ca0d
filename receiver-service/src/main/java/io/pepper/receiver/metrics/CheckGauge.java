package io.pepper.receiver.metrics;

import org.jspecify.annotations.Nullable;

/**
 * The gauges served per endpoint and location; the Prometheus name is the Micrometer name
 * with dots as underscores and the base unit appended, e.g.
 * {@code pepper_check_duration_seconds}.
 */
enum CheckGauge {

	UP("pepper.check.up", null, "Whether the latest check found the endpoint up (1) or not (0)"),
	DURATION("pepper.check.duration", "seconds", "Total time of the latest check, when it was up"),
	PHASE_DURATION("pepper.check.phase.duration", "seconds",
			"Time of one phase (dns, connect, tls, first_byte) of the latest check, when it was up"),
	HTTP_STATUS("pepper.check.http.status", null, "HTTP status code of the latest check, when it got an answer"),
	TLS_CERT_EXPIRY("pepper.check.tls.cert.expiry.timestamp", "seconds",
			"When the certificate the latest check saw expires, as a Unix time"),
	TIMESTAMP("pepper.check.timestamp", "seconds", "When the latest check was scheduled, as a Unix time"),
	APDEX("pepper.check.apdex", null, "Apdex score (0 to 1) of the checks within the window"),
	DURATION_P95("pepper.check.duration.p95", "seconds",
			"95th percentile of the total time of the checks that were up within the window");

	private final String name;

	private final @Nullable String unit;

	private final String help;

	CheckGauge(String name, @Nullable String unit, String help) {
		this.name = name;
		this.unit = unit;
		this.help = help;
	}

	String meterName() {
		return this.name;
	}

	@Nullable String unit() {
		return this.unit;
	}

	String help() {
		return this.help;
	}

	/** The name Prometheus sees. */
	String prometheusName() {
		return this.name.replace('.', '_') + ((this.unit != null) ? "_" + this.unit : "");
	}

}
