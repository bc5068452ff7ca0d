package io.pepper.admin.organization;

import java.time.Instant;

/**
 * What the invitation page shows to whoever follows a valid link.
 *
 * @param organizationName the organization
 * @param email the invited address
 * @param role the role offered
 * @param expiresAt when the link stops working
 * @param accountExists whether the invited address already has an account (the link's
 * holder received it at that address, so this reveals nothing new)
 */
public record InvitationLink(String organizationName, String email, Role role, Instant expiresAt,
		boolean accountExists) {

}
