package io.pepper.failure.notify.teams;

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

/** Posts an Adaptive Card to the channel's Teams Workflows webhook (a secret URL). */
@Component
class TeamsChannel extends JsonChannel<NotificationChannelSpec.Teams> {

	static final String NAME = "teams";

	TeamsChannel(AlertingConfiguration alerting, GuardedHttp http, FailureProperties properties) {
		super(NAME, NotificationChannelSpec.Teams.class, "Microsoft Teams", alerting, http, properties);
	}

	@Override
	protected void send(NotificationChannelSpec.Teams settings, NotificationMessage message,
			@Nullable URI adminPublicUrl) {
		post(settings.webhookUrl(), TeamsCard.of(message, adminPublicUrl), Map.of());
	}

}
