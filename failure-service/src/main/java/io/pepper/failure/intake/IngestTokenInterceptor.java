package io.pepper.failure.intake;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.HandlerInterceptor;

/** Rejects intake requests without an accepted token before their body is read. */
@Component
class IngestTokenInterceptor implements HandlerInterceptor {

	private final IngestTokens tokens;

	IngestTokenInterceptor(IngestTokens tokens) {
		this.tokens = tokens;
	}

	@Override
	public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
		if (!this.tokens.accepts(request.getHeader(HttpHeaders.AUTHORIZATION))) {
			throw new InvalidIngestTokenException();
		}
		return true;
	}

}
