package io.pepper.admin.endpoint;

import java.net.URI;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.pepper.contracts.v1.BodyAssertion;
import io.pepper.contracts.v1.CheckKind;
import io.pepper.contracts.v1.CheckSettings;
import io.pepper.contracts.v1.EndpointSpec;
import io.pepper.contracts.v1.HttpMethod;
import io.pepper.contracts.v1.HttpVersion;
import io.pepper.contracts.v1.StatusRange;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.ColumnTransformer;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import org.jspecify.annotations.Nullable;

/**
 * An endpoint (HTTP, TCP, DNS or TLS) one organization monitors from one or more
 * locations.
 */
@Entity
@Table(name = "endpoints")
public class Endpoint {

	@Id
	@GeneratedValue(strategy = GenerationType.UUID)
	private @Nullable UUID id;

	@Column(name = "organization_id", nullable = false, updatable = false)
	private UUID organizationId;

	@Column(nullable = false)
	private String name;

	@Column(nullable = false)
	private String url;

	@Enumerated(EnumType.STRING)
	@Column(nullable = false)
	private HttpMethod method;

	// The driver sends text; the cast lets PostgreSQL store it as jsonb.
	@Convert(converter = JsonColumns.Headers.class)
	@ColumnTransformer(write = "?::jsonb")
	@Column(nullable = false)
	private Map<String, String> headers;

	private @Nullable String body;

	@Convert(converter = JsonColumns.StatusRanges.class)
	@ColumnTransformer(write = "?::jsonb")
	@Column(name = "expected_status", nullable = false)
	private List<StatusRange> expectedStatus;

	@Convert(converter = JsonColumns.Assertions.class)
	@ColumnTransformer(write = "?::jsonb")
	@Column(nullable = false)
	private List<BodyAssertion> assertions;

	@Column(name = "timeout_ms", nullable = false)
	private int timeoutMs;

	@Column(name = "follow_redirects", nullable = false)
	private boolean followRedirects;

	@Enumerated(EnumType.STRING)
	@Column(name = "http_version", nullable = false)
	private HttpVersion httpVersion;

	@Enumerated(EnumType.STRING)
	@Column(nullable = false)
	private CheckKind kind;

	@Convert(converter = JsonColumns.Settings.class)
	@ColumnTransformer(write = "?::jsonb")
	@Column(name = "check_settings")
	private @Nullable CheckSettings checkSettings;

	@Column(name = "apdex_threshold_ms", nullable = false)
	private int apdexThresholdMs;

	@Column(name = "interval_seconds", nullable = false)
	private int intervalSeconds;

	@Column(nullable = false)
	private boolean enabled;

	@JdbcTypeCode(SqlTypes.ARRAY)
	@Column(nullable = false)
	private String[] locations;

	@JdbcTypeCode(SqlTypes.ARRAY)
	@Column(nullable = false)
	private String[] tags;

	@Column(name = "created_at", nullable = false, updatable = false)
	private Instant createdAt;

	@Column(name = "updated_at", nullable = false)
	private Instant updatedAt;

	protected Endpoint() {
		this.organizationId = new UUID(0, 0);
		this.name = "";
		this.url = "";
		this.method = HttpMethod.GET;
		this.httpVersion = HttpVersion.AUTO;
		this.kind = CheckKind.HTTP;
		this.headers = Map.of();
		this.expectedStatus = List.of();
		this.assertions = List.of();
		this.locations = new String[0];
		this.tags = new String[0];
		this.createdAt = Instant.EPOCH;
		this.updatedAt = Instant.EPOCH;
	}

	@SuppressWarnings("NullAway.Init") // apply() sets every setting
	Endpoint(UUID organizationId, EndpointSettings settings) {
		this.organizationId = organizationId;
		this.createdAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
		apply(settings, this.createdAt);
	}

	void apply(EndpointSettings settings, Instant now) {
		this.name = settings.name();
		this.url = settings.url().toString();
		this.method = settings.method();
		this.headers = settings.headers();
		this.body = settings.body();
		this.expectedStatus = settings.expectedStatus();
		this.assertions = settings.assertions();
		this.timeoutMs = settings.timeoutMs();
		this.followRedirects = settings.followRedirects();
		this.httpVersion = settings.httpVersion();
		this.kind = settings.kind();
		this.checkSettings = settings.settings();
		this.apdexThresholdMs = settings.apdexThresholdMs();
		this.intervalSeconds = settings.intervalSeconds();
		this.enabled = settings.enabled();
		this.locations = settings.locations().toArray(String[]::new);
		this.tags = settings.tags().toArray(String[]::new);
		this.updatedAt = now;
	}

	/** Replaces every setting. */
	void update(EndpointSettings settings) {
		apply(settings, Instant.now().truncatedTo(ChronoUnit.MICROS));
	}

	/** Stops probes checking it; pausing a paused endpoint changes nothing. */
	boolean pause() {
		return setEnabled(false);
	}

	/** Lets probes check it again; resuming an active endpoint changes nothing. */
	boolean resume() {
		return setEnabled(true);
	}

	private boolean setEnabled(boolean enabled) {
		if (this.enabled == enabled) {
			return false;
		}
		this.enabled = enabled;
		this.updatedAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
		return true;
	}

	public UUID getId() {
		if (this.id == null) {
			throw new IllegalStateException("Endpoint " + this.name + " is not saved yet");
		}
		return this.id;
	}

	public UUID getOrganizationId() {
		return this.organizationId;
	}

	public String getName() {
		return this.name;
	}

	public EndpointSettings getSettings() {
		return new EndpointSettings(this.name, URI.create(this.url), this.method, this.headers, this.body,
				this.expectedStatus, this.assertions, this.timeoutMs, this.followRedirects, this.apdexThresholdMs,
				this.intervalSeconds, this.enabled, List.of(this.locations), List.of(this.tags), this.httpVersion,
				this.kind, this.checkSettings);
	}

	public Instant getCreatedAt() {
		return this.createdAt;
	}

	public Instant getUpdatedAt() {
		return this.updatedAt;
	}

	/** What a probe receives for this endpoint. */
	public EndpointSpec toSpec() {
		return getSettings().toSpec(getId(), this.organizationId);
	}

}
