package io.pepper.http.server;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import io.pepper.contracts.auth.BearerTokens;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Lets only requests with a scrape token ({@code Authorization: Bearer}) reach the metric
 * routes, e.g. {@code /actuator/prometheus}; others get 401 with a problem body. A
 * servlet filter, because actuator endpoints are not reached through MVC interceptors.
 */
public final class ScrapeTokenFilter extends OncePerRequestFilter {

	static final String REFUSAL = "A valid scrape token is required: Authorization: Bearer <token>";

	private final BearerTokens tokens;

	public ScrapeTokenFilter(ScrapeProperties properties) {
		this.tokens = BearerTokens.ofDigests(properties.digests());
	}

	/** The filter, guarding {@code paths} (servlet URL patterns), first in the chain. */
	public static FilterRegistrationBean<ScrapeTokenFilter> registration(ScrapeProperties properties, String... paths) {
		FilterRegistrationBean<ScrapeTokenFilter> registration = new FilterRegistrationBean<>(
				new ScrapeTokenFilter(properties));
		registration.addUrlPatterns(paths);
		registration.setName("scrapeTokenFilter");
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
		return registration;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if (this.tokens.accepts(request.getHeader(HttpHeaders.AUTHORIZATION))) {
			chain.doFilter(request, response);
			return;
		}
		response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
		response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
		response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		response.setCharacterEncoding(StandardCharsets.UTF_8.name());
		response.getWriter()
			.write("{\"type\":\"about:blank\",\"title\":\"Unauthorized\",\"status\":401,\"detail\":\"" + REFUSAL
					+ "\",\"instance\":\"" + request.getRequestURI().replaceAll("[^A-Za-z0-9/._~-]", "") + "\"}");
	}

}
