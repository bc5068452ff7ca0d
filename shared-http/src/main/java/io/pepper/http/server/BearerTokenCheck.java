package io.pepper.http.server;

import java.util.List;

import io.pepper.contracts.auth.BearerTokens;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * The server side of a service token: whether a request's {@code Authorization: Bearer}
 * header carries one of the tokens configured by their SHA-256 digests. As a
 * {@link HandlerInterceptor} it refuses a request before its body is read.
 */
public final class BearerTokenCheck implements HandlerInterceptor {

	private final BearerTokens tokens;

	private final String refusal;

	private BearerTokenCheck(BearerTokens tokens, String refusal) {
		this.tokens = tokens;
		this.refusal = refusal;
	}

	/**
	 * Accepts the tokens whose hex SHA-256 digests are given; none when empty.
	 * @param refusal the problem's detail for a request without one, naming the token
	 * wanted ("A valid query token is required")
	 */
	public static BearerTokenCheck ofDigests(List<String> hexDigests, String refusal) {
		return new BearerTokenCheck(BearerTokens.ofDigests(hexDigests), refusal);
	}

	/** Whether the request carries an accepted token. */
	public boolean accepts(HttpServletRequest request) {
		return this.tokens.accepts(request.getHeader(HttpHeaders.AUTHORIZATION));
	}

	/** Refuses a request without an accepted token. */
	public void require(HttpServletRequest request) {
		if (!accepts(request)) {
			throw new InvalidTokenException(this.refusal);
		}
	}

	@Override
	public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
		require(request);
		return true;
	}

}
