package io.pepper.failure;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

import io.pepper.http.Backoff;
import io.pepper.http.ServiceClient;
import io.pepper.net.TargetPolicy;
import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Pattern;
import org.hibernate.validator.constraints.time.DurationMin;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The settings of failure-service, under {@code pepper.failure}; defaults live here.
 *
 * @param ingestTokenSha256 SHA-256 hex digests of the bearer tokens probes may post
 * failures with; at least one
 * @param mail who notification emails come from and go to
 * @param dispatchInterval how long the outbox dispatcher waits between two runs
 * @param dispatchBatchSize how many notifications one dispatcher run sends at most
 * @param dispatchMaxAttempts after this many failed deliveries a notification is given up
 * (FAILED)
 * @param dispatchRetryBackoff the wait before the first retry; it doubles per attempt
 * @param dispatchMaxRetryBackoff the longest wait between two retries
 * @param adminUrl admin-app's base URL, where policies, channels and maintenance windows
 * come from; null runs stand-alone: every endpoint gets {@code AlertPolicy.DEFAULT} and
 * {@code mail.standalone-to}
 * @param adminToken the plaintext service token admin-app accepts
 * @param adminPollInterval how often the alerting snapshot is fetched (with ETag)
 * @param httpTimeout the connect and answer timeout of every outgoing HTTP call
 * @param serviceTokenSha256 SHA-256 hex digests of the tokens admin-app and
 * receiver-service use for the incident API, successes, trend events and the
 * open-incident list; none accepted when empty
 * @param adminPublicUrl admin-app's URL as people open it, for links in notifications;
 * none when null
 * @param streakMaxGap two failures from one location count as "in a row" only when their
 * checks are at most this far apart (successes in between are not always reported)
 * @param flapping when an endpoint that keeps failing and recovering counts as flapping
 * @param sweepInterval how often reminders and the resolution of settled flapping
 * incidents are looked for
 * @param dispatchEnabled whether this instance delivers notifications (off: it only
 * queues them, another instance delivers)
 * @param receiverUrl receiver-service's base URL, where accepted failed checks are
 * forwarded so history and uptime count them; not forwarded when null
 * @param receiverToken the plaintext token receiver-service accepts
 * @param allowedTargets internal CIDR blocks or host names Slack and webhook deliveries
 * may reach anyway (e.g. {@code 127.0.0.1/32}); every other loopback, private, link-local
 * or reserved address is refused
 * @param digest when a burst of notifications to one target becomes one digest
 * @param standaloneLocations for a stand-alone install without admin-app only: the
 * locations every endpoint is checked from, its n for k of n; when empty n is unknown and
 * the default policy's k locations must agree
 */
@ConfigurationProperties("pepper.failure")
@Validated
public record FailureProperties(@NotEmpty(
		message = "must list at least one SHA-256 hex digest of a token probes post failures with") List<@Pattern(
				regexp = "[0-9a-fA-F]{64}",
				message = "must be a SHA-256 hex digest (64 hex characters), not the token itself") String> ingestTokenSha256,
		@Valid @DefaultValue Mail mail, @DefaultValue("1s") @DurationMin(millis = 10) Duration dispatchInterval,
		@DefaultValue("100") @Min(1) int dispatchBatchSize, @DefaultValue("10") @Min(1) int dispatchMaxAttempts,
		@DefaultValue("5s") @DurationMin(millis = 1) Duration dispatchRetryBackoff,
		@DefaultValue("5m") @DurationMin(millis = 1) Duration dispatchMaxRetryBackoff, @Nullable URI adminUrl,
		@Nullable String adminToken, @DefaultValue("30s") @DurationMin(millis = 100) Duration adminPollInterval,
		@DefaultValue("10s") @DurationMin(millis = 10) Duration httpTimeout,
		@DefaultValue List<@Pattern(regexp = "[0-9a-fA-F]{64}",
				message = "must be a SHA-256 hex digest (64 hex characters), not the token itself") String> serviceTokenSha256,
		@Nullable URI adminPublicUrl, @DefaultValue("5m") @DurationMin(seconds = 1) Duration streakMaxGap,
		@Valid @DefaultValue Flapping flapping, @DefaultValue("15s") @DurationMin(millis = 10) Duration sweepInterval,
		@DefaultValue("true") boolean dispatchEnabled, @Nullable URI receiverUrl, @Nullable String receiverToken,
		@DefaultValue List<String> allowedTargets, @Valid @DefaultValue Digest digest,
		@DefaultValue List<@NotBlank String> standaloneLocations) {

	/** The setting that lists internal targets requests may reach anyway. */
	public static final String ALLOWED_TARGETS = "pepper.failure.allowed-targets";

	public FailureProperties {
		// Unset is reported by @NotEmpty with the property's name, not as a binding
		// error.
		ingestTokenSha256 = List.copyOf(Objects.requireNonNullElse(ingestTokenSha256, List.of()));
		requireHttpUrl(adminUrl, "admin-url");
		requireHttpUrl(adminPublicUrl, "admin-public-url");
		requireHttpUrl(receiverUrl, "receiver-url");
		allowedTargets = List.copyOf(Objects.requireNonNullElse(allowedTargets, List.of()));
		try {
			TargetPolicy.allowing(ALLOWED_TARGETS, allowedTargets);
		}
		catch (IllegalArgumentException ex) {
			throw new IllegalArgumentException(ALLOWED_TARGETS + ": " + ex.getMessage(), ex);
		}
		serviceTokenSha256 = List.copyOf(Objects.requireNonNullElse(serviceTokenSha256, List.of()));
		standaloneLocations = List.copyOf(Objects.requireNonNullElse(standaloneLocations, List.of()));
	}

	@AssertTrue(message = "admin-token must be set when admin-url is")
	public boolean isAdminTokenSetWithUrl() {
		return this.adminUrl == null || (this.adminToken != null && !this.adminToken.isBlank());
	}

	@AssertTrue(message = "mail.standalone-to is only for a stand-alone, single-tenant install; with admin-url set, "
			+ "each organization's incidents go to its own channels, or else to its owners and admins")
	public boolean isStandaloneMailOnlyWithoutAdmin() {
		return this.adminUrl == null || this.mail.standaloneTo().isEmpty();
	}

	@AssertTrue(message = "standalone-locations is only for a stand-alone install; with admin-url set, "
			+ "each endpoint's locations come from admin-app")
	public boolean isStandaloneLocationsOnlyWithoutAdmin() {
		return this.adminUrl == null || this.standaloneLocations.isEmpty();
	}

	@AssertTrue(message = "dispatch-max-retry-backoff must not be shorter than dispatch-retry-backoff")
	public boolean isRetryBackoffOrdered() {
		return this.dispatchMaxRetryBackoff.compareTo(this.dispatchRetryBackoff) >= 0;
	}

	/**
	 * How long to wait before retrying a notification that failed {@code attempts} times.
	 */
	public Duration retryBackoffAfter(int attempts) {
		return Backoff.exponential(this.dispatchRetryBackoff, this.dispatchMaxRetryBackoff).after(attempts);
	}

	@AssertTrue(message = "receiver-token must be set when receiver-url is")
	public boolean isReceiverTokenSetWithUrl() {
		return this.receiverUrl == null || (this.receiverToken != null && !this.receiverToken.isBlank());
	}

	private static void requireHttpUrl(@Nullable URI url, String property) {
		ServiceClient.requireBaseUrl(url, "pepper.failure." + property);
	}

	/**
	 * Flapping: an endpoint confirmed down again within {@code window} of its incident's
	 * resolution reopens that incident; after {@code threshold} reopenings the incident
	 * is marked flapping, tells people once, and resolves only after its endpoint has
	 * answered correctly for a whole {@code window}.
	 *
	 * @param window how soon after resolving a new outage counts as the same incident
	 * @param threshold reopenings that make an incident flapping
	 */
	public record Flapping(@DefaultValue("30m") @DurationMin(seconds = 1) Duration window,
			@DefaultValue("2") @Min(1) int threshold) {

	}

	/** The SSRF guard {@code allowed-targets} describes. */
	public TargetPolicy targetGuard() {
		return TargetPolicy.allowing(ALLOWED_TARGETS, this.allowedTargets);
	}

	/**
	 * Digests: once {@code threshold} notifications went to one target (an email address,
	 * a Slack or webhook channel) of one organization within {@code window}, further ones
	 * are held and sent together as one digest at the end of the window.
	 *
	 * @param window how far back notifications are counted, and how long they are held
	 * @param threshold notifications to one target per window sent one by one; 0 turns
	 * digests off
	 */
	public record Digest(@DefaultValue("2m") @DurationMin(millis = 100) Duration window,
			@DefaultValue("3") @Min(0) int threshold) {

		public boolean enabled() {
			return this.threshold > 0;
		}

	}

	/**
	 * Email notifications.
	 *
	 * @param from the sender address
	 * @param standaloneTo for a single-tenant install running without admin-app only: who
	 * hears about every endpoint. With admin-app, an organization's incidents go to its
	 * own channels, or else to its owners and admins, never to an address of the
	 * operator's.
	 */
	public record Mail(@DefaultValue("pepper@localhost") @NotBlank @Email String from,
			@DefaultValue List<@NotBlank @Email String> standaloneTo) {

		public Mail {
			standaloneTo = List.copyOf(standaloneTo);
		}

	}

}
