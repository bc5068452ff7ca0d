package io.pepper.http.server;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.pepper.contracts.v1.WireJson;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;

import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.util.unit.DataSize;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The largest request body each route accepts. A body whose Content-Length says more is
 * answered 413 before anything is read; any other body, chunked ones included, is counted
 * as it is read and its reader fails with {@link BodyTooLargeException} at the first byte
 * beyond the limit, which is answered 413 too. Declared as a bean it runs first, ahead of
 * everything that reads bodies (Spring Security included). (Form posts are read by the
 * servlet container, which caps them with its own {@code max-http-form-post-size}.)
 */
public final class BodySizeLimit extends OncePerRequestFilter implements Ordered {

	private final long defaultLimit;

	private final List<Route> routes;

	private BodySizeLimit(long defaultLimit, List<Route> routes) {
		if (defaultLimit < 0) {
			throw new IllegalArgumentException("a body size limit must not be negative but was " + defaultLimit);
		}
		this.defaultLimit = defaultLimit;
		this.routes = List.copyOf(routes);
	}

	/** Every route accepts bodies of at most {@code limit}. */
	public static BodySizeLimit of(DataSize limit) {
		return new BodySizeLimit(limit.toBytes(), List.of());
	}

	/**
	 * This limit with paths starting with {@code pathPrefix} accepting bodies of at most
	 * {@code limit}; the first matching route wins.
	 */
	public BodySizeLimit route(String pathPrefix, DataSize limit) {
		List<Route> routes = new ArrayList<>(this.routes);
		routes.add(new Route(pathPrefix, limit.toBytes()));
		return new BodySizeLimit(this.defaultLimit, routes);
	}

	/** The largest body accepted on {@code path}, in bytes. */
	public long limitFor(String path) {
		for (Route route : this.routes) {
			if (path.startsWith(route.pathPrefix())) {
				return route.limit();
			}
		}
		return this.defaultLimit;
	}

	/** Ahead of every other filter, Spring Security's included. */
	@Override
	public int getOrder() {
		return Ordered.HIGHEST_PRECEDENCE;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		long limit = limitFor(request.getRequestURI());
		if (request.getContentLengthLong() > limit) {
			refuse(request, response, limit);
			return;
		}
		CountedRequest counted = new CountedRequest(request, limit);
		try {
			chain.doFilter(counted, response);
		}
		catch (ServletException | IOException | RuntimeException ex) {
			if (!counted.exceeded() || response.isCommitted()) {
				throw ex;
			}
			response.reset();
			refuse(request, response, limit);
		}
	}

	private static void refuse(HttpServletRequest request, HttpServletResponse response, long limit)
			throws IOException {
		Map<String, Object> problem = new LinkedHashMap<>();
		problem.put("type", "about:blank");
		problem.put("title", HttpStatus.CONTENT_TOO_LARGE.getReasonPhrase());
		problem.put("status", HttpStatus.CONTENT_TOO_LARGE.value());
		problem.put("detail", new BodyTooLargeException(limit).getMessage());
		problem.put("instance", request.getRequestURI());
		response.setStatus(HttpStatus.CONTENT_TOO_LARGE.value());
		response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		// the rest of the body is not read: the connection must not be reused
		response.setHeader("Connection", "close");
		WireJson.mapper().writeValue(response.getOutputStream(), problem);
	}

	private record Route(String pathPrefix, long limit) {
	}

	/** A request whose body fails once more than the limit has been read. */
	private static final class CountedRequest extends HttpServletRequestWrapper {

		private final long limit;

		private @Nullable CountedStream stream;

		private @Nullable BufferedReader reader;

		CountedRequest(HttpServletRequest request, long limit) {
			super(request);
			this.limit = limit;
		}

		boolean exceeded() {
			return this.stream != null && this.stream.exceeded;
		}

		@Override
		public ServletInputStream getInputStream() throws IOException {
			if (this.reader != null) {
				throw new IllegalStateException("getReader() was already called");
			}
			if (this.stream == null) {
				this.stream = new CountedStream(super.getInputStream(), this.limit);
			}
			return this.stream;
		}

		@Override
		public BufferedReader getReader() throws IOException {
			if (this.reader == null) {
				String encoding = getCharacterEncoding();
				Charset charset = (encoding != null) ? Charset.forName(encoding) : StandardCharsets.ISO_8859_1;
				this.reader = new BufferedReader(new InputStreamReader(getInputStream(), charset));
			}
			return this.reader;
		}

	}

	private static final class CountedStream extends ServletInputStream {

		private final ServletInputStream body;

		private final long limit;

		private long count;

		boolean exceeded;

		CountedStream(ServletInputStream body, long limit) {
			this.body = body;
			this.limit = limit;
		}

		@Override
		public int read() throws IOException {
			refuseAgain();
			int b = this.body.read();
			if (b >= 0) {
				counted(1);
			}
			return b;
		}

		@Override
		public int read(byte[] bytes, int offset, int length) throws IOException {
			refuseAgain();
			int read = this.body.read(bytes, offset, length);
			if (read > 0) {
				counted(read);
			}
			return read;
		}

		private void refuseAgain() throws BodyTooLargeException {
			if (this.exceeded) {
				throw new BodyTooLargeException(this.limit);
			}
		}

		private void counted(int bytes) throws BodyTooLargeException {
			this.count += bytes;
			if (this.count > this.limit) {
				this.exceeded = true;
				throw new BodyTooLargeException(this.limit);
			}
		}

		@Override
		public int available() throws IOException {
			return this.body.available();
		}

		@Override
		public void close() throws IOException {
			this.body.close();
		}

		@Override
		public boolean isFinished() {
			return this.body.isFinished();
		}

		@Override
		public boolean isReady() {
			return this.body.isReady();
		}

		@Override
		public void setReadListener(ReadListener listener) {
			this.body.setReadListener(listener);
		}

	}

}
