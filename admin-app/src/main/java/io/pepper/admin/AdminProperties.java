package io.pepper.admin;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import io.pepper.http.ServiceClient;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The admin app's settings, all under {@code pepper.admin}.
 *
 * @param bootstrap what to create on start-up; nothing when absent
 * @param ui the web UI: links in mail, sign-in throttling, invitations
 * @param serviceTokenSha256 SHA-256 hex digests of the tokens failure-service and
 * receiver-service use for the service API
 * @param secrets the key that encrypts third-party secrets at rest
 * @param channels what notification channel URLs may point at
 * @param monitoring where the history and incident APIs the dashboards read are
 * @param operators emails of the installation's operators, the only people who create and
 * retire probe locations (shared by every organization); none by default
 */
@ConfigurationProperties("pepper.admin")
@Validated
public record AdminProperties(@Valid @DefaultValue Bootstrap bootstrap, @Valid @DefaultValue Ui ui,
		@DefaultValue List<@Pattern(regexp = "[0-9a-fA-F]{64}",
				message = "must be the SHA-256 hex digest of the token (64 hex digits)") String> serviceTokenSha256,
		@Valid @DefaultValue Secrets secrets, @Valid @DefaultValue Channels channels,
		@Valid @DefaultValue Monitoring monitoring, @DefaultValue List<@Email String> operators) {

	public AdminProperties {
		operators = operators.stream().map((email) -> email.strip().toLowerCase(Locale.ROOT)).distinct().toList();
	}

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
	 * The web UI.
	 *
	 * @param baseUrl the address people reach the UI at; links in mail start with it
	 * (never taken from a request's Host header, which a caller controls)
	 * @param mailFrom the sender of sign-up and invitation mail
	 * @param redisKeyPrefix prefix of the Redis keys the UI keeps (sign-in throttling);
	 * sessions use {@code spring.session.data.redis.namespace}
	 * @param signupTtl how long a sign-up confirmation link stays valid
	 * @param invitationTtl how long an invitation link stays valid
	 * @param login sign-in throttling
	 */
	public record Ui(@DefaultValue("http://localhost:8080") URI baseUrl,
			@DefaultValue("pepper@localhost") @Email String mailFrom,
			@DefaultValue("pepper:admin:") @NotBlank String redisKeyPrefix, @DefaultValue("24h") Duration signupTtl,
			@DefaultValue("7d") Duration invitationTtl, @Valid @DefaultValue Login login) {

		public Ui {
			String url = baseUrl.toString();
			if (!url.startsWith("http://") && !url.startsWith("https://")) {
				throw new IllegalArgumentException("pepper.admin.ui.base-url must be an http or https URL");
			}
			if (url.endsWith("/")) {
				baseUrl = URI.create(url.substring(0, url.length() - 1));
			}
		}

	}

	/**
	 * Sign-in throttling: after {@code accountFailures} failed sign-ins for one email
	 * within {@code window} (or {@code ipFailures} from one address), each further
	 * failure refuses sign-in for a delay that doubles from {@code firstDelay} up to
	 * {@code maxDelay}. Nobody is locked out for good, and a refusal reads exactly like a
	 * wrong password.
	 *
	 * @param accountFailures failures per email before delays start
	 * @param ipFailures failures per client address before delays start
	 * @param window how long failures are remembered
	 * @param firstDelay the first refusal period
	 * @param maxDelay the longest refusal period
	 */
	public record Login(@DefaultValue("5") @Min(1) int accountFailures, @DefaultValue("50") @Min(1) int ipFailures,
			@DefaultValue("15m") Duration window, @DefaultValue("2s") Duration firstDelay,
			@DefaultValue("15m") Duration maxDelay) {

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

	/**
	 * receiver-service's history API and failure-service's incident API, which the
	 * dashboards read. The tokens stay in admin-app: browsers never see them. Without a
	 * URL the pages say that history (or incidents) are unavailable.
	 *
	 * @param receiverUrl receiver-service's base URL
	 * @param receiverToken a token whose digest is in receiver-service's
	 * {@code query-token-sha256}
	 * @param failureUrl failure-service's base URL
	 * @param failureToken a token whose digest is in failure-service's
	 * {@code service-token-sha256}
	 * @param connectTimeout how long connecting to either may take
	 * @param readTimeout how long an answer may take; a page waits no longer
	 */
	public record Monitoring(@Nullable URI receiverUrl, @Nullable String receiverToken, @Nullable URI failureUrl,
			@Nullable String failureToken, @DefaultValue("2s") Duration connectTimeout,
			@DefaultValue("5s") Duration readTimeout) {

		public Monitoring {
			ServiceClient.requireBaseUrl(receiverUrl, "pepper.admin.monitoring.receiver-url");
			ServiceClient.requireBaseUrl(failureUrl, "pepper.admin.monitoring.failure-url");
			if (connectTimeout.isNegative() || connectTimeout.isZero() || readTimeout.isNegative()
					|| readTimeout.isZero()) {
				throw new IllegalArgumentException(
						"pepper.admin.monitoring.connect-timeout and read-timeout must be positive");
			}
			if (receiverUrl != null && (receiverToken == null || receiverToken.isBlank())) {
				throw new IllegalArgumentException(
						"pepper.admin.monitoring.receiver-url needs pepper.admin.monitoring.receiver-token");
			}
			if (failureUrl != null && (failureToken == null || failureToken.isBlank())) {
				throw new IllegalArgumentException(
						"pepper.admin.monitoring.failure-url needs pepper.admin.monitoring.failure-token");
			}
		}

	}

}
