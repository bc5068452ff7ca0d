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

/**
 * A personal API token of one user, scoped to one organization; only its digest is kept.
 */
@Entity
@Table(name = "api_tokens")
public class ApiToken {

	@Id
	@GeneratedValue(strategy = GenerationType.UUID)
	private @Nullable UUID id;

	@Column(name = "user_id", nullable = false, updatable = false)
	private UUID userId;

	@Column(name = "organization_id", nullable = false, updatable = false)
	private UUID organizationId;

	@Column(name = "token_sha256", nullable = false, unique = true, updatable = false)
	private String tokenSha256;

	@Column(nullable = false)
	private String name;

	@Column(name = "created_at", nullable = false, updatable = false)
	private Instant createdAt;

	@Column(name = "last_used_at")
	private @Nullable Instant lastUsedAt;

	@Column(name = "token_hint", updatable = false)
	private @Nullable String tokenHint;

	protected ApiToken() {
		this(new UUID(0, 0), new UUID(0, 0), "", "");
	}

	public ApiToken(UUID userId, UUID organizationId, String tokenSha256, String name) {
		this.userId = userId;
		this.organizationId = organizationId;
		this.tokenSha256 = tokenSha256;
		this.name = name;
		this.createdAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
	}

	/** A token made through the API, with the last characters people are shown. */
	public ApiToken(UUID userId, UUID organizationId, String tokenSha256, String name, String tokenHint) {
		this(userId, organizationId, tokenSha256, name);
		this.tokenHint = tokenHint;
	}

	public @Nullable String getTokenHint() {
		return this.tokenHint;
	}

	public @Nullable UUID getId() {
		return this.id;
	}

	public UUID getUserId() {
		return this.userId;
	}

	public UUID getOrganizationId() {
		return this.organizationId;
	}

	public String getTokenSha256() {
		return this.tokenSha256;
	}

	public String getName() {
		return this.name;
	}

	public Instant getCreatedAt() {
		return this.createdAt;
	}

	public @Nullable Instant getLastUsedAt() {
		return this.lastUsedAt;
	}

}
