package io.pepper.failure.notify.slack;

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

/**
 * Posts notifications to a Slack incoming webhook. The outbox row names the channel by
 * id; its webhook URL (a secret) is read from the alerting configuration when sending, so
 * it is never stored here.
 */
@Component
class SlackChannel implements NotificationChannel {

	static final String NAME = "slack";

	private final AlertingConfiguration alerting;

	private final GuardedHttp http;

	private final FailureProperties properties;

	SlackChannel(AlertingConfiguration alerting, GuardedHttp http, FailureProperties properties) {
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
		NotificationChannelSpec.Slack slack = ChannelLookup.find(this.alerting, notification,
				NotificationChannelSpec.Slack.class, "Slack");
		Map<String, Object> message = SlackMessage.of(notification.message(), this.properties.adminPublicUrl());
		this.http.postJson(slack.webhookUrl(), WireJson.mapper().writeValueAsBytes(message), Map.of());
	}

}
