package io.pepper.admin.location;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.jspecify.annotations.Nullable;

/**
 * A place probes check from, e.g. {@code eu-west}; endpoints name the locations they are
 * checked from.
 */
@Entity
@Table(name = "locations")
public class Location {

	@Id
	@GeneratedValue(strategy = GenerationType.UUID)
	private @Nullable UUID id;

	@Column(nullable = false, unique = true)
	private String name;

	@Column(name = "created_at", nullable = false, updatable = false)
	private Instant createdAt;

	@Column(name = "retired_at")
	private @Nullable Instant retiredAt;

	protected Location() {
		this.name = "";
		this.createdAt = Instant.EPOCH;
	}

	public Location(String name) {
		this.name = name;
		this.createdAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
	}

	public @Nullable UUID getId() {
		return this.id;
	}

	public String getName() {
		return this.name;
	}

	public Instant getCreatedAt() {
		return this.createdAt;
	}

	/** When an operator retired it; null while endpoints may choose it. */
	public @Nullable Instant getRetiredAt() {
		return this.retiredAt;
	}

	/** No endpoint may choose it from now on; retiring twice is refused. */
	public void retire(Instant at) {
		if (this.retiredAt != null) {
			throw new IllegalStateException("location '" + this.name + "' is already retired");
		}
		this.retiredAt = at.truncatedTo(ChronoUnit.MICROS);
	}

}
