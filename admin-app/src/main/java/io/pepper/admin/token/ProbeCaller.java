package io.pepper.admin.token;

import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * A probe authenticated by its token.
 *
 * @param tokenId the token used
 * @param name the token's name
 * @param organizationId the organization whose endpoints it may read, or null for all
 */
public record ProbeCaller(UUID tokenId, String name, @Nullable UUID organizationId) {

}
