package io.pepper.failure.notify.opsgenie;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
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
 * Creates alerts at {@code /v2/alerts} and closes them at
 * {@code /v2/alerts/{alias}/close?identifierType=alias} under the channel's API base,
 * authenticated with {@code GenieKey}. A digest goes as one request per change.
 */
@Component
class OpsgenieChannel implements NotificationChannel {

	static final String NAME = "opsgenie";

	private final AlertingConfiguration alerting;

	private final GuardedHttp http;

	private final FailureProperties properties;

	OpsgenieChannel(AlertingConfiguration alerting, GuardedHttp http, FailureProperties properties) {
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
		NotificationChannelSpec.Opsgenie opsgenie = ChannelLookup.find(this.alerting, notification,
				NotificationChannelSpec.Opsgenie.class, "Opsgenie");
		Map<String, String> headers = Map.of("Authorization", "GenieKey " + opsgenie.apiKey());
		for (StateChange change : Wording.changes(notification.message())) {
			if (change.change().isTrouble()) {
				this.http.postJson(GuardedHttp.under(opsgenie.apiUrl(), "/v2/alerts"),
						WireJson.mapper()
							.writeValueAsBytes(OpsgenieAlert.create(change, this.properties.adminPublicUrl())),
						headers);
			}
			else {
				String alias = URLEncoder.encode(change.incidentId().toString(), StandardCharsets.UTF_8);
				this.http.postJson(
						GuardedHttp.under(opsgenie.apiUrl(), "/v2/alerts/" + alias + "/close?identifierType=alias"),
						WireJson.mapper().writeValueAsBytes(OpsgenieAlert.close(change)), headers);
			}
		}
	}

}
