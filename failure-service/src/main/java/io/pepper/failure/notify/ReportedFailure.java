package io.pepper.failure.notify;

import java.net.URI;
import java.time.Instant;
import java.util.UUID;

import io.pepper.contracts.v1.OutcomeKind;
import io.pepper.contracts.v1.Phase;
import org.jspecify.annotations.Nullable;

/**
 * A stored failure as notifications describe it.
 *
 * @param id the stored failure report
 * @param endpointId the endpoint that failed
 * @param organizationId the organization that owns it
 * @param endpointName the endpoint's name
 * @param url the URL that was checked
 * @param location where the check ran
 * @param scheduledAt the slot of the check
 * @param outcome the class of failure
 * @param phase the phase the failure happened in, when known
 * @param reason a sentence for people
 * @param status the HTTP status, when a response arrived
 */
public record ReportedFailure(UUID id, UUID endpointId, UUID organizationId, String endpointName, URI url,
		String location, Instant scheduledAt, OutcomeKind outcome, @Nullable Phase phase, String reason,
		@Nullable Integer status) {

}
