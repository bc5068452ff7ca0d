package io.pepper.failure.notify.telegram;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

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
 * Calls {@code /bot<token>/sendMessage} under the channel's Bot API base with plain text
 * (no parse mode, so nothing in an endpoint's name or reason needs escaping).
 */
@Component
class TelegramChannel extends JsonChannel<NotificationChannelSpec.Telegram> {

	static final String NAME = "telegram";

	/** Telegram's limit of a message's text. */
	static final int MAX_TEXT = 4096;

	TelegramChannel(AlertingConfiguration alerting, GuardedHttp http, FailureProperties properties) {
		super(NAME, NotificationChannelSpec.Telegram.class, "Telegram", alerting, http, properties);
	}

	@Override
	protected void send(NotificationChannelSpec.Telegram settings, NotificationMessage message,
			@Nullable URI adminPublicUrl) {
		post(GuardedHttp.under(settings.apiUrl(), "/bot" + settings.botToken() + "/sendMessage"),
				body(settings.chatId(), message, adminPublicUrl), Map.of());
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
