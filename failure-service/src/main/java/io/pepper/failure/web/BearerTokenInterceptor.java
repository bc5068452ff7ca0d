package io.pepper.failure.web;

import io.pepper.contracts.auth.BearerTokens;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.web.servlet.HandlerInterceptor;

/** Rejects requests without an accepted token before their body is read. */
class BearerTokenInterceptor implements HandlerInterceptor {

	private final BearerTokens tokens;

	private final String refusal;

	BearerTokenInterceptor(BearerTokens tokens, String refusal) {
		this.tokens = tokens;
		this.refusal = refusal;
	}

	@Override
	public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
		if (!this.tokens.accepts(request.getHeader(HttpHeaders.AUTHORIZATION))) {
			throw new UnauthorizedException(this.refusal);
		}
		return true;
	}

}
