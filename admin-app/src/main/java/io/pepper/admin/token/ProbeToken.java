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

	@Column(name = "organization_id", updatable = false)
	private @Nullable UUID organizationId;

	@Column(name = "token_hint", updatable = false)
	private @Nullable String tokenHint;

	protected ProbeToken() {
		this("", "");
	}

	/** A token of the whole installation: it sees every organization's endpoints. */
	public ProbeToken(String name, String tokenSha256) {
		this.name = name;
		this.tokenSha256 = tokenSha256;
		this.createdAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
	}

	/** A token of one organization: it sees only that organization's endpoints. */
	public ProbeToken(UUID organizationId, String name, String tokenSha256, String tokenHint) {
		this(name, tokenSha256);
		this.organizationId = organizationId;
		this.tokenHint = tokenHint;
	}

	public @Nullable UUID getOrganizationId() {
		return this.organizationId;
	}

	public @Nullable String getTokenHint() {
		return this.tokenHint;
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
