package io.pepper.contracts.v1;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * An incident as failure-service's incident API shows it to admin-app:
 * {@code GET /v1/incidents?organizationId=..[&state=OPEN]}, {@code GET
 * /v1/incidents/{id}?organizationId=..} (an {@link IncidentDetail}; 404 for another
 * organization's incident) and {@code POST
 * /v1/incidents/{id}/acknowledge?organizationId=..} with {@code {"by": "<user>"}}
 * (service token).
 *
 * @param id the incident
 * @param endpointId the endpoint
 * @param organizationId its organization
 * @param endpointName the endpoint's name when the incident opened
 * @param kind down or degraded
 * @param state open or resolved
 * @param flapping whether the endpoint flipped repeatedly while this incident was open
 * @param openedAt when it opened
 * @param resolvedAt when it resolved
 * @param acknowledgedAt when someone acknowledged it
 * @param acknowledgedBy who
 * @param locations the locations that confirmed it
 * @param reason why, in a sentence
 * @param degradation for a DEGRADED incident, the evidence it opened with (Apdex and p95
 * before and after, since when, which locations); else null
 */
public record IncidentView(UUID id, UUID endpointId, UUID organizationId, String endpointName, Kind kind, State state,
		boolean flapping, Instant openedAt, @Nullable Instant resolvedAt, @Nullable Instant acknowledgedAt,
		@Nullable String acknowledgedBy, List<String> locations, String reason, @Nullable Degradation degradation) {

	public static final String PATH = "/v1/incidents";

	public IncidentView {
		Require.present(id, "id");
		Require.present(endpointId, "endpointId");
		Require.present(organizationId, "organizationId");
		Require.present(endpointName, "endpointName");
		Require.present(kind, "kind");
		Require.present(state, "state");
		Require.present(openedAt, "openedAt");
		locations = Require.list(locations, "locations");
		Require.present(reason, "reason");
	}

	/** An incident without degradation evidence. */
	public IncidentView(UUID id, UUID endpointId, UUID organizationId, String endpointName, Kind kind, State state,
			boolean flapping, Instant openedAt, @Nullable Instant resolvedAt, @Nullable Instant acknowledgedAt,
			@Nullable String acknowledgedBy, List<String> locations, String reason) {
		this(id, endpointId, organizationId, endpointName, kind, state, flapping, openedAt, resolvedAt, acknowledgedAt,
				acknowledgedBy, locations, reason, null);
	}

	/** What kind of trouble. */
	public enum Kind {

		DOWN, DEGRADED,
		/**
		 * A warning: the certificate of a TLS check expires within one of its thresholds.
		 */
		CERTIFICATE_EXPIRING

	}

	/** Where the incident stands. */
	public enum State {

		OPEN, RESOLVED

	}

}
