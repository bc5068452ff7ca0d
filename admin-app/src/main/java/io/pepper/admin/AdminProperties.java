package io.pepper.admin;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Pattern;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The admin app's settings, all under {@code pepper.admin}.
 *
 * @param bootstrap what to create on start-up; nothing when absent
 * @param serviceTokenSha256 SHA-256 hex digests of the tokens failure-service and
 * receiver-service use for the service API
 * @param secrets the key that encrypts third-party secrets at rest
 * @param channels what notification channel URLs may point at
 */
@ConfigurationProperties("pepper.admin")
@Validated
public record AdminProperties(@Valid @DefaultValue Bootstrap bootstrap,
		@DefaultValue List<@Pattern(regexp = "[0-9a-fA-F]{64}",
				message = "must be the SHA-256 hex digest of the token (64 hex digits)") String> serviceTokenSha256,
		@Valid @DefaultValue Secrets secrets, @Valid @DefaultValue Channels channels) {

	/**
	 * The first organization, its owner, tokens and locations. Each part is created only
	 * when it is missing, so restarting with the same settings changes nothing.
	 *
	 * @param organization name of the organization to create
	 * @param ownerEmail email of the organization's owner
	 * @param ownerPassword the owner's password, set only when the owner has none yet
	 * @param apiTokenSha256 SHA-256 hex digest of a personal API token of the owner,
	 * scoped to the organization
	 * @param probeTokenSha256 SHA-256 hex digest of a probe token
	 * @param locations probe locations to create
	 */
	public record Bootstrap(@Nullable String organization, @Nullable @Email String ownerEmail,
			@Nullable String ownerPassword,
			@Nullable @Pattern(regexp = "[0-9a-fA-F]{64}",
					message = "must be the SHA-256 hex digest of the token (64 hex digits)") String apiTokenSha256,
			@Nullable @Pattern(regexp = "[0-9a-fA-F]{64}",
					message = "must be the SHA-256 hex digest of the token (64 hex digits)") String probeTokenSha256,
			@DefaultValue List<@Pattern(regexp = "[a-z0-9][a-z0-9._-]{0,62}",
					message = "must be lower-case letters, digits, '.', '_' or '-'") String> locations) {

		public Bootstrap {
			organization = blankToNull(organization);
			ownerEmail = blankToNull((ownerEmail != null) ? ownerEmail.toLowerCase(Locale.ROOT) : null);
			ownerPassword = (ownerPassword == null || ownerPassword.isEmpty()) ? null : ownerPassword;
			apiTokenSha256 = blankToNull((apiTokenSha256 != null) ? apiTokenSha256.toLowerCase(Locale.ROOT) : null);
			probeTokenSha256 = blankToNull(
					(probeTokenSha256 != null) ? probeTokenSha256.toLowerCase(Locale.ROOT) : null);
			locations = locations.stream().map(String::trim).filter((name) -> !name.isEmpty()).distinct().toList();
			if (ownerEmail != null && organization == null) {
				throw new IllegalArgumentException(
						"pepper.admin.bootstrap.owner-email needs pepper.admin.bootstrap.organization");
			}
			if (apiTokenSha256 != null && (ownerEmail == null || organization == null)) {
				throw new IllegalArgumentException("pepper.admin.bootstrap.api-token-sha256 needs "
						+ "pepper.admin.bootstrap.organization and pepper.admin.bootstrap.owner-email");
			}
		}

		private static @Nullable String blankToNull(@Nullable String value) {
			if (value == null) {
				return null;
			}
			String trimmed = value.trim();
			return trimmed.isEmpty() ? null : trimmed;
		}

	}

	/**
	 * The AES-256 key that encrypts channel secrets (webhook URLs, signing secrets).
	 * Ciphertexts carry the id of their key, so a new key can be introduced while older
	 * ciphertexts stay readable with {@code previousKeys}.
	 *
	 * @param key base64 of 32 random bytes ({@code openssl rand -base64 32}); required
	 * once any secret is stored
	 * @param keyId the id written in front of new ciphertexts
	 * @param previousKeys earlier keys by id, used only to decrypt
	 */
	public record Secrets(@Nullable String key,
			@DefaultValue("k1") @Pattern(regexp = "[A-Za-z0-9_-]{1,32}",
					message = "must be 1 to 32 letters, digits, '_' or '-'") String keyId,
			@DefaultValue Map<String, String> previousKeys) {

		public Secrets {
			key = (key == null || key.isBlank()) ? null : key.strip();
			previousKeys = Map.copyOf(previousKeys);
		}

	}

	/**
	 * Where notification channels may deliver. Channel URLs must be https and must not
	 * name a loopback, private or link-local address, except for these hosts.
	 *
	 * @param allowedWebhookHosts hosts (names or literal addresses) a webhook may reach
	 * over plain http or at a private address, e.g. a receiver inside the same network
	 */
	public record Channels(@DefaultValue List<String> allowedWebhookHosts) {

		public Channels {
			allowedWebhookHosts = allowedWebhookHosts.stream()
				.map((host) -> host.strip().toLowerCase(Locale.ROOT))
				.filter((host) -> !host.isEmpty())
				.toList();
		}

	}

}
