package io.pepper.admin.channel;

import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;

/**
 * How a channel delivers, and which settings each type has: a URL to post to (a secret,
 * like a Slack webhook's), a vendor API base that defaults to the vendor's own, a
 * credential (its field named as the vendor names it) and a Telegram chat.
 */
public enum ChannelType {

	@JsonProperty("email")
	EMAIL("Email", Url.NONE, null, null, false),

	@JsonProperty("slack")
	SLACK("Slack", Url.PUBLIC, null, null, false),

	@JsonProperty("webhook")
	WEBHOOK("Webhook", Url.ALLOWING_INTERNAL, null, null, false),

	@JsonProperty("pagerduty")
	PAGERDUTY("PagerDuty", Url.NONE, "https://events.pagerduty.com", "routingKey", true),

	@JsonProperty("opsgenie")
	OPSGENIE("Opsgenie", Url.NONE, "https://api.opsgenie.com", "apiKey", true),

	@JsonProperty("teams")
	TEAMS("Microsoft Teams", Url.PUBLIC, null, null, false),

	@JsonProperty("discord")
	DISCORD("Discord", Url.PUBLIC, null, null, false),

	@JsonProperty("telegram")
	TELEGRAM("Telegram", Url.NONE, "https://api.telegram.org", "botToken", true),

	@JsonProperty("ntfy")
	NTFY("ntfy", Url.ALLOWING_INTERNAL, null, "accessToken", false);

	private final String label;

	private final Url url;

	private final @Nullable String defaultApiUrl;

	private final @Nullable String tokenField;

	private final boolean tokenRequired;

	ChannelType(String label, Url url, @Nullable String defaultApiUrl, @Nullable String tokenField,
			boolean tokenRequired) {
		this.label = label;
		this.url = url;
		this.defaultApiUrl = defaultApiUrl;
		this.tokenField = tokenField;
		this.tokenRequired = tokenRequired;
	}

	/** What people call it, e.g. "Microsoft Teams". */
	public String label() {
		return this.label;
	}

	/** The name in requests and YAML, e.g. {@code pagerduty}. */
	public String key() {
		return name().toLowerCase(Locale.ROOT);
	}

	/** Whether the channel posts to a URL it is given (required then). */
	public boolean hasUrl() {
		return this.url != Url.NONE;
	}

	/**
	 * Whether its URL may use http and internal hosts named in
	 * {@code pepper.admin.channels.allowed-webhook-hosts} (self-hosted receivers).
	 */
	public boolean urlMayBeInternal() {
		return this.url == Url.ALLOWING_INTERNAL;
	}

	/** Whether it has a vendor API base, and so an {@code apiUrl} setting. */
	public boolean hasApiUrl() {
		return this.defaultApiUrl != null;
	}

	/** The vendor's own API base, used when none is set; null for types without one. */
	public @Nullable String defaultApiUrl() {
		return this.defaultApiUrl;
	}

	/** The request field of its credential, e.g. {@code routingKey}; null when none. */
	public @Nullable String tokenField() {
		return this.tokenField;
	}

	public boolean tokenRequired() {
		return this.tokenRequired;
	}

	/** Every type's key, for messages: "email, slack, …". */
	static String keys() {
		return String.join(", ", java.util.Arrays.stream(values()).map(ChannelType::key).toList());
	}

	private enum Url {

		NONE, PUBLIC, ALLOWING_INTERNAL

	}

}
