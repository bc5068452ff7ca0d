package io.pepper.receiver.store;

import java.time.Instant;
import java.util.UUID;

import io.pepper.contracts.v1.OutcomeKind;
import org.jspecify.annotations.Nullable;

/**
 * The most recent check of an endpoint at one location.
 *
 * @param endpointId the endpoint
 * @param location the location
 * @param outcome what it found
 * @param status its HTTP status, if any
 * @param reason why it failed, or "OK"
 * @param scheduledAt its scheduled time
 * @param tlsCertExpiresAt when the certificate it saw expires, if it saw one
 */
public record LastCheck(UUID endpointId, String location, OutcomeKind outcome, @Nullable Integer status, String reason,
		Instant scheduledAt, @Nullable Instant tlsCertExpiresAt) {

	/** The reason stored for a check written before reasons were kept. */
	public static String reasonOf(OutcomeKind outcome, @Nullable String stored) {
		if (stored != null && !stored.isEmpty()) {
			return stored;
		}
		return outcome.isUp() ? "OK" : outcome.name();
	}

}
