package io.pepper.admin.channel;

import io.pepper.admin.web.Name;
import java.util.List;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/**
 * What a client sends to create or replace a channel. On replace, a {@code url} or
 * {@code signingSecret} that is absent or the mask shown keeps the stored secret.
 *
 * @param type email, slack or webhook; cannot change once created
 * @param name what people call it, unique in the organization
 * @param addresses email recipients (email channels)
 * @param url the Slack incoming webhook or webhook URL (https)
 * @param signingSecret the webhook's HMAC secret, at least 16 characters; generated when
 * absent on create
 */
public record ChannelRequest(@NotNull @Nullable ChannelType type, @Name @Nullable String name,
		@Size(max = 50) @Nullable List<@NotBlank @Email @Size(max = 254) String> addresses,
		@Size(max = 2048) @Nullable String url, @Size(max = 512) @Nullable String signingSecret) {

}
