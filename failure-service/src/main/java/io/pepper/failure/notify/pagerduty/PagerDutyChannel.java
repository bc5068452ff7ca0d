package io.pepper.failure.notify.pagerduty;

import java.net.URI;
import java.util.Map;

import io.pepper.contracts.v1.NotificationChannelSpec;
import io.pepper.failure.FailureProperties;
import io.pepper.failure.alerting.AlertingConfiguration;
import io.pepper.failure.notify.JsonChannel;
import io.pepper.failure.notify.NotificationMessage;
import io.pepper.failure.notify.StateChange;
import io.pepper.failure.notify.Wording;
import io.pepper.failure.notify.guard.GuardedHttp;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Component;

/**
 * Sends Events API v2 events to {@code /v2/enqueue} under the channel's events base. A
 * digest goes as one event per change: PagerDuty takes one event per request, and the
 * dedup key makes a retried batch harmless.
 */
@Component
class PagerDutyChannel extends JsonChannel<NotificationChannelSpec.PagerDuty> {

	static final String NAME = "pagerduty";

	static final String ENQUEUE = "/v2/enqueue";

	PagerDutyChannel(AlertingConfiguration alerting, GuardedHttp http, FailureProperties properties) {
		super(NAME, NotificationChannelSpec.PagerDuty.class, "PagerDuty", alerting, http, properties);
	}

	@Override
	protected void send(NotificationChannelSpec.PagerDuty settings, NotificationMessage message,
			@Nullable URI adminPublicUrl) {
		for (StateChange change : Wording.changes(message)) {
			post(GuardedHttp.under(settings.eventsUrl(), ENQUEUE),
					PagerDutyEvent.of(settings.routingKey(), change, adminPublicUrl), Map.of());
		}
	}

}
