package io.pepper.admin.location;

import java.util.Locale;
import java.util.Set;
import java.util.UUID;

import io.pepper.admin.AdminProperties;
import io.pepper.admin.user.Users;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

/**
 * The installation's operators ({@code pepper.admin.operators}): locations belong to
 * every organization, so no organization's owner may add or retire them.
 */
@Component
class Operators {

	private final Set<String> emails;

	private final Users users;

	Operators(AdminProperties properties, Users users) {
		this.emails = Set.copyOf(properties.operators());
		this.users = users;
	}

	/** Refuses (403) a caller (an API token's user) who is not an operator. */
	void require(UUID caller) {
		boolean operator = this.users.findById(caller)
			.map((user) -> this.emails.contains(user.getEmail().toLowerCase(Locale.ROOT)))
			.orElse(false);
		if (!operator) {
			throw new AccessDeniedException("Only the installation's operators manage locations");
		}
	}

}
