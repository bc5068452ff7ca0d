package io.pepper.admin.signup;

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
 * A sign-up waiting for its confirmation link: nothing exists for the email until the
 * link, sent to it, is followed. The password is already hashed.
 */
@Entity
@Table(name = "signups")
class PendingSignup {

	@Id
	@GeneratedValue(strategy = GenerationType.UUID)
	private @Nullable UUID id;

	@Column(name = "token_sha256", nullable = false, unique = true, updatable = false)
	private String tokenSha256;

	@Column(nullable = false, updatable = false)
	private String email;

	@Column(name = "password_hash", nullable = false, updatable = false)
	private String passwordHash;

	@Column(name = "organization_name", nullable = false, updatable = false)
	private String organizationName;

	@Column(name = "created_at", nullable = false, updatable = false)
	private Instant createdAt;

	@Column(name = "expires_at", nullable = false, updatable = false)
	private Instant expiresAt;

	protected PendingSignup() {
		this("", "", "", "", Instant.EPOCH);
	}

	PendingSignup(String tokenSha256, String email, String passwordHash, String organizationName, Instant expiresAt) {
		this.tokenSha256 = tokenSha256;
		this.email = email;
		this.passwordHash = passwordHash;
		this.organizationName = organizationName;
		this.createdAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
		this.expiresAt = expiresAt;
	}

	String getEmail() {
		return this.email;
	}

	String getPasswordHash() {
		return this.passwordHash;
	}

	String getOrganizationName() {
		return this.organizationName;
	}

	boolean isExpired(Instant now) {
		return !now.isBefore(this.expiresAt);
	}

}
