package io.pepper.failure.notify.discord;

import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.pepper.contracts.v1.IncidentView;
import io.pepper.failure.notify.NotificationMessage;
import io.pepper.failure.notify.StateChange;
import io.pepper.failure.notify.Wording;
import org.jspecify.annotations.Nullable;

/**
 * The JSON of Discord's Execute Webhook: embeds with a title, the reason, fields and a
 * colour by state; mentions are never parsed, so an endpoint named "@everyone" pings
 * nobody.
 */
final class DiscordMessage {

	/** Discord takes at most 10 embeds per message. */
	static final int MAX_EMBEDS = 10;

	static final int RED = 0xD93F0B;

	static final int AMBER = 0xBF8700;

	static final int GREEN = 0x2DA44E;

	private DiscordMessage() {
	}

	static Map<String, Object> of(NotificationMessage message, @Nullable URI adminPublicUrl) {
		List<StateChange> changes = Wording.changes(message);
		Map<String, Object> json = new LinkedHashMap<>();
		json.put("username", "Pepper");
		if (changes.size() > 1) {
			json.put("content", Wording.title(message)
					+ ((changes.size() > MAX_EMBEDS) ? " (the first " + MAX_EMBEDS + " below)" : ""));
		}
		json.put("embeds", changes.stream().limit(MAX_EMBEDS).map((change) -> embed(change, adminPublicUrl)).toList());
		json.put("allowed_mentions", Map.of("parse", List.of()));
		return json;
	}

	private static Map<String, Object> embed(StateChange change, @Nullable URI adminPublicUrl) {
		Map<String, Object> embed = new LinkedHashMap<>();
		embed.put("title", cut(Wording.headline(change), 256));
		embed.put("description", cut(change.reason(), 4096));
		URI link = Wording.link(adminPublicUrl, change.endpointId());
		if (link != null) {
			embed.put("url", link.toString());
		}
		embed.put("color", !change.change().isTrouble() ? GREEN
				: (change.incidentKind() == IncidentView.Kind.DEGRADED) ? AMBER : RED);
		embed.put("timestamp", change.at().toString());
		List<Object> fields = new ArrayList<>();
		if (!change.locations().isEmpty()) {
			fields.add(field("Locations", String.join(", ", change.locations())));
		}
		fields.add(field("Duration", Wording.duration(change.duration())));
		if (change.url() != null) {
			fields.add(field("URL", change.url()));
		}
		embed.put("fields", fields);
		embed.put("footer", Map.of("text", "Pepper · incident " + change.incidentId()));
		return embed;
	}

	private static Map<String, Object> field(String name, String value) {
		Map<String, Object> field = new LinkedHashMap<>();
		field.put("name", name);
		field.put("value", cut(value, 1024));
		field.put("inline", true);
		return field;
	}

	private static String cut(String text, int max) {
		return (text.length() > max) ? text.substring(0, max - 1) + "…" : text;
	}

}
