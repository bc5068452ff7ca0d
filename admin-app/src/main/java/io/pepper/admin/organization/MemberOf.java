package io.pepper.admin.organization;

import java.util.UUID;

/**
 * One organization a user belongs to, and the user's role there.
 *
 * @param organizationId the organization
 * @param organizationName its name
 * @param role the user's role there
 */
public record MemberOf(UUID organizationId, String organizationName, Role role) {

}
