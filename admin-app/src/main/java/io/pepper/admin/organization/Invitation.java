package io.pepper.admin.organization;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.jspecify.annotations.Nullable;

/**
 * An invitation to join an organization, sent by mail as a link. Only the digest of the
 * link's secret is kept; the link works once and expires.
 */
@Entity
@Table(name = "invitations")
public class Invitation {

	@Id
	@GeneratedValue(strategy = GenerationType.UUID)
	private @Nullable UUID id;

	@Column(name = "organization_id", nullable = false, updatable = false)
	private UUID organizationId;

	@Column(nullable = false, updatable = false)
	private String email;

	@Enumerated(EnumType.STRING)
	@Column(nullable = false, updatable = false)
	private Role role;

	@Column(name = "token_sha256", nullable = false, unique = true, updatable = false)
	private String tokenSha256;

	@Column(name = "invited_by", updatable = false)
	private @Nullable UUID invitedBy;

	@Column(name = "created_at", nullable = false, updatable = false)
	private Instant createdAt;

	@Column(name = "expires_at", nullable = false, updatable = false)
	private Instant expiresAt;

	@Column(name = "accepted_at")
	private @Nullable Instant acceptedAt;

	@Column(name = "accepted_by")
	private @Nullable UUID acceptedBy;

	protected Invitation() {
		this(new UUID(0, 0), "", Role.VIEWER, "", null, Instant.EPOCH);
	}

	Invitation(UUID organizationId, String email, Role role, String tokenSha256, @Nullable UUID invitedBy,
			Instant expiresAt) {
		this.organizationId = organizationId;
		this.email = email;
		this.role = role;
		this.tokenSha256 = tokenSha256;
		this.invitedBy = invitedBy;
		this.createdAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
		this.expiresAt = expiresAt;
	}

	public UUID getId() {
		if (this.id == null) {
			throw new IllegalStateException("Invitation for " + this.email + " is not saved yet");
		}
		return this.id;
	}

	public UUID getOrganizationId() {
		return this.organizationId;
	}

	public String getEmail() {
		return this.email;
	}

	public Role getRole() {
		return this.role;
	}

	public Instant getCreatedAt() {
		return this.createdAt;
	}

	public Instant getExpiresAt() {
		return this.expiresAt;
	}

	public boolean isUsable(Instant now) {
		return this.acceptedAt == null && now.isBefore(this.expiresAt);
	}

	/** Spends the invitation; a spent or expired one cannot be accepted. */
	void accept(UUID userId, Instant now) {
		if (!isUsable(now)) {
			throw new IllegalStateException("Invitation " + this.id + " is spent or expired");
		}
		this.acceptedAt = now;
		this.acceptedBy = userId;
	}

}
