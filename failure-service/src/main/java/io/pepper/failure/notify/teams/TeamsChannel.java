package io.pepper.failure.notify.teams;

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

/** Posts an Adaptive Card to the channel's Teams Workflows webhook (a secret URL). */
@Component
class TeamsChannel implements NotificationChannel {

	static final String NAME = "teams";

	private final AlertingConfiguration alerting;

	private final GuardedHttp http;

	private final FailureProperties properties;

	TeamsChannel(AlertingConfiguration alerting, GuardedHttp http, FailureProperties properties) {
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
		NotificationChannelSpec.Teams teams = ChannelLookup.find(this.alerting, notification,
				NotificationChannelSpec.Teams.class, "Microsoft Teams");
		this.http.postJson(teams.webhookUrl(),
				WireJson.mapper()
					.writeValueAsBytes(TeamsCard.of(notification.message(), this.properties.adminPublicUrl())),
				Map.of());
	}

}
