package io.pepper.admin.web;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

import io.pepper.contracts.v1.WireJson;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses API request bodies that announce more than the API ever needs, with 413 before
 * anything is read: 1 MiB, and 32 MiB for a whole organization's configuration.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class BodySizeLimit extends OncePerRequestFilter {

	static final long MAX_BYTES = 1024 * 1024;

	static final long MAX_CONFIG_BYTES = 32 * 1024 * 1024;

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		return !request.getRequestURI().startsWith("/api/");
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		long limit = request.getRequestURI().startsWith("/api/v1/config") ? MAX_CONFIG_BYTES : MAX_BYTES;
		if (request.getContentLengthLong() > limit || (request.getContentLengthLong() < 0
				&& request.getHeader("Transfer-Encoding") != null && limit == MAX_BYTES)) {
			Map<String, Object> problem = new LinkedHashMap<>();
			problem.put("type", "about:blank");
			problem.put("title", HttpStatus.CONTENT_TOO_LARGE.getReasonPhrase());
			problem.put("status", HttpStatus.CONTENT_TOO_LARGE.value());
			problem.put("detail", "The request body must be at most " + limit + " bytes and say its Content-Length");
			problem.put("instance", request.getRequestURI());
			response.setStatus(HttpStatus.CONTENT_TOO_LARGE.value());
			response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
			WireJson.mapper().writeValue(response.getOutputStream(), problem);
			return;
		}
		chain.doFilter(request, response);
	}

}
