package io.pepper.admin.ui;

import java.util.List;
import java.util.UUID;

import io.pepper.admin.organization.MemberOf;
import io.pepper.admin.organization.Role;

import org.springframework.security.access.AccessDeniedException;

/**
 * The signed-in user, acting in the organization chosen in the session.
 *
 * @param userId the user
 * @param email the user's email
 * @param organizationId the current organization
 * @param organizationName its name
 * @param role the user's role there
 * @param organizations every organization the user belongs to, for the switcher
 */
public record CurrentMember(UUID userId, String email, UUID organizationId, String organizationName, Role role,
		List<MemberOf> organizations) {

	public CurrentMember {
		organizations = List.copyOf(organizations);
	}

	public boolean canEdit() {
		return this.role.canEdit();
	}

	public boolean isOwner() {
		return this.role == Role.OWNER;
	}

	/** Owners and admins change configuration; viewers only look. */
	public void requireEditor() {
		if (!canEdit()) {
			throw new AccessDeniedException("Viewers cannot change anything");
		}
	}

	/** Only owners manage members, roles and invitations. */
	public void requireOwner() {
		if (!isOwner()) {
			throw new AccessDeniedException("Only owners manage members");
		}
	}

}
