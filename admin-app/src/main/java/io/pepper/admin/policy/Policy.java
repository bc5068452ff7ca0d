package io.pepper.admin.policy;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import io.pepper.contracts.v1.AlertPolicy;
import io.pepper.contracts.v1.TrendSensitivity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import org.jspecify.annotations.Nullable;

/**
 * An alert policy of one organization, for one endpoint, for every endpoint with a tag,
 * or (with neither) the organization's default.
 */
@Entity
@Table(name = "alert_policies")
public class Policy {

	@Id
	private UUID id;

	@Column(name = "organization_id", nullable = false, updatable = false)
	private UUID organizationId;

	@Column(nullable = false)
	private String name;

	@Column(name = "endpoint_id")
	private @Nullable UUID endpointId;

	private @Nullable String tag;

	@Column(name = "failures_to_open", nullable = false)
	private int failuresToOpen;

	@Column(name = "locations_to_confirm", nullable = false)
	private int locationsToConfirm;

	@Column(name = "successes_to_resolve", nullable = false)
	private int successesToResolve;

	@Column(name = "apdex_floor")
	private @Nullable Double apdexFloor;

	@Enumerated(EnumType.STRING)
	@Column(name = "trend_sensitivity", nullable = false)
	private TrendSensitivity trendSensitivity;

	@Column(name = "reminder_interval_minutes")
	private @Nullable Integer reminderIntervalMinutes;

	@JdbcTypeCode(SqlTypes.ARRAY)
	@Column(name = "channel_ids", nullable = false)
	private UUID[] channelIds;

	@Column(name = "created_at", nullable = false, updatable = false)
	private Instant createdAt;

	@Column(name = "updated_at", nullable = false)
	private Instant updatedAt;

	protected Policy() {
		this.id = new UUID(0, 0);
		this.organizationId = this.id;
		this.name = "";
		this.trendSensitivity = TrendSensitivity.MEDIUM;
		this.channelIds = new UUID[0];
		this.createdAt = Instant.EPOCH;
		this.updatedAt = Instant.EPOCH;
	}

	Policy(UUID organizationId, PolicySettings settings) {
		this();
		this.id = UUID.randomUUID();
		this.organizationId = organizationId;
		this.createdAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
		apply(settings);
	}

	void apply(PolicySettings settings) {
		this.name = settings.name();
		this.endpointId = settings.endpointId();
		this.tag = settings.tag();
		AlertPolicy rules = settings.rules();
		this.failuresToOpen = rules.failuresToOpen();
		this.locationsToConfirm = rules.locationsToConfirm();
		this.successesToResolve = rules.successesToResolve();
		this.apdexFloor = rules.apdexFloor();
		this.trendSensitivity = rules.trendSensitivity();
		this.reminderIntervalMinutes = rules.reminderIntervalMinutes();
		this.channelIds = rules.channelIds().toArray(UUID[]::new);
		this.updatedAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
	}

	public UUID getId() {
		return this.id;
	}

	public UUID getOrganizationId() {
		return this.organizationId;
	}

	public String getName() {
		return this.name;
	}

	public PolicySettings getSettings() {
		return new PolicySettings(this.name, this.endpointId, this.tag, rules());
	}

	/** The rules as failure-service and receiver-service read them. */
	public AlertPolicy rules() {
		return new AlertPolicy(this.failuresToOpen, this.locationsToConfirm, this.successesToResolve, this.apdexFloor,
				this.trendSensitivity, this.reminderIntervalMinutes, List.of(this.channelIds));
	}

	public Instant getCreatedAt() {
		return this.createdAt;
	}

	public Instant getUpdatedAt() {
		return this.updatedAt;
	}

}
