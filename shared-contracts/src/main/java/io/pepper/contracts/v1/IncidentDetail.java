package io.pepper.contracts.v1;

import java.time.Instant;
import java.util.List;

/**
 * An incident with its timeline.
 *
 * @param incident the incident
 * @param timeline what happened, oldest first
 */
public record IncidentDetail(IncidentView incident, List<Entry> timeline) {

	public IncidentDetail {
		Require.present(incident, "incident");
		timeline = Require.list(timeline, "timeline");
	}

	/**
	 * One event of an incident, e.g. opened, location confirmed, notified, reminded,
	 * acknowledged, flapping, resolved.
	 *
	 * @param at when
	 * @param type what, as a lower-case word
	 * @param detail a sentence for people
	 */
	public record Entry(Instant at, String type, String detail) {

		public Entry {
			Require.present(at, "at");
			Require.text(type, "type");
			Require.present(detail, "detail");
		}

	}

}
