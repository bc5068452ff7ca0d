package io.pepper.failure.notify.opsgenie;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.pepper.contracts.v1.IncidentView;
import io.pepper.failure.notify.StateChange;
import io.pepper.failure.notify.Wording;
import org.jspecify.annotations.Nullable;

/**
 * The JSON bodies of the Alert API's create and close requests. The alias is the
 * incident's id: Opsgenie keeps one open alert per alias, so a reopened incident or a
 * reminder adds to the same alert, and closing by alias needs no id of Opsgenie's.
 */
final class OpsgenieAlert {

	/** Opsgenie's limit of an alert's message. */
	static final int MAX_MESSAGE = 130;

	private OpsgenieAlert() {
	}

	static Map<String, Object> create(StateChange change, @Nullable URI adminPublicUrl) {
		String message = Wording.headline(change);
		Map<String, Object> alert = new LinkedHashMap<>();
		alert.put("message", (message.length() > MAX_MESSAGE) ? message.substring(0, MAX_MESSAGE) : message);
		alert.put("alias", change.incidentId().toString());
		alert.put("description", change.reason());
		alert.put("tags", List.of("pepper", change.incidentKind().name().toLowerCase(java.util.Locale.ROOT)));
		alert.put("details", Wording.facts(change, Wording.link(adminPublicUrl, change.endpointId())));
		alert.put("entity", change.endpointName());
		alert.put("source", "Pepper");
		alert.put("priority", (change.incidentKind() == IncidentView.Kind.DEGRADED) ? "P3" : "P1");
		return alert;
	}

	static Map<String, Object> close(StateChange change) {
		Map<String, Object> close = new LinkedHashMap<>();
		close.put("source", "Pepper");
		close.put("note", Wording.headline(change));
		return close;
	}

}
