package io.pepper.admin.maintenance;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import io.pepper.contracts.v1.MaintenanceWindowSpec;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.ColumnTransformer;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * A period without notifications for the endpoints and tags it lists, or for the whole
 * organization when it lists neither.
 */
@Entity
@Table(name = "maintenance_windows")
public class MaintenanceWindow {

	@Id
	private UUID id;

	@Column(name = "organization_id", nullable = false, updatable = false)
	private UUID organizationId;

	@Column(nullable = false)
	private String name;

	@Convert(converter = ScheduleColumn.class)
	@ColumnTransformer(write = "?::jsonb")
	@Column(nullable = false)
	private MaintenanceWindowSpec.Schedule schedule;

	@JdbcTypeCode(SqlTypes.ARRAY)
	@Column(name = "endpoint_ids", nullable = false)
	private UUID[] endpointIds;

	@JdbcTypeCode(SqlTypes.ARRAY)
	@Column(nullable = false)
	private String[] tags;

	@Column(name = "created_at", nullable = false, updatable = false)
	private Instant createdAt;

	@Column(name = "updated_at", nullable = false)
	private Instant updatedAt;

	protected MaintenanceWindow() {
		this.id = new UUID(0, 0);
		this.organizationId = this.id;
		this.name = "";
		this.schedule = new MaintenanceWindowSpec.OneOff(Instant.EPOCH, Instant.EPOCH.plusSeconds(1));
		this.endpointIds = new UUID[0];
		this.tags = new String[0];
		this.createdAt = Instant.EPOCH;
		this.updatedAt = Instant.EPOCH;
	}

	MaintenanceWindow(UUID organizationId, WindowSettings settings) {
		this();
		this.id = UUID.randomUUID();
		this.organizationId = organizationId;
		this.createdAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
		apply(settings);
	}

	void apply(WindowSettings settings) {
		this.name = settings.name();
		this.schedule = settings.schedule();
		this.endpointIds = settings.endpointIds().toArray(UUID[]::new);
		this.tags = settings.tags().toArray(String[]::new);
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

	public WindowSettings getSettings() {
		return new WindowSettings(this.name, this.schedule, List.of(this.endpointIds), List.of(this.tags));
	}

	/** Whether this window covers an endpoint with this id and these tags. */
	public boolean covers(UUID endpointId, List<String> endpointTags) {
		if (this.endpointIds.length == 0 && this.tags.length == 0) {
			return true;
		}
		return List.of(this.endpointIds).contains(endpointId)
				|| List.of(this.tags).stream().anyMatch(endpointTags::contains);
	}

	public MaintenanceWindowSpec toSpec() {
		return new MaintenanceWindowSpec(this.id, this.organizationId, this.name, this.schedule);
	}

	public Instant getCreatedAt() {
		return this.createdAt;
	}

	public Instant getUpdatedAt() {
		return this.updatedAt;
	}

}
