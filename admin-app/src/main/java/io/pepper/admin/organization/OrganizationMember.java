package io.pepper.admin.organization;

import java.util.UUID;

/**
 * One member's address in one organization.
 *
 * @param organizationId the organization
 * @param email the member's email
 */
public record OrganizationMember(UUID organizationId, String email) {

}
