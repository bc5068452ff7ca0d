package io.pepper.contracts.v1;

import java.util.List;
import java.util.UUID;

/**
 * Who in one organization is emailed about its incidents when a policy names no channel:
 * its owners and admins. Only ever used for that organization's own endpoints.
 *
 * @param organizationId the organization
 * @param emails its owners' and admins' addresses, sorted
 */
public record OrganizationContacts(UUID organizationId, List<String> emails) {

	public OrganizationContacts {
		Require.present(organizationId, "organizationId");
		emails = Require.list(emails, "emails");
	}

}
