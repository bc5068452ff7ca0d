package io.pepper.failure.notify.webhook;

import java.time.Clock;
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
 * Posts notifications as signed JSON to a generic webhook: Standard Webhooks headers, and
 * Pepper's older ones for one more release (see {@link WebhookSignature}). URL and secret
 * are read from the alerting configuration when sending, never stored here; each attempt
 * is signed afresh with the current time.
 */
@Component
class WebhookChannel implements NotificationChannel {

	static final String NAME = "webhook";

	private final AlertingConfiguration alerting;

	private final GuardedHttp http;

	private final FailureProperties properties;

	private final Clock clock;

	WebhookChannel(AlertingConfiguration alerting, GuardedHttp http, FailureProperties properties, Clock clock) {
		this.alerting = alerting;
		this.http = http;
		this.properties = properties;
		this.clock = clock;
	}

	@Override
	public String name() {
		return NAME;
	}

	@Override
	public void send(Notification notification) {
		NotificationChannelSpec.Webhook webhook = ChannelLookup.find(this.alerting, notification,
				NotificationChannelSpec.Webhook.class, "webhook");
		WebhookPayload payload = WebhookPayload.of(notification, this.properties.adminPublicUrl());
		byte[] body = WireJson.mapper().writeValueAsBytes(payload);
		long timestamp = this.clock.instant().getEpochSecond();
		String id = notification.id().toString();
		String signature = WebhookSignature.sign(webhook.signingSecret(), timestamp, body);
		this.http.postJson(webhook.url(), body,
				Map.of(WebhookSignature.ID_HEADER, id, WebhookSignature.STANDARD_TIMESTAMP_HEADER,
						Long.toString(timestamp), WebhookSignature.STANDARD_SIGNATURE_HEADER,
						WebhookSignature.signStandard(webhook.signingSecret(), id, timestamp, body),
						WebhookSignature.EVENT_HEADER, payload.type(), WebhookSignature.DELIVERY_HEADER, id,
						WebhookSignature.TIMESTAMP_HEADER, Long.toString(timestamp), WebhookSignature.SIGNATURE_HEADER,
						signature));
	}

}
