package io.pepper.admin.signin;

import org.jspecify.annotations.Nullable;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

/**
 * Email and password sign-in behind {@link LoginThrottle}. A refused attempt fails
 * exactly like a wrong password and does not even check the password, so a guesser learns
 * nothing while refused.
 */
public final class ThrottledAuthentication implements AuthenticationProvider {

	static final String UNKNOWN_ADDRESS = "unknown";

	private final AuthenticationProvider passwords;

	private final LoginThrottle throttle;

	public ThrottledAuthentication(AuthenticationProvider passwords, LoginThrottle throttle) {
		this.passwords = passwords;
		this.throttle = throttle;
	}

	@Override
	public @Nullable Authentication authenticate(Authentication authentication) throws AuthenticationException {
		String email = authentication.getName();
		String address = (authentication.getDetails() instanceof WebAuthenticationDetails details
				&& details.getRemoteAddress() != null) ? details.getRemoteAddress() : UNKNOWN_ADDRESS;
		if (this.throttle.isRefused(email, address)) {
			throw new BadCredentialsException("Sign-in refused for now");
		}
		try {
			Authentication authenticated = this.passwords.authenticate(authentication);
			this.throttle.recordSuccess(email);
			return authenticated;
		}
		catch (AuthenticationException ex) {
			this.throttle.recordFailure(email, address);
			throw ex;
		}
	}

	@Override
	public boolean supports(Class<?> authentication) {
		return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
	}

}
