package io.pepper.receiver.store;

import java.time.Instant;
import java.util.UUID;

/**
 * The checks of one endpoint at one location in one bucket of a resolution: one check for
 * raw data, an hour or a day for rollups.
 *
 * @param endpointId the endpoint
 * @param location the location
 * @param time the check's scheduled time, or the bucket's start
 * @param stats what the checks add up to
 */
public record Bucket(UUID endpointId, String location, Instant time, Stats stats) {

}
