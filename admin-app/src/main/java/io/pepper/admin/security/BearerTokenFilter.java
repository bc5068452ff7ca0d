package io.pepper.admin.security;

import java.io.IOException;
import java.util.Optional;
import java.util.function.Function;

import io.pepper.contracts.auth.BearerTokens;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Authenticates a request by its {@code Authorization: Bearer} token, for the tokens
 * stored in the admin database (people's API tokens, probe tokens). A missing or unknown
 * token leaves the request anonymous, and authorization then answers 401. Service tokens,
 * configured by their digests, are checked by the shared {@code BearerTokenCheck} instead
 * ({@link ServiceApiSecurity}).
 */
final class BearerTokenFilter extends OncePerRequestFilter {

	private final Function<String, Optional<Authentication>> authenticator;

	private final SecurityContextHolderStrategy contexts = SecurityContextHolder.getContextHolderStrategy();

	BearerTokenFilter(Function<String, Optional<Authentication>> authenticator) {
		this.authenticator = authenticator;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String token = BearerTokens.presented(request.getHeader(HttpHeaders.AUTHORIZATION));
		if (token != null) {
			this.authenticator.apply(token).ifPresent((authentication) -> {
				SecurityContext context = this.contexts.createEmptyContext();
				context.setAuthentication(authentication);
				this.contexts.setContext(context);
			});
		}
		chain.doFilter(request, response);
	}

}
