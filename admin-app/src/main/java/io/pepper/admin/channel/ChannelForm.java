package io.pepper.admin.channel;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

import io.pepper.admin.ui.FieldErrors;
import org.jspecify.annotations.Nullable;

/**
 * A channel as the web form edits it. Addresses are separated by commas or line breaks;
 * an empty URL, signing secret or credential on edit keeps the stored one, and an empty
 * signing secret on create has one generated.
 *
 * @param type one of {@link ChannelType}'s keys
 * @param name what people call it
 * @param addresses email recipients, comma- or line-separated
 * @param url the Slack, webhook, Teams, Discord or ntfy topic URL
 * @param signingSecret the webhook's signing secret
 * @param apiUrl the PagerDuty, Opsgenie or Telegram API base; empty for the vendor's
 * @param routingKey the PagerDuty integration key
 * @param apiKey the Opsgenie API key
 * @param botToken the Telegram bot token
 * @param chatId the Telegram chat
 * @param accessToken the ntfy access token
 */
record ChannelForm(@Nullable String type, @Nullable String name, @Nullable String addresses, @Nullable String url,
		@Nullable String signingSecret, @Nullable String apiUrl, @Nullable String routingKey, @Nullable String apiKey,
		@Nullable String botToken, @Nullable String chatId, @Nullable String accessToken) {

	static ChannelForm blank(@Nullable String type) {
		ChannelType chosen = parse(type);
		return new ChannelForm(((chosen != null) ? chosen : ChannelType.EMAIL).key(), "", "", "", "", "", "", "", "",
				"", "");
	}

	/** The form of a stored channel: secrets are never put back into a field. */
	static ChannelForm of(NotificationChannel channel) {
		return new ChannelForm(channel.getType().key(), channel.getName(), String.join("\n", channel.getAddresses()),
				"", "", Objects.requireNonNullElse(channel.getApiUrl(), ""), "", "", "",
				Objects.requireNonNullElse(channel.getChatId(), ""), "");
	}

	ChannelRequest toRequest(FieldErrors errors) {
		ChannelType chosen = parse(this.type);
		if (chosen == null) {
			errors.add("type", "choose one of " + ChannelType.keys());
		}
		List<String> list = Arrays.stream(Objects.requireNonNullElse(this.addresses, "").split("[,\\r\\n]+"))
			.map(String::strip)
			.filter((address) -> !address.isEmpty())
			.toList();
		return new ChannelRequest(chosen, this.name, list.isEmpty() ? null : list, blankToNull(this.url),
				blankToNull(this.signingSecret), blankToNull(this.apiUrl), blankToNull(this.routingKey),
				blankToNull(this.apiKey), blankToNull(this.botToken), blankToNull(this.chatId),
				blankToNull(this.accessToken));
	}

	static @Nullable ChannelType parse(@Nullable String type) {
		if (type == null) {
			return null;
		}
		try {
			return ChannelType.valueOf(type.strip().toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

	private static @Nullable String blankToNull(@Nullable String text) {
		return (text == null || text.isBlank()) ? null : text.strip();
	}

}
