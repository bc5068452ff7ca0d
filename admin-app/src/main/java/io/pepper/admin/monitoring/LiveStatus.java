package io.pepper.admin.monitoring;

import io.pepper.contracts.v1.EndpointSummary;
import io.pepper.contracts.v1.IncidentView;
import org.jspecify.annotations.Nullable;

/** What an endpoint is doing now, as the dashboards show it. */
public enum LiveStatus {

	/** Every location's latest check passed and nothing is open. */
	UP("UP"),
	/** An open down incident, or every location's latest check failed. */
	DOWN("DOWN"),
	/** An open degraded incident, or only some locations fail. */
	DEGRADED("DEGRADED"),
	/** Probes skip it. */
	PAUSED("PAUSED"),
	/** No check in the last 30 days. */
	NO_DATA("NO DATA");

	private final String label;

	LiveStatus(String label) {
		this.label = label;
	}

	public String label() {
		return this.label;
	}

	/** Worst first, for sorting and for the overview's counts. */
	public int severity() {
		return switch (this) {
			case DOWN -> 0;
			case DEGRADED -> 1;
			case NO_DATA -> 2;
			case UP -> 3;
			case PAUSED -> 4;
		};
	}

	/** The locations whose latest check failed, by name. */
	public static java.util.List<String> failingLocations(EndpointSummary summary) {
		return summary.locations()
			.stream()
			.filter((at) -> !at.outcome().isUp())
			.map(EndpointSummary.LocationStatus::location)
			.sorted()
			.toList();
	}

	/**
	 * The status of an endpoint.
	 * @param enabled whether probes check it
	 * @param summary receiver-service's figures, or null when history is unavailable
	 * @param openIncident the kind of its open incident, if any
	 */
	public static LiveStatus of(boolean enabled, @Nullable EndpointSummary summary,
			IncidentView.@Nullable Kind openIncident) {
		if (!enabled) {
			return PAUSED;
		}
		if (openIncident == IncidentView.Kind.DOWN) {
			return DOWN;
		}
		if (summary == null || summary.lastOutcome() == null) {
			return (openIncident == IncidentView.Kind.DEGRADED) ? DEGRADED : NO_DATA;
		}
		int failing = failingLocations(summary).size();
		int reporting = summary.locations().size();
		if (reporting == 0) {
			// No location reported within 24 hours: the latest check is all there is.
			return summary.lastOutcome().isUp() ? ((openIncident != null) ? DEGRADED : UP) : DOWN;
		}
		if (failing == reporting) {
			return DOWN;
		}
		if (failing > 0 || openIncident == IncidentView.Kind.DEGRADED) {
			return DEGRADED;
		}
		return UP;
	}

}
