package io.pepper.failure.notify.slack;

import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.pepper.failure.notify.Digest;
import io.pepper.failure.notify.NotificationMessage;
import io.pepper.failure.notify.StateChange;
import io.pepper.failure.notify.Wording;
import org.jspecify.annotations.Nullable;

/** The JSON a Slack incoming webhook takes: a plain-text fallback and mrkdwn blocks. */
final class SlackMessage {

	/** Slack takes at most 50 blocks per message. */
	static final int MAX_CHANGES = 40;

	private SlackMessage() {
	}

	static Map<String, Object> of(NotificationMessage message, @Nullable URI adminPublicUrl) {
		List<StateChange> changes = switch (message) {
			case StateChange change -> List.of(change);
			case Digest digest -> digest.changes();
		};
		List<Object> blocks = new ArrayList<>();
		String text;
		if (message instanceof Digest digest) {
			text = digest.changes().size() + " incident changes in one go";
			blocks.add(section("*" + escape(text) + "*"));
		}
		else {
			text = escape(Wording.headline(changes.getFirst()) + ": " + changes.getFirst().reason());
		}
		changes.stream().limit(MAX_CHANGES).forEach((change) -> blocks.add(section(describe(change, adminPublicUrl))));
		if (changes.size() > MAX_CHANGES) {
			blocks.add(section("…and " + (changes.size() - MAX_CHANGES) + " more."));
		}
		Map<String, Object> json = new LinkedHashMap<>();
		json.put("text", text);
		json.put("blocks", blocks);
		return json;
	}

	private static String describe(StateChange change, @Nullable URI adminPublicUrl) {
		URI link = Wording.link(adminPublicUrl, change.endpointId());
		String headline = escape(Wording.headline(change));
		StringBuilder text = new StringBuilder("*")
			.append((link != null) ? "<" + link + "|" + headline + ">" : headline)
			.append("*");
		line(text, "Reason", change.reason());
		if (!change.locations().isEmpty()) {
			line(text, "Locations", String.join(", ", change.locations()));
		}
		line(text, "Duration", Wording.duration(change.duration()));
		if (change.url() != null) {
			line(text, "URL", change.url());
		}
		if (change.flapping()) {
			line(text, "Flapping", "yes");
		}
		return text.toString();
	}

	private static void line(StringBuilder text, String label, String value) {
		text.append("\n*").append(label).append(":* ").append(escape(value));
	}

	private static Map<String, Object> section(String mrkdwn) {
		return Map.of("type", "section", "text", Map.of("type", "mrkdwn", "text", mrkdwn));
	}

	/** Slack's three control characters in message text. */
	static String escape(String text) {
		return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
	}

}
