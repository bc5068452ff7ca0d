package io.pepper.admin.channel;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

import io.pepper.admin.ui.FieldErrors;
import org.jspecify.annotations.Nullable;

/**
 * A channel as the web form edits it. Addresses are separated by commas or line breaks;
 * an empty URL or signing secret on edit keeps the stored one, and an empty signing
 * secret on create has one generated.
 *
 * @param type email, slack or webhook
 * @param name what people call it
 * @param addresses email recipients, comma- or line-separated
 * @param url the Slack or webhook URL
 * @param signingSecret the webhook's signing secret
 */
record ChannelForm(@Nullable String type, @Nullable String name, @Nullable String addresses, @Nullable String url,
		@Nullable String signingSecret) {

	static ChannelForm blank(@Nullable String type) {
		ChannelType chosen = parse(type);
		return new ChannelForm(((chosen != null) ? chosen : ChannelType.EMAIL).name().toLowerCase(Locale.ROOT), "", "",
				"", "");
	}

	/** The form of a stored channel: secrets are never put back into a field. */
	static ChannelForm of(NotificationChannel channel) {
		return new ChannelForm(channel.getType().name().toLowerCase(Locale.ROOT), channel.getName(),
				String.join("\n", channel.getAddresses()), "", "");
	}

	ChannelRequest toRequest(FieldErrors errors) {
		ChannelType chosen = parse(this.type);
		if (chosen == null) {
			errors.add("type", "choose email, slack or webhook");
		}
		List<String> list = Arrays.stream(Objects.requireNonNullElse(this.addresses, "").split("[,\\r\\n]+"))
			.map(String::strip)
			.filter((address) -> !address.isEmpty())
			.toList();
		return new ChannelRequest(chosen, this.name, list.isEmpty() ? null : list, blankToNull(this.url),
				blankToNull(this.signingSecret));
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
