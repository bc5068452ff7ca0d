package io.pepper.failure.intake;

import io.pepper.contracts.auth.BearerTokens;
import io.pepper.failure.FailureProperties;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.HandlerInterceptor;

/** Rejects intake requests without an accepted token before their body is read. */
@Component
class IngestTokenInterceptor implements HandlerInterceptor {

	private final BearerTokens tokens;

	IngestTokenInterceptor(FailureProperties properties) {
		this.tokens = BearerTokens.ofDigests(properties.ingestTokenSha256());
	}

	@Override
	public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
		if (!this.tokens.accepts(request.getHeader(HttpHeaders.AUTHORIZATION))) {
			throw new InvalidIngestTokenException();
		}
		return true;
	}

}
