package io.pepper.failure.notify.opsgenie;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
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
 * Creates alerts at {@code /v2/alerts} and closes them at
 * {@code /v2/alerts/{alias}/close?identifierType=alias} under the channel's API base,
 * authenticated with {@code GenieKey}. A digest goes as one request per change.
 */
@Component
class OpsgenieChannel extends JsonChannel<NotificationChannelSpec.Opsgenie> {

	static final String NAME = "opsgenie";

	OpsgenieChannel(AlertingConfiguration alerting, GuardedHttp http, FailureProperties properties) {
		super(NAME, NotificationChannelSpec.Opsgenie.class, "Opsgenie", alerting, http, properties);
	}

	@Override
	protected void send(NotificationChannelSpec.Opsgenie settings, NotificationMessage message,
			@Nullable URI adminPublicUrl) {
		Map<String, String> headers = Map.of("Authorization", "GenieKey " + settings.apiKey());
		for (StateChange change : Wording.changes(message)) {
			if (change.change().isTrouble()) {
				post(GuardedHttp.under(settings.apiUrl(), "/v2/alerts"), OpsgenieAlert.create(change, adminPublicUrl),
						headers);
			}
			else {
				String alias = URLEncoder.encode(change.incidentId().toString(), StandardCharsets.UTF_8);
				post(GuardedHttp.under(settings.apiUrl(), "/v2/alerts/" + alias + "/close?identifierType=alias"),
						OpsgenieAlert.close(change), headers);
			}
		}
	}

}
