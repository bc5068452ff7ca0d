package io.pepper.admin.ui;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import io.pepper.admin.organization.MemberOf;
import io.pepper.admin.organization.MembershipService;
import io.pepper.admin.user.User;
import io.pepper.admin.user.Users;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import org.jspecify.annotations.Nullable;

import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * Finds who is signed in and in which organization they act. The organization is kept in
 * the session; one the user no longer belongs to falls back to their first.
 */
@Component
public class CurrentMembers {

	/** Session attribute holding the current organization's id. */
	public static final String ORGANIZATION = "pepper.organization";

	private static final String CACHED = CurrentMembers.class.getName() + ".member";

	private final Users users;

	private final MembershipService memberships;

	CurrentMembers(Users users, MembershipService memberships) {
		this.users = users;
		this.memberships = memberships;
	}

	/** The signed-in user, if any. */
	public Optional<User> user() {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication == null || !authentication.isAuthenticated()
				|| authentication instanceof AnonymousAuthenticationToken) {
			return Optional.empty();
		}
		return this.users.findByEmail(User.normalize(authentication.getName()));
	}

	/** The signed-in member, once per request; empty for anonymous visitors. */
	public Optional<CurrentMember> find(HttpServletRequest request) {
		if (request.getAttribute(CACHED) instanceof CurrentMember cached) {
			return Optional.of(cached);
		}
		Optional<User> user = user();
		if (user.isEmpty()) {
			return Optional.empty();
		}
		List<MemberOf> organizations = this.memberships.organizationsOf(user.get().getId());
		if (organizations.isEmpty()) {
			return Optional.empty();
		}
		HttpSession session = request.getSession();
		UUID chosen = (session.getAttribute(ORGANIZATION) instanceof UUID id) ? id : null;
		MemberOf current = organizations.stream()
			.filter((organization) -> organization.organizationId().equals(chosen))
			.findFirst()
			.orElse(organizations.getFirst());
		if (!current.organizationId().equals(chosen)) {
			session.setAttribute(ORGANIZATION, current.organizationId());
		}
		CurrentMember member = new CurrentMember(user.get().getId(), user.get().getEmail(), current.organizationId(),
				current.organizationName(), current.role(), organizations);
		request.setAttribute(CACHED, member);
		return Optional.of(member);
	}

	/** The signed-in member; routes that need one are closed to anonymous visitors. */
	CurrentMember require(HttpServletRequest request) {
		return find(request).orElseThrow(() -> (user().isPresent()) ? new NoOrganizationException()
				: new AuthenticationCredentialsNotFoundException("Sign in first"));
	}

	/** Makes {@code organizationId} current for the rest of the session. */
	public static void choose(HttpServletRequest request, UUID organizationId) {
		request.getSession().setAttribute(ORGANIZATION, organizationId);
		request.removeAttribute(CACHED);
	}

	static @Nullable UUID chosen(HttpSession session) {
		return (session.getAttribute(ORGANIZATION) instanceof UUID id) ? id : null;
	}

}
