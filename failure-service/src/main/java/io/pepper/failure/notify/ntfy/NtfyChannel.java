package io.pepper.failure.notify.ntfy;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import io.pepper.contracts.v1.IncidentView;
import io.pepper.contracts.v1.NotificationChannelSpec;
import io.pepper.failure.FailureProperties;
import io.pepper.failure.alerting.AlertingConfiguration;
import io.pepper.failure.notify.DeliveryException;
import io.pepper.failure.notify.JsonChannel;
import io.pepper.failure.notify.NotificationMessage;
import io.pepper.failure.notify.StateChange;
import io.pepper.failure.notify.Wording;
import io.pepper.failure.notify.guard.GuardedHttp;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Component;

/**
 * Publishes to the channel's topic as JSON: the topic URL's last path segment is the
 * topic, the rest is the server's root, where JSON is published. A protected topic gets
 * the access token as a bearer token.
 */
@Component
class NtfyChannel extends JsonChannel<NotificationChannelSpec.Ntfy> {

	static final String NAME = "ntfy";

	NtfyChannel(AlertingConfiguration alerting, GuardedHttp http, FailureProperties properties) {
		super(NAME, NotificationChannelSpec.Ntfy.class, "ntfy", alerting, http, properties);
	}

	@Override
	protected void send(NotificationChannelSpec.Ntfy settings, NotificationMessage message,
			@Nullable URI adminPublicUrl) {
		String path = (settings.topicUrl().getRawPath() != null) ? settings.topicUrl().getRawPath() : "";
		int slash = path.lastIndexOf('/');
		String topic = path.substring(slash + 1);
		if (slash < 0 || topic.isEmpty() || settings.topicUrl().getRawAuthority() == null) {
			throw DeliveryException.permanent("ntfy topic URL " + settings.topicUrl() + " names no topic");
		}
		URI root = URI.create(settings.topicUrl().getScheme() + "://" + settings.topicUrl().getRawAuthority()
				+ path.substring(0, slash + 1));
		Map<String, String> headers = (settings.accessToken() != null)
				? Map.of("Authorization", "Bearer " + settings.accessToken()) : Map.of();
		post(root, body(topic, message, adminPublicUrl), headers);
	}

	static Map<String, Object> body(String topic, NotificationMessage message, @Nullable URI adminPublicUrl) {
		List<StateChange> changes = Wording.changes(message);
		StateChange first = changes.getFirst();
		boolean single = changes.size() == 1;
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("topic", topic);
		body.put("title", Wording.title(message));
		body.put("message", single ? Wording.lines(first, null)
				: changes.stream().map(Wording::headline).collect(Collectors.joining("\n")));
		boolean trouble = changes.stream().anyMatch((change) -> change.change().isTrouble());
		boolean down = changes.stream()
			.anyMatch((change) -> change.change().isTrouble() && change.incidentKind() == IncidentView.Kind.DOWN);
		body.put("tags", List.of(down ? "rotating_light" : trouble ? "warning" : "white_check_mark"));
		body.put("priority", down ? 5 : trouble ? 4 : 3);
		URI link = single ? Wording.link(adminPublicUrl, first.endpointId()) : null;
		if (link != null) {
			body.put("click", link.toString());
		}
		return body;
	}

}
