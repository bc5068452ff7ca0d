package io.pepper.failure.notify.ntfy;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import io.pepper.contracts.v1.IncidentView;
import io.pepper.contracts.v1.NotificationChannelSpec;
import io.pepper.contracts.v1.WireJson;
import io.pepper.failure.FailureProperties;
import io.pepper.failure.alerting.AlertingConfiguration;
import io.pepper.failure.notify.ChannelLookup;
import io.pepper.failure.notify.DeliveryException;
import io.pepper.failure.notify.Notification;
import io.pepper.failure.notify.NotificationChannel;
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
class NtfyChannel implements NotificationChannel {

	static final String NAME = "ntfy";

	private final AlertingConfiguration alerting;

	private final GuardedHttp http;

	private final FailureProperties properties;

	NtfyChannel(AlertingConfiguration alerting, GuardedHttp http, FailureProperties properties) {
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
		NotificationChannelSpec.Ntfy ntfy = ChannelLookup.find(this.alerting, notification,
				NotificationChannelSpec.Ntfy.class, "ntfy");
		String path = (ntfy.topicUrl().getRawPath() != null) ? ntfy.topicUrl().getRawPath() : "";
		int slash = path.lastIndexOf('/');
		String topic = path.substring(slash + 1);
		if (slash < 0 || topic.isEmpty() || ntfy.topicUrl().getRawAuthority() == null) {
			throw DeliveryException.permanent("ntfy topic URL " + ntfy.topicUrl() + " names no topic");
		}
		URI root = URI.create(
				ntfy.topicUrl().getScheme() + "://" + ntfy.topicUrl().getRawAuthority() + path.substring(0, slash + 1));
		Map<String, String> headers = (ntfy.accessToken() != null)
				? Map.of("Authorization", "Bearer " + ntfy.accessToken()) : Map.of();
		this.http.postJson(root, WireJson.mapper()
			.writeValueAsBytes(body(topic, notification.message(), this.properties.adminPublicUrl())), headers);
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
