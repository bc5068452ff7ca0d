package io.pepper.admin.channel;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

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
 * Where an organization's alerts go. Secrets are held only sealed (see
 * {@link io.pepper.admin.secret.SecretBox}), beside the masks people are shown.
 */
@Entity
@Table(name = "notification_channels")
public class NotificationChannel {

	@Id
	private UUID id;

	@Column(name = "organization_id", nullable = false, updatable = false)
	private UUID organizationId;

	@Column(nullable = false)
	private String name;

	@Enumerated(EnumType.STRING)
	@Column(nullable = false, updatable = false)
	private ChannelType type;

	@JdbcTypeCode(SqlTypes.ARRAY)
	@Column(nullable = false)
	private String[] addresses;

	@Column(name = "url_encrypted")
	private @Nullable String urlEncrypted;

	@Column(name = "url_hint")
	private @Nullable String urlHint;

	@Column(name = "signing_secret_encrypted")
	private @Nullable String signingSecretEncrypted;

	@Column(name = "signing_secret_hint")
	private @Nullable String signingSecretHint;

	@Column(name = "api_url")
	private @Nullable String apiUrl;

	@Column(name = "chat_id")
	private @Nullable String chatId;

	@Column(name = "token_encrypted")
	private @Nullable String tokenEncrypted;

	@Column(name = "token_hint")
	private @Nullable String tokenHint;

	@Column(name = "created_at", nullable = false, updatable = false)
	private Instant createdAt;

	@Column(name = "updated_at", nullable = false)
	private Instant updatedAt;

	protected NotificationChannel() {
		this.id = new UUID(0, 0);
		this.organizationId = this.id;
		this.name = "";
		this.type = ChannelType.EMAIL;
		this.addresses = new String[0];
		this.createdAt = Instant.EPOCH;
		this.updatedAt = Instant.EPOCH;
	}

	NotificationChannel(UUID organizationId, ChannelType type) {
		this();
		this.id = UUID.randomUUID();
		this.organizationId = organizationId;
		this.type = type;
		this.createdAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
		this.updatedAt = this.createdAt;
	}

	void rename(String name) {
		this.name = name;
	}

	void setAddresses(List<String> addresses) {
		this.addresses = addresses.toArray(String[]::new);
	}

	void setUrl(String sealed, String hint) {
		this.urlEncrypted = sealed;
		this.urlHint = hint;
	}

	void setSigningSecret(String sealed, String hint) {
		this.signingSecretEncrypted = sealed;
		this.signingSecretHint = hint;
	}

	void setApiUrl(@Nullable String apiUrl) {
		this.apiUrl = apiUrl;
	}

	void setChatId(@Nullable String chatId) {
		this.chatId = chatId;
	}

	void setToken(@Nullable String sealed, @Nullable String hint) {
		this.tokenEncrypted = sealed;
		this.tokenHint = hint;
	}

	void touch() {
		this.updatedAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
	}

	/** Associated data binding a sealed field to this channel. */
	String context(String field) {
		return "channel:" + this.id + ":" + field;
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

	public ChannelType getType() {
		return this.type;
	}

	public List<String> getAddresses() {
		return List.of(this.addresses);
	}

	public @Nullable String getUrlEncrypted() {
		return this.urlEncrypted;
	}

	public @Nullable String getUrlHint() {
		return this.urlHint;
	}

	public @Nullable String getSigningSecretEncrypted() {
		return this.signingSecretEncrypted;
	}

	public @Nullable String getSigningSecretHint() {
		return this.signingSecretHint;
	}

	/** The vendor API's base as set, or null for the vendor's own. */
	public @Nullable String getApiUrl() {
		return this.apiUrl;
	}

	public @Nullable String getChatId() {
		return this.chatId;
	}

	public @Nullable String getTokenEncrypted() {
		return this.tokenEncrypted;
	}

	public @Nullable String getTokenHint() {
		return this.tokenHint;
	}

	public Instant getCreatedAt() {
		return this.createdAt;
	}

	public Instant getUpdatedAt() {
		return this.updatedAt;
	}

}
