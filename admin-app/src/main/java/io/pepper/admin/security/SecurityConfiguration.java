package io.pepper.admin.security;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import io.pepper.admin.signin.LoginThrottle;
import io.pepper.admin.token.TokenAuthenticator;
import io.pepper.admin.user.Passwords;
import io.pepper.contracts.auth.BearerTokens;
import io.pepper.http.server.ScrapeProperties;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.userdetails.UserDetailsPasswordService;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.security.web.authentication.preauth.PreAuthenticatedAuthenticationToken;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;

/**
 * Five filter chains: the people's API, the probes' API and the actuator's metrics, each
 * stateless with its own kind of bearer token; the web UI's pages, with sign-in and
 * sessions; and everything else, which is closed.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ScrapeProperties.class)
class SecurityConfiguration {

	static final String SCRAPE = "SCRAPE";

	static final String API = "API";

	static final String PROBE = "PROBE";

	/**
	 * Links from the UI to an endpoint's site must not tell it the page they came from
	 * (invitation and sign-up links carry secrets in their paths).
	 */
	static final ReferrerPolicy REFERRER_POLICY = ReferrerPolicy.SAME_ORIGIN;

	@Bean
	PasswordEncoder passwordEncoder() {
		return Passwords.encoder();
	}

	@Bean
	@Order(1)
	SecurityFilterChain apiChain(HttpSecurity http, TokenAuthenticator tokens) throws Exception {
		bearer(http, "/api/v1/**", (token) -> tokens.authenticateApiToken(token)
			.map((caller) -> authenticated(caller, List.of(API, "ROLE_" + caller.role().name()))));
		return http.authorizeHttpRequests((requests) -> requests
			// A probe token is a credential: listing them is for those who may issue
			// them, as on the probe page.
			.requestMatchers(HttpMethod.GET, "/api/v1/probe-tokens", "/api/v1/probe-tokens/**")
			.hasAnyRole("OWNER", "ADMIN")
			.requestMatchers(HttpMethod.GET)
			.hasAuthority(API)
			// Locations are the installation's: its operators manage them whatever
			// their role in an organization (checked by the location API).
			.requestMatchers(HttpMethod.POST, "/api/v1/locations")
			.hasAuthority(API)
			.requestMatchers(HttpMethod.DELETE, "/api/v1/locations/*")
			.hasAuthority(API)
			.anyRequest()
			.hasAnyRole("OWNER", "ADMIN")).build();
	}

	@Bean
	@Order(2)
	SecurityFilterChain probeChain(HttpSecurity http, TokenAuthenticator tokens) throws Exception {
		bearer(http, "/api/probe/**",
				(token) -> tokens.authenticateProbeToken(token).map((caller) -> authenticated(caller, List.of(PROBE))));
		return http
			// The feed sets its own Cache-Control: probes revalidate with the ETag.
			.headers((headers) -> headers.cacheControl((cache) -> cache.disable()))
			.authorizeHttpRequests((requests) -> requests.anyRequest().hasAuthority(PROBE))
			.build();
	}

	/**
	 * The actuator: health for anyone, everything else (metrics for Prometheus, info)
	 * only for a scrape token ({@code pepper.metrics}), answered with 401 otherwise,
	 * never 403, so a scraper is told its credential is wrong.
	 */
	@Bean
	@Order(0)
	SecurityFilterChain actuatorChain(HttpSecurity http, ScrapeProperties scrape) throws Exception {
		BearerTokens tokens = BearerTokens.ofDigests(scrape.digests());
		bearer(http, "/actuator/**", (token) -> tokens.accepts("Bearer " + token)
				? Optional.of(authenticated("prometheus", List.of(SCRAPE))) : Optional.empty());
		return http
			.authorizeHttpRequests((requests) -> requests.requestMatchers("/actuator/health", "/actuator/health/**")
				.permitAll()
				.anyRequest()
				.hasAuthority(SCRAPE))
			.build();
	}

	/** The web UI: form sign-in, sessions and CSRF; see {@link UiSecurity}. */
	@Bean
	@Order(3)
	SecurityFilterChain uiChain(HttpSecurity http, UserDetailsService users, UserDetailsPasswordService upgrades,
			PasswordEncoder passwordEncoder, LoginThrottle throttle) throws Exception {
		return UiSecurity.configure(http, users, upgrades, passwordEncoder, throttle).build();
	}

	@Bean
	@Order(Ordered.LOWEST_PRECEDENCE)
	SecurityFilterChain defaultChain(HttpSecurity http) throws Exception {
		return http.headers((headers) -> headers.referrerPolicy((referrer) -> referrer.policy(REFERRER_POLICY)))
			.authorizeHttpRequests((requests) -> requests.requestMatchers("/actuator/health", "/actuator/health/**")
				.permitAll()
				.anyRequest()
				.denyAll())
			.build();
	}

	private static void bearer(HttpSecurity http, String paths,
			Function<String, Optional<Authentication>> authenticator) throws Exception {
		ProblemResponses problems = new ProblemResponses();
		http.securityMatcher(paths)
			// Bearer tokens are not sent by browsers on their own, so there is no CSRF to
			// defend against.
			.csrf((csrf) -> csrf.disable())
			.sessionManagement((sessions) -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.requestCache((cache) -> cache.disable())
			.formLogin((form) -> form.disable())
			.httpBasic((basic) -> basic.disable())
			.logout((logout) -> logout.disable())
			.headers((headers) -> headers.referrerPolicy((referrer) -> referrer.policy(REFERRER_POLICY)))
			.addFilterBefore(new BearerTokenFilter(authenticator), AnonymousAuthenticationFilter.class)
			.exceptionHandling(
					(exceptions) -> exceptions.authenticationEntryPoint(problems).accessDeniedHandler(problems));
	}

	private static Authentication authenticated(Object principal, List<String> authorities) {
		return new PreAuthenticatedAuthenticationToken(principal, "",
				AuthorityUtils.createAuthorityList(authorities.toArray(String[]::new)));
	}

}
