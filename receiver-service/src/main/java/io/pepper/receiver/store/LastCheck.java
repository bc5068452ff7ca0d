package io.pepper.receiver.store;

import java.time.Instant;
import java.util.UUID;

import io.pepper.contracts.v1.OutcomeKind;
import org.jspecify.annotations.Nullable;

/**
 * The most recent check of an endpoint, from any location.
 *
 * @param endpointId the endpoint
 * @param outcome what it found
 * @param status its HTTP status, if any
 * @param scheduledAt its scheduled time
 */
public record LastCheck(UUID endpointId, OutcomeKind outcome, @Nullable Integer status, Instant scheduledAt) {

}
