package io.pepper.failure.notify.discord;

import java.net.URI;
import java.util.Map;

import io.pepper.contracts.v1.NotificationChannelSpec;
import io.pepper.failure.FailureProperties;
import io.pepper.failure.alerting.AlertingConfiguration;
import io.pepper.failure.notify.JsonChannel;
import io.pepper.failure.notify.NotificationMessage;
import io.pepper.failure.notify.guard.GuardedHttp;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Component;

/** Posts embeds to the channel's Discord webhook (a secret URL). */
@Component
class DiscordChannel extends JsonChannel<NotificationChannelSpec.Discord> {

	static final String NAME = "discord";

	DiscordChannel(AlertingConfiguration alerting, GuardedHttp http, FailureProperties properties) {
		super(NAME, NotificationChannelSpec.Discord.class, "Discord", alerting, http, properties);
	}

	@Override
	protected void send(NotificationChannelSpec.Discord settings, NotificationMessage message,
			@Nullable URI adminPublicUrl) {
		post(settings.webhookUrl(), DiscordMessage.of(message, adminPublicUrl), Map.of());
	}

}
