package io.pepper.admin.channel;

import io.pepper.admin.web.Name;
import java.util.List;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/**
 * What a client sends to create or replace a channel. On replace, a secret ({@code url},
 * {@code signingSecret}, {@code routingKey}, {@code apiKey}, {@code botToken},
 * {@code accessToken}) that is absent or the mask shown keeps the stored one.
 *
 * @param type email, slack, webhook, pagerduty, opsgenie, teams, discord, telegram or
 * ntfy; cannot change once created
 * @param name what people call it, unique in the organization
 * @param addresses email recipients (email channels)
 * @param url where to post (https): the Slack incoming webhook, webhook, Teams Workflows
 * webhook, Discord webhook, or ntfy topic URL
 * @param signingSecret the webhook's signing secret: {@code whsec_} and base64 of at
 * least 16 bytes as Standard Webhooks define it (or, for older channels, any text of at
 * least 16 characters); generated when absent on create
 * @param apiUrl the vendor API's base for pagerduty, opsgenie and telegram channels
 * (https); the vendor's own when absent
 * @param routingKey the PagerDuty integration key
 * @param apiKey the Opsgenie API integration's key
 * @param botToken the Telegram bot's token
 * @param chatId the Telegram chat: a number, or {@code @channelusername}
 * @param accessToken the ntfy access token of a protected topic, optional
 */
public record ChannelRequest(@NotNull @Nullable ChannelType type, @Name @Nullable String name,
		@Size(max = 50) @Nullable List<@NotBlank @Email @Size(max = 254) String> addresses,
		@Size(max = 2048) @Nullable String url, @Size(max = 512) @Nullable String signingSecret,
		@Size(max = 2048) @Nullable String apiUrl, @Size(max = 512) @Nullable String routingKey,
		@Size(max = 512) @Nullable String apiKey, @Size(max = 512) @Nullable String botToken,
		@Size(max = 100) @Nullable String chatId, @Size(max = 512) @Nullable String accessToken) {

	/** A request of the first channel types, which have no vendor settings. */
	public ChannelRequest(@Nullable ChannelType type, @Nullable String name, @Nullable List<String> addresses,
			@Nullable String url, @Nullable String signingSecret) {
		this(type, name, addresses, url, signingSecret, null, null, null, null, null, null);
	}

	/**
	 * The request that describes {@code channel} as exported: secrets masked, so that
	 * importing it again keeps them.
	 */
	public static ChannelRequest masked(NotificationChannel channel) {
		ChannelView view = ChannelView.of(channel, null);
		return new ChannelRequest(channel.getType(), channel.getName(),
				channel.getAddresses().isEmpty() ? null : channel.getAddresses(), view.url(), view.signingSecret(),
				view.apiUrl(), view.routingKey(), view.apiKey(), view.botToken(), view.chatId(), view.accessToken());
	}

	/** The credential given in the field {@code type} names, e.g. the routing key. */
	@Nullable String token() {
		if (this.type == null || this.type.tokenField() == null) {
			return null;
		}
		return switch (this.type.tokenField()) {
			case "routingKey" -> this.routingKey;
			case "apiKey" -> this.apiKey;
			case "botToken" -> this.botToken;
			default -> this.accessToken;
		};
	}

}
