package io.pepper.admin.token;

import java.time.Instant;
import java.util.UUID;

import io.pepper.admin.organization.Role;
import org.jspecify.annotations.Nullable;

/**
 * Who is calling the API with a personal token, and on behalf of which organization.
 *
 * @param tokenId the token used
 * @param userId the token's owner
 * @param organizationId the organization the token is scoped to
 * @param role the owner's role there
 * @param lastUsedAt when the token was last used, as recorded
 */
public record ApiCaller(UUID tokenId, UUID userId, UUID organizationId, Role role, @Nullable Instant lastUsedAt) {

}
