package io.pepper.failure.notify.telegram;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import io.pepper.contracts.v1.NotificationChannelSpec;
import io.pepper.contracts.v1.WireJson;
import io.pepper.failure.FailureProperties;
import io.pepper.failure.alerting.AlertingConfiguration;
import io.pepper.failure.notify.ChannelLookup;
import io.pepper.failure.notify.Notification;
import io.pepper.failure.notify.NotificationChannel;
import io.pepper.failure.notify.NotificationMessage;
import io.pepper.failure.notify.StateChange;
import io.pepper.failure.notify.Wording;
import io.pepper.failure.notify.guard.GuardedHttp;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Component;

/**
 * Calls {@code /bot<token>/sendMessage} under the channel's Bot API base with plain text
 * (no parse mode, so nothing in an endpoint's name or reason needs escaping).
 */
@Component
class TelegramChannel implements NotificationChannel {

	static final String NAME = "telegram";

	/** Telegram's limit of a message's text. */
	static final int MAX_TEXT = 4096;

	private final AlertingConfiguration alerting;

	private final GuardedHttp http;

	private final FailureProperties properties;

	TelegramChannel(AlertingConfiguration alerting, GuardedHttp http, FailureProperties properties) {
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
		NotificationChannelSpec.Telegram telegram = ChannelLookup.find(this.alerting, notification,
				NotificationChannelSpec.Telegram.class, "Telegram");
		this.http.postJson(GuardedHttp.under(telegram.apiUrl(), "/bot" + telegram.botToken() + "/sendMessage"),
				WireJson.mapper()
					.writeValueAsBytes(
							body(telegram.chatId(), notification.message(), this.properties.adminPublicUrl())),
				Map.of());
	}

	static Map<String, Object> body(String chatId, NotificationMessage message, @Nullable URI adminPublicUrl) {
		List<StateChange> changes = Wording.changes(message);
		String text = changes.stream()
			.map((change) -> Wording.headline(change) + "\n"
					+ Wording.lines(change, Wording.link(adminPublicUrl, change.endpointId())))
			.collect(Collectors.joining("\n\n", (changes.size() > 1) ? Wording.title(message) + "\n\n" : "", ""));
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("chat_id", chatId);
		body.put("text", (text.length() > MAX_TEXT) ? text.substring(0, MAX_TEXT - 1) + "…" : text);
		body.put("link_preview_options", Map.of("is_disabled", true));
		return body;
	}

}
