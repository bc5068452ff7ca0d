package io.pepper.admin.team;

import io.pepper.admin.organization.MembershipService;
import io.pepper.admin.web.Name;
import org.jspecify.annotations.Nullable;

/**
 * A new organization.
 *
 * @param organization its name
 */
record OrganizationForm(@Name(max = MembershipService.MAX_NAME_LENGTH) @Nullable String organization) {

}
