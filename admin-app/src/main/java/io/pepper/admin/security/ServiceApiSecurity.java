package io.pepper.admin.security;

import io.pepper.admin.AdminProperties;
import io.pepper.http.server.BearerTokenCheck;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Two more filter chains: the service API for failure-service and receiver-service
 * (bearer tokens known by their digests, {@code pepper.admin.service-token-sha256}), and
 * the OpenAPI description with its browser, open to all.
 */
@Configuration(proxyBeanMethods = false)
class ServiceApiSecurity {

	@Bean
	@Order(4)
	SecurityFilterChain serviceChain(HttpSecurity http, AdminProperties properties) throws Exception {
		BearerTokenCheck accepted = BearerTokenCheck.ofDigests(properties.serviceTokenSha256(),
				"A valid service token is required");
		ProblemResponses problems = new ProblemResponses();
		return http.securityMatcher("/api/service/**")
			.csrf((csrf) -> csrf.disable())
			.sessionManagement((sessions) -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.requestCache((cache) -> cache.disable())
			.formLogin((form) -> form.disable())
			.httpBasic((basic) -> basic.disable())
			.logout((logout) -> logout.disable())
			// The snapshot sets its own Cache-Control (no-store) and ETag.
			.headers((headers) -> headers.cacheControl((cache) -> cache.disable())
				.referrerPolicy((referrer) -> referrer.policy(SecurityConfiguration.REFERRER_POLICY)))
			.exceptionHandling(
					(exceptions) -> exceptions.authenticationEntryPoint(problems).accessDeniedHandler(problems))
			// The shared check decides; a refused request is anonymous, so it gets the
			// 401.
			.authorizeHttpRequests((requests) -> requests.anyRequest()
				.access((authentication, context) -> new AuthorizationDecision(accepted.accepts(context.getRequest()))))
			.build();
	}

	/**
	 * The API description and its browser hold nothing secret, so anyone may read them.
	 */
	@Bean
	@Order(5)
	SecurityFilterChain openApiChain(HttpSecurity http) throws Exception {
		return http
			.securityMatcher("/v3/api-docs", "/v3/api-docs/**", "/v3/api-docs.yaml", "/swagger-ui.html",
					"/swagger-ui/**")
			.csrf((csrf) -> csrf.disable())
			.headers((headers) -> headers
				.referrerPolicy((referrer) -> referrer.policy(SecurityConfiguration.REFERRER_POLICY)))
			.sessionManagement((sessions) -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.requestCache((cache) -> cache.disable())
			.formLogin((form) -> form.disable())
			.httpBasic((basic) -> basic.disable())
			.logout((logout) -> logout.disable())
			.authorizeHttpRequests(
					(requests) -> requests.requestMatchers(HttpMethod.GET).permitAll().anyRequest().denyAll())
			.build();
	}

}
