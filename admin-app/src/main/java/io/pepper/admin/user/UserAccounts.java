package io.pepper.admin.user;

import org.jspecify.annotations.Nullable;

import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsPasswordService;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Users as Spring Security sees them, for signing in with email and password. Roles are
 * per organization, so they are not authorities here.
 */
@Service
class UserAccounts implements UserDetailsService, UserDetailsPasswordService {

	private final Users users;

	UserAccounts(Users users) {
		this.users = users;
	}

	@Override
	@Transactional(readOnly = true)
	public UserDetails loadUserByUsername(String username) {
		return this.users.findByEmail(User.normalize(username))
			.filter(User::hasPassword)
			.map((user) -> org.springframework.security.core.userdetails.User.withUsername(user.getEmail())
				.password(String.valueOf(user.getPasswordHash()))
				.build())
			.orElseThrow(() -> new UsernameNotFoundException("No user with a password for " + username));
	}

	/** Stores a hash made with today's parameters after a sign-in with an older one. */
	@Override
	@Transactional
	public UserDetails updatePassword(UserDetails user, @Nullable String newPassword) {
		if (newPassword == null) {
			return user;
		}
		this.users.findByEmail(User.normalize(user.getUsername()))
			.ifPresent((stored) -> stored.setPasswordHash(newPassword));
		return org.springframework.security.core.userdetails.User.withUserDetails(user).password(newPassword).build();
	}

}
