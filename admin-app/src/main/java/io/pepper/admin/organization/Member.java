package io.pepper.admin.organization;

import java.util.UUID;

/**
 * A member of an organization as the members page shows it.
 *
 * @param userId the user
 * @param email the user's email
 * @param role the user's role in the organization
 */
public record Member(UUID userId, String email, Role role) {

}
