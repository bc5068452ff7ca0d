package io.pepper.failure.notify.pagerduty;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.pepper.contracts.v1.IncidentView;
import io.pepper.failure.notify.StateChange;
import io.pepper.failure.notify.Wording;
import org.jspecify.annotations.Nullable;

/**
 * The JSON of an Events API v2 event: {@code trigger} for trouble, {@code resolve} when
 * it is over, with the incident's id as {@code dedup_key} so both meet one PagerDuty
 * alert, and a repeated trigger (reopened, reminder) updates it instead of paging again.
 */
final class PagerDutyEvent {

	/** PagerDuty cuts a longer summary. */
	static final int MAX_SUMMARY = 1024;

	private PagerDutyEvent() {
	}

	static Map<String, Object> of(String routingKey, StateChange change, @Nullable URI adminPublicUrl) {
		Map<String, Object> event = new LinkedHashMap<>();
		event.put("routing_key", routingKey);
		event.put("event_action", change.change().isTrouble() ? "trigger" : "resolve");
		event.put("dedup_key", change.incidentId().toString());
		if (!change.change().isTrouble()) {
			return event;
		}
		String summary = Wording.headline(change) + ": " + change.reason();
		Map<String, Object> payload = new LinkedHashMap<>();
		payload.put("summary", (summary.length() > MAX_SUMMARY) ? summary.substring(0, MAX_SUMMARY) : summary);
		payload.put("source", (change.url() != null) ? change.url() : change.endpointName());
		payload.put("severity", (change.incidentKind() == IncidentView.Kind.DEGRADED) ? "warning" : "critical");
		payload.put("timestamp", change.at().toString());
		payload.put("component", change.endpointName());
		payload.put("class", change.incidentKind().name());
		payload.put("custom_details", Wording.facts(change, null));
		event.put("payload", payload);
		event.put("client", "Pepper");
		URI link = Wording.link(adminPublicUrl, change.endpointId());
		if (link != null) {
			event.put("client_url", link.toString());
			event.put("links", List.of(Map.of("href", link.toString(), "text", "Endpoint in Pepper")));
		}
		return event;
	}

}
