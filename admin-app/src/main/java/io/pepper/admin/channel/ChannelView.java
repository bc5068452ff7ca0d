package io.pepper.admin.channel;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

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
 * @param createdAt when it was created
 * @param updatedAt when it was last changed
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ChannelView(UUID id, ChannelType type, String name, List<String> addresses, @Nullable String url,
		@Nullable String signingSecret, @Nullable String generatedSigningSecret, Instant createdAt, Instant updatedAt) {

	static ChannelView of(NotificationChannel channel, @Nullable String generatedSigningSecret) {
		return new ChannelView(channel.getId(), channel.getType(), channel.getName(), channel.getAddresses(),
				channel.getUrlHint(), channel.getSigningSecretHint(), generatedSigningSecret, channel.getCreatedAt(),
				channel.getUpdatedAt());
	}

}
