package io.pepper.admin.policy;

import java.util.UUID;

import io.pepper.contracts.v1.AlertPolicy;
import org.jspecify.annotations.Nullable;

/**
 * A checked policy.
 *
 * @param name what people call it
 * @param endpointId the endpoint it applies to, or null
 * @param tag the tag it applies to, or null; with neither it is the organization's
 * default
 * @param rules what it decides
 */
public record PolicySettings(String name, @Nullable UUID endpointId, @Nullable String tag, AlertPolicy rules) {

}
