package io.pepper.admin.user;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.jspecify.annotations.Nullable;

/** A person; emails are stored lower-cased so look-ups ignore case. */
@Entity
@Table(name = "users")
public class User {

	@Id
	@GeneratedValue(strategy = GenerationType.UUID)
	private @Nullable UUID id;

	@Column(nullable = false, unique = true)
	private String email;

	@Column(name = "password_hash")
	private @Nullable String passwordHash;

	@Column(name = "created_at", nullable = false, updatable = false)
	private Instant createdAt;

	protected User() {
		this.email = "";
		this.createdAt = Instant.EPOCH;
	}

	public User(String email) {
		this.email = normalize(email);
		this.createdAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
	}

	public static String normalize(String email) {
		return email.trim().toLowerCase(Locale.ROOT);
	}

	public UUID getId() {
		if (this.id == null) {
			throw new IllegalStateException("User " + this.email + " is not saved yet");
		}
		return this.id;
	}

	public String getEmail() {
		return this.email;
	}

	public @Nullable String getPasswordHash() {
		return this.passwordHash;
	}

	public boolean hasPassword() {
		return this.passwordHash != null;
	}

	/** Sets the password; {@code passwordHash} comes from the configured encoder. */
	public void setPasswordHash(String passwordHash) {
		this.passwordHash = passwordHash;
	}

	public Instant getCreatedAt() {
		return this.createdAt;
	}

}
