package io.pepper.failure.notify.teams;

import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.pepper.failure.notify.NotificationMessage;
import io.pepper.failure.notify.StateChange;
import io.pepper.failure.notify.Wording;
import org.jspecify.annotations.Nullable;

/**
 * The JSON a Workflows webhook takes: a {@code message} with one Adaptive Card
 * attachment, a headline per change and its facts as a FactSet.
 */
final class TeamsCard {

	static final String CONTENT_TYPE = "application/vnd.microsoft.card.adaptive";

	/** Keeps a digest's card well under Teams' size limit of about 28 KB. */
	static final int MAX_CHANGES = 20;

	private TeamsCard() {
	}

	static Map<String, Object> of(NotificationMessage message, @Nullable URI adminPublicUrl) {
		List<StateChange> changes = Wording.changes(message);
		List<Object> body = new ArrayList<>();
		if (changes.size() > 1) {
			body.add(text(Wording.title(message), "Large", "Default"));
		}
		for (StateChange change : changes.stream().limit(MAX_CHANGES).toList()) {
			body.add(text(Wording.headline(change), "Medium", change.change().isTrouble() ? "Attention" : "Good"));
			List<Object> facts = new ArrayList<>();
			Wording.facts(change, null).forEach((title, value) -> facts.add(Map.of("title", title, "value", value)));
			body.add(Map.of("type", "FactSet", "facts", facts));
		}
		if (changes.size() > MAX_CHANGES) {
			body.add(text("…and " + (changes.size() - MAX_CHANGES) + " more.", "Default", "Default"));
		}
		Map<String, Object> card = new LinkedHashMap<>();
		card.put("$schema", "http://adaptivecards.io/schemas/adaptive-card.json");
		card.put("type", "AdaptiveCard");
		card.put("version", "1.4");
		card.put("body", body);
		URI link = (changes.size() == 1) ? Wording.link(adminPublicUrl, changes.getFirst().endpointId()) : null;
		if (link != null) {
			card.put("actions",
					List.of(Map.of("type", "Action.OpenUrl", "title", "Open in Pepper", "url", link.toString())));
		}
		Map<String, Object> json = new LinkedHashMap<>();
		json.put("type", "message");
		json.put("attachments", List.of(Map.of("contentType", CONTENT_TYPE, "content", card)));
		return json;
	}

	private static Map<String, Object> text(String text, String size, String color) {
		Map<String, Object> block = new LinkedHashMap<>();
		block.put("type", "TextBlock");
		block.put("text", text);
		block.put("weight", "Bolder");
		block.put("size", size);
		block.put("color", color);
		block.put("wrap", true);
		return block;
	}

}
