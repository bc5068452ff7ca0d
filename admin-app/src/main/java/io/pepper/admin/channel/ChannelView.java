package io.pepper.admin.channel;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import org.jspecify.annotations.Nullable;

/**
 * A channel as people see it: secrets masked. A signing secret Pepper generated is shown
 * in full once, in the answer that created it.
 *
 * @param id the channel
 * @param type how it delivers
 * @param name what people call it
 * @param addresses email recipients
 * @param url the masked URL
 * @param signingSecret the masked signing secret
 * @param generatedSigningSecret the signing secret in full, only right after it was
 * generated
 * @param apiUrl the vendor API's base, when one is set
 * @param routingKey the masked PagerDuty integration key
 * @param apiKey the masked Opsgenie API key
 * @param botToken the masked Telegram bot token
 * @param chatId the Telegram chat
 * @param accessToken the masked ntfy access token
 * @param createdAt when it was created
 * @param updatedAt when it was last changed
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ChannelView(UUID id, ChannelType type, String name, List<String> addresses, @Nullable String url,
		@Nullable String signingSecret, @Nullable String generatedSigningSecret, @Nullable String apiUrl,
		@Nullable String routingKey, @Nullable String apiKey, @Nullable String botToken, @Nullable String chatId,
		@Nullable String accessToken, Instant createdAt, Instant updatedAt) {

	static ChannelView of(NotificationChannel channel, @Nullable String generatedSigningSecret) {
		String field = channel.getType().tokenField();
		String hint = channel.getTokenHint();
		return new ChannelView(channel.getId(), channel.getType(), channel.getName(), channel.getAddresses(),
				channel.getUrlHint(), channel.getSigningSecretHint(), generatedSigningSecret, channel.getApiUrl(),
				"routingKey".equals(field) ? hint : null, "apiKey".equals(field) ? hint : null,
				"botToken".equals(field) ? hint : null, channel.getChatId(), "accessToken".equals(field) ? hint : null,
				channel.getCreatedAt(), channel.getUpdatedAt());
	}

	/** The masked credential, whatever the type calls it; null when none is stored. */
	@JsonIgnore
	public @Nullable String token() {
		return (this.routingKey != null) ? this.routingKey
				: (this.apiKey != null) ? this.apiKey : (this.botToken != null) ? this.botToken : this.accessToken;
	}

}
