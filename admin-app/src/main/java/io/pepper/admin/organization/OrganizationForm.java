package io.pepper.admin.organization;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/**
 * A new organization.
 *
 * @param organization its name
 */
record OrganizationForm(@NotBlank @Size(max = MembershipService.MAX_NAME_LENGTH) @Nullable String organization) {

}
