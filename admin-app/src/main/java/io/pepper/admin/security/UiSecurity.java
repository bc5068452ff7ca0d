package io.pepper.admin.security;

import io.pepper.admin.signin.LoginThrottle;
import io.pepper.admin.signin.ThrottledAuthentication;

import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.userdetails.UserDetailsPasswordService;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * The web UI's filter chain: form sign-in against the users table behind the sign-in
 * throttle, sessions (kept in Redis by Spring Session), CSRF tokens on every form, and a
 * new session id at sign-in (Spring Security's default session-fixation defence).
 */
final class UiSecurity {

	/** What the UI serves; the API chains and the closed default chain keep the rest. */
	static final String[] PATHS = { "/", "/login", "/logout", "/signup", "/signup/**", "/invite/**",
			"/organizations/**", "/members", "/members/**", "/invitations/**", "/endpoints", "/endpoints/**",
			"/channels", "/channels/**", "/policies", "/policies/**", "/maintenance", "/maintenance/**", "/probes",
			"/probes/**", "/tokens", "/tokens/**", "/incidents", "/incidents/**", "/webjars/**", "/css/**", "/js/**",
			"/favicon.ico", "/error" };

	/** Reachable without signing in. */
	static final String[] PUBLIC = { "/login", "/signup", "/signup/**", "/invite/**", "/webjars/**", "/css/**",
			"/js/**", "/favicon.ico", "/error" };

	/** Bootstrap from the app itself, nothing from elsewhere. */
	static final String CONTENT_SECURITY_POLICY = "default-src 'self'; img-src 'self' data:; object-src 'none'; "
			+ "frame-ancestors 'none'; form-action 'self'; base-uri 'self'";

	private UiSecurity() {
	}

	static HttpSecurity configure(HttpSecurity http, UserDetailsService users, UserDetailsPasswordService upgrades,
			PasswordEncoder passwordEncoder, LoginThrottle throttle) throws Exception {
		DaoAuthenticationProvider passwords = new DaoAuthenticationProvider(users);
		passwords.setPasswordEncoder(passwordEncoder);
		passwords.setUserDetailsPasswordService(upgrades);
		return http.securityMatcher(PATHS)
			.authenticationManager(new ProviderManager(new ThrottledAuthentication(passwords, throttle)))
			.authorizeHttpRequests((requests) -> requests
				// Sign in first, then land back on the invitation (the request cache
				// keeps GETs).
				.requestMatchers("/invite/*/signin")
				.authenticated()
				.requestMatchers(PUBLIC)
				.permitAll()
				.anyRequest()
				.authenticated())
			.formLogin((form) -> form.loginPage("/login")
				.usernameParameter("email")
				.passwordParameter("password")
				// Every failure, throttled or not, lands on the same page with the same
				// words.
				.failureUrl("/login?error")
				.defaultSuccessUrl("/", false))
			.logout((logout) -> logout.logoutUrl("/logout").logoutSuccessUrl("/login?logout"))
			.csrf((csrf) -> csrf.csrfTokenRequestHandler(new TamperedCsrfRefusal()))
			.headers((headers) -> headers.contentSecurityPolicy((csp) -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
				.referrerPolicy((referrer) -> referrer.policy(SecurityConfiguration.REFERRER_POLICY)));
	}

}
