package io.pepper.failure.notify.discord;

import java.util.Map;

import io.pepper.contracts.v1.NotificationChannelSpec;
import io.pepper.contracts.v1.WireJson;
import io.pepper.failure.FailureProperties;
import io.pepper.failure.alerting.AlertingConfiguration;
import io.pepper.failure.notify.ChannelLookup;
import io.pepper.failure.notify.Notification;
import io.pepper.failure.notify.NotificationChannel;
import io.pepper.failure.notify.guard.GuardedHttp;

import org.springframework.stereotype.Component;

/** Posts embeds to the channel's Discord webhook (a secret URL). */
@Component
class DiscordChannel implements NotificationChannel {

	static final String NAME = "discord";

	private final AlertingConfiguration alerting;

	private final GuardedHttp http;

	private final FailureProperties properties;

	DiscordChannel(AlertingConfiguration alerting, GuardedHttp http, FailureProperties properties) {
		this.alerting = alerting;
		this.http = http;
		this.properties = properties;
	}

	@Override
	public String name() {
		return NAME;
	}

	@Override
	public void send(Notification notification) {
		NotificationChannelSpec.Discord discord = ChannelLookup.find(this.alerting, notification,
				NotificationChannelSpec.Discord.class, "Discord");
		this.http.postJson(discord.webhookUrl(),
				WireJson.mapper()
					.writeValueAsBytes(DiscordMessage.of(notification.message(), this.properties.adminPublicUrl())),
				Map.of());
	}

}
