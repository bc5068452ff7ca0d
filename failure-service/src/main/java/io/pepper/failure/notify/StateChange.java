package io.pepper.failure.notify;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.pepper.contracts.v1.IncidentView;
import org.jspecify.annotations.Nullable;

/**
 * One change of an incident's state as notifications describe it, frozen when it happened
 * (stored with each outbox row).
 *
 * @param change what happened
 * @param incidentId the incident
 * @param endpointId its endpoint
 * @param organizationId the endpoint's organization
 * @param endpointName what people call the endpoint
 * @param url what is checked, when known
 * @param incidentKind down or degraded
 * @param reason why, in a sentence
 * @param locations the locations that confirmed it
 * @param openedAt when the incident opened
 * @param at when this change happened
 * @param flapping whether the incident is flapping
 */
public record StateChange(Change change, UUID incidentId, UUID endpointId, UUID organizationId, String endpointName,
		@Nullable String url, IncidentView.Kind incidentKind, String reason, List<String> locations, Instant openedAt,
		Instant at, boolean flapping) implements NotificationMessage {

	public StateChange {
		locations = List.copyOf(locations);
	}

	/** How long the incident has lasted at this change. */
	public Duration duration() {
		return Duration.between(this.openedAt, this.at);
	}

	/** What happened, each a separate notification. */
	public enum Change {

		/** Confirmed down. */
		OPENED("down"),
		/** Down again soon after resolving: the same incident. */
		REOPENED("down again"),
		/** Reopened often enough to be flapping; resolves are held back from now on. */
		FLAPPING("flapping"),
		/** Answers correctly again. */
		RESOLVED("resolved"),
		/** A sustained Apdex drop. */
		DEGRADED("degraded"),
		/** The Apdex drop is over. */
		RECOVERED("recovered"),
		/** Still down. */
		REMINDER("still down"),
		/** A certificate expires within a warning threshold (once per threshold). */
		CERTIFICATE_EXPIRING("certificate expiring"),
		/** The certificate was renewed: it no longer expires within any threshold. */
		CERTIFICATE_RENEWED("certificate renewed");

		private final String words;

		Change(String words) {
			this.words = words;
		}

		/** The change in a few lower-case words, e.g. "down again". */
		public String words() {
			return this.words;
		}

		/** Whether this change means trouble (rather than its end). */
		public boolean isTrouble() {
			return this != RESOLVED && this != RECOVERED && this != CERTIFICATE_RENEWED;
		}

	}

}
