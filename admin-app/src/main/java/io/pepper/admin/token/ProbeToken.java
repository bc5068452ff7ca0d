package io.pepper.admin.token;

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

/** A token probes use to fetch endpoint lists; only its digest is kept. */
@Entity
@Table(name = "probe_tokens")
public class ProbeToken {

	@Id
	@GeneratedValue(strategy = GenerationType.UUID)
	private @Nullable UUID id;

	@Column(nullable = false)
	private String name;

	@Column(name = "token_sha256", nullable = false, unique = true, updatable = false)
	private String tokenSha256;

	@Column(name = "created_at", nullable = false, updatable = false)
	private Instant createdAt;

	protected ProbeToken() {
		this("", "");
	}

	public ProbeToken(String name, String tokenSha256) {
		this.name = name;
		this.tokenSha256 = tokenSha256;
		this.createdAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
	}

	public @Nullable UUID getId() {
		return this.id;
	}

	public String getName() {
		return this.name;
	}

	public String getTokenSha256() {
		return this.tokenSha256;
	}

	public Instant getCreatedAt() {
		return this.createdAt;
	}

}
