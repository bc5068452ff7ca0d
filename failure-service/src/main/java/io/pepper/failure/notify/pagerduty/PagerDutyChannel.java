package io.pepper.failure.notify.pagerduty;

import java.util.Map;

import io.pepper.contracts.v1.NotificationChannelSpec;
import io.pepper.contracts.v1.WireJson;
import io.pepper.failure.FailureProperties;
import io.pepper.failure.alerting.AlertingConfiguration;
import io.pepper.failure.notify.ChannelLookup;
import io.pepper.failure.notify.Notification;
import io.pepper.failure.notify.NotificationChannel;
import io.pepper.failure.notify.StateChange;
import io.pepper.failure.notify.Wording;
import io.pepper.failure.notify.guard.GuardedHttp;

import org.springframework.stereotype.Component;

/**
 * Sends Events API v2 events to {@code /v2/enqueue} under the channel's events base. A
 * digest goes as one event per change: PagerDuty takes one event per request, and the
 * dedup key makes a retried batch harmless.
 */
@Component
class PagerDutyChannel implements NotificationChannel {

	static final String NAME = "pagerduty";

	static final String ENQUEUE = "/v2/enqueue";

	private final AlertingConfiguration alerting;

	private final GuardedHttp http;

	private final FailureProperties properties;

	PagerDutyChannel(AlertingConfiguration alerting, GuardedHttp http, FailureProperties properties) {
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
		NotificationChannelSpec.PagerDuty pagerDuty = ChannelLookup.find(this.alerting, notification,
				NotificationChannelSpec.PagerDuty.class, "PagerDuty");
		for (StateChange change : Wording.changes(notification.message())) {
			Map<String, Object> event = PagerDutyEvent.of(pagerDuty.routingKey(), change,
					this.properties.adminPublicUrl());
			this.http.postJson(GuardedHttp.under(pagerDuty.eventsUrl(), ENQUEUE),
					WireJson.mapper().writeValueAsBytes(event), Map.of());
		}
	}

}
