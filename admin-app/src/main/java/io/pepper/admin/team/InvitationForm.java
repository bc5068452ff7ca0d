package io.pepper.admin.team;

import io.pepper.admin.organization.Role;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/**
 * Whom to invite, with which role.
 *
 * @param email the address the link goes to
 * @param role the role offered
 */
record InvitationForm(@NotBlank @Email @Size(max = 254) @Nullable String email, @NotNull @Nullable Role role) {

	static InvitationForm empty() {
		return new InvitationForm("", Role.VIEWER);
	}

}
