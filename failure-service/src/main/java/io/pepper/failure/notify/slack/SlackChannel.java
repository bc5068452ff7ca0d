package io.pepper.failure.notify.slack;

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

/**
 * Posts notifications to a Slack incoming webhook. The outbox row names the channel by
 * id; its webhook URL (a secret) is read from the alerting configuration when sending, so
 * it is never stored here.
 */
@Component
class SlackChannel extends JsonChannel<NotificationChannelSpec.Slack> {

	static final String NAME = "slack";

	SlackChannel(AlertingConfiguration alerting, GuardedHttp http, FailureProperties properties) {
		super(NAME, NotificationChannelSpec.Slack.class, "Slack", alerting, http, properties);
	}

	@Override
	protected void send(NotificationChannelSpec.Slack settings, NotificationMessage message,
			@Nullable URI adminPublicUrl) {
		post(settings.webhookUrl(), SlackMessage.of(message, adminPublicUrl), Map.of());
	}

}
