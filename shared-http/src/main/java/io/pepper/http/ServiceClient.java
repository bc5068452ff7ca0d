package io.pepper.http;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

import io.pepper.contracts.v1.WireJson;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.JavaType;
import tools.jackson.databind.JsonNode;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.client.ClientHttpResponse;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The client of one of our own services: paths joined to the base URL so that a base path
 * such as {@code http://host/pepper} is kept, the bearer token on every request, JSON
 * through the wire's {@link WireJson} mapper, connect and read timeouts, no redirects
 * followed. Typed calls ({@link #get}, {@link #post}) throw {@link ServiceCallException}
 * for anything but a readable 2xx answer; {@link #send} never throws and says by its
 * {@link Verdict} what to do with the item. Thread-safe.
 */
public final class ServiceClient {

	/** How much of an error body goes into a reason. */
	private static final int MAX_DETAIL = 300;

	private final String service;

	private final String base;

	private final @Nullable String token;

	private final Duration connectTimeout;

	private final Duration readTimeout;

	private final RestClient rest;

	private ServiceClient(Builder builder) {
		this.service = builder.service;
		this.connectTimeout = builder.connectTimeout;
		this.readTimeout = builder.readTimeout;
		this.base = builder.baseUrl.toString().replaceAll("/+$", "");
		this.token = builder.token;
		// Spring's RestClient over the JDK client: no extra HTTP library in any service,
		// and the JDK client does not follow redirects unless told to.
		HttpClient http = HttpClient.newBuilder()
			.connectTimeout(builder.connectTimeout)
			.followRedirects(HttpClient.Redirect.NEVER)
			.build();
		JdkClientHttpRequestFactory requests = new JdkClientHttpRequestFactory(http);
		requests.setReadTimeout(builder.readTimeout);
		this.rest = RestClient.builder().requestFactory(requests).build();
	}

	/**
	 * A client of {@code service} at {@code baseUrl}.
	 * @param service the service's name, in messages and logs ("failure-service")
	 * @param baseUrl where it is, with or without a base path and trailing slash
	 */
	public static Builder builder(String service, URI baseUrl) {
		return new Builder(service, baseUrl);
	}

	public String service() {
		return this.service;
	}

	/**
	 * Refuses a setting that cannot be a service's base URL: anything but an absolute
	 * http or https URL with a host, and a query or fragment. Null passes: an unset
	 * optional setting.
	 * @param setting the property, named in the refusal ("pepper.probe.admin-url")
	 * @throws IllegalArgumentException naming the setting and the value
	 */
	public static void requireBaseUrl(@Nullable URI url, String setting) {
		if (url == null) {
			return;
		}
		String scheme = Objects.requireNonNullElse(url.getScheme(), "");
		if (!(scheme.equalsIgnoreCase("http") || scheme.equalsIgnoreCase("https")) || url.getHost() == null) {
			throw new IllegalArgumentException(
					setting + " must be an absolute http or https URL but was '" + url + "'");
		}
		if (url.getRawQuery() != null || url.getRawFragment() != null) {
			throw new IllegalArgumentException(
					setting + " must be a base URL without query or fragment but was '" + url + "'");
		}
	}

	/**
	 * The URL of {@code path} under the base URL: {@code http://host/pepper} and
	 * {@code /v1/results} give {@code http://host/pepper/v1/results}.
	 * @param path starts with a slash; may hold a query and {@code {name}} placeholders
	 * @param variables the placeholders' values in order, encoded here
	 */
	public URI uri(String path, Object... variables) {
		if (!path.startsWith("/")) {
			throw new IllegalArgumentException("a service path starts with '/' but was '" + path + "'");
		}
		String relative = UriComponentsBuilder.fromUriString(path).encode().buildAndExpand(variables).toUriString();
		return URI.create(this.base + relative);
	}

	/** GETs {@code path} and reads the answer as {@code type}. */
	public <T> T get(String path, Class<T> type, Object... variables) {
		return read(exchange(HttpMethod.GET, uri(path, variables), null, null), WireJson.mapper().constructType(type));
	}

	/** GETs {@code path} and reads the answer as {@code type}, e.g. a list. */
	public <T> T get(String path, TypeReference<T> type, Object... variables) {
		return read(exchange(HttpMethod.GET, uri(path, variables), null, null), WireJson.mapper().constructType(type));
	}

	/** POSTs {@code body} as JSON and reads the answer as {@code type}. */
	public <T> T post(String path, Object body, Class<T> type, Object... variables) {
		return read(exchange(HttpMethod.POST, uri(path, variables), json(body), null),
				WireJson.mapper().constructType(type));
	}

	/** POSTs {@code body} as JSON and reads the answer as {@code type}, e.g. a list. */
	public <T> T post(String path, Object body, TypeReference<T> type, Object... variables) {
		return read(exchange(HttpMethod.POST, uri(path, variables), json(body), null),
				WireJson.mapper().constructType(type));
	}

	/**
	 * GETs {@code path} unless it is unchanged since {@code etag}.
	 * @return the new body and its ETag, or {@link Conditional#unchanged()} on a 304
	 */
	public <T> Conditional<T> getIfChanged(String path, @Nullable String etag, Class<T> type, Object... variables) {
		Response response = exchange(HttpMethod.GET, uri(path, variables), null, etag);
		if (response.status() == 304) {
			return Conditional.unchanged();
		}
		T body = read(response, WireJson.mapper().constructType(type));
		return new Conditional<>(body, response.etag());
	}

	/**
	 * POSTs an item and says what its answer means for it; never throws.
	 * @param body the item: serialized with the wire's mapper, or sent as is when it is
	 * JSON already ({@code byte[]} or {@code String})
	 */
	public Answer send(String path, Object body, Object... variables) {
		URI uri = uri(path, variables);
		Response response;
		try {
			response = exchange(HttpMethod.POST, uri, json(body), null);
		}
		catch (ServiceCallException ex) {
			return new Answer(ex.status(), ex.verdict(), Objects.requireNonNullElse(ex.getMessage(), ""));
		}
		Verdict verdict = Verdict.of(response.status());
		return new Answer(response.status(), verdict, (verdict == Verdict.DELIVERED)
				? this.service + " answered " + response.status() : refusal(uri, response));
	}

	private Response exchange(HttpMethod method, URI uri, byte @Nullable [] body, @Nullable String etag) {
		RestClient.RequestBodySpec request = this.rest.method(method).uri(uri).headers((headers) -> {
			headers.setAccept(List.of(MediaType.APPLICATION_JSON, MediaType.APPLICATION_PROBLEM_JSON));
			if (this.token != null) {
				headers.setBearerAuth(this.token);
			}
			if (etag != null) {
				headers.setIfNoneMatch(etag);
			}
		});
		if (body != null) {
			request.contentType(MediaType.APPLICATION_JSON).body(body);
		}
		try {
			return request.exchange((req, res) -> response(uri, res), true);
		}
		catch (ResourceAccessException ex) {
			throw new ServiceCallException(this.service, uri, 0, Verdict.RETRY, null,
					"cannot reach " + this.service + " at " + uri + ": " + why(ex), ex);
		}
	}

	private String why(ResourceAccessException ex) {
		Throwable cause = Objects.requireNonNullElse(ex.getCause(), ex);
		if (cause instanceof HttpConnectTimeoutException) {
			return "connect timed out after " + this.connectTimeout.toMillis() + " ms";
		}
		if (cause instanceof HttpTimeoutException) {
			return "timed out: no answer within " + this.readTimeout.toMillis() + " ms";
		}
		return cause.toString();
	}

	private static Response response(URI uri, ClientHttpResponse response) throws IOException {
		byte[] bytes;
		try (InputStream in = response.getBody()) {
			bytes = in.readAllBytes();
		}
		return new Response(uri, response.getStatusCode().value(), response.getHeaders().getETag(),
				response.getHeaders().getContentType(), bytes);
	}

	private <T> T read(Response response, JavaType type) {
		URI uri = response.uri();
		if (Verdict.of(response.status()) != Verdict.DELIVERED) {
			throw new ServiceCallException(this.service, uri, response.status(), Verdict.of(response.status()),
					detail(response), refusal(uri, response), null);
		}
		try {
			T value = WireJson.mapper().readValue(response.body(), type);
			if (value == null) {
				throw new ServiceCallException(this.service, uri, response.status(), Verdict.SET_ASIDE, null,
						this.service + " answered " + response.status() + " without a body from " + uri, null);
			}
			return value;
		}
		catch (JacksonException ex) {
			throw new ServiceCallException(this.service, uri, response.status(), Verdict.SET_ASIDE,
					ex.getOriginalMessage(), this.service + " answered " + uri + " with a body that is not a "
							+ type.getRawClass().getSimpleName() + ": " + ex.getOriginalMessage(),
					ex);
		}
	}

	private String refusal(URI uri, Response response) {
		String detail = detail(response);
		return this.service + " answered " + response.status() + " for " + uri
				+ ((detail != null && !detail.isBlank()) ? ": " + detail : "");
	}

	/** The problem's detail, or the start of the body. */
	private static @Nullable String detail(Response response) {
		if (response.body().length == 0) {
			return null;
		}
		MediaType type = response.contentType();
		if (type != null && (type.isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
				|| type.isCompatibleWith(MediaType.APPLICATION_JSON))) {
			try {
				JsonNode problem = WireJson.mapper().readTree(response.body());
				JsonNode detail = problem.path("detail");
				if (detail.isString()) {
					return detail.asString();
				}
			}
			catch (JacksonException ex) {
				// Not JSON after all: the start of the body says what it is.
			}
		}
		String text = new String(response.body(), StandardCharsets.UTF_8).strip();
		return (text.length() > MAX_DETAIL) ? text.substring(0, MAX_DETAIL) + "..." : text;
	}

	private static byte[] json(Object body) {
		if (body instanceof byte[] bytes) {
			return bytes;
		}
		if (body instanceof String text) {
			return text.getBytes(StandardCharsets.UTF_8);
		}
		return WireJson.mapper().writeValueAsBytes(body);
	}

	/**
	 * The answer to a conditional GET.
	 *
	 * @param body the new body, or null when it is unchanged
	 * @param etag the new body's ETag, when the service gave one
	 */
	public record Conditional<T>(@Nullable T body, @Nullable String etag) {

		static <T> Conditional<T> unchanged() {
			return new Conditional<>(null, null);
		}

		/** Whether the service answered 304: the body known is still current. */
		public boolean notModified() {
			return this.body == null;
		}

	}

	private record Response(URI uri, int status, @Nullable String etag, @Nullable MediaType contentType, byte[] body) {

	}

	/** Settings of a {@link ServiceClient}; the timeouts default to 5 and 10 seconds. */
	public static final class Builder {

		private final String service;

		private final URI baseUrl;

		private @Nullable String token;

		private Duration connectTimeout = Duration.ofSeconds(5);

		private Duration readTimeout = Duration.ofSeconds(10);

		private Builder(String service, URI baseUrl) {
			requireBaseUrl(baseUrl, service + "'s URL");
			this.service = service;
			this.baseUrl = baseUrl;
		}

		/** The bearer token sent on every request; none when null. */
		public Builder token(@Nullable String token) {
			this.token = (token != null && !token.isBlank()) ? token : null;
			return this;
		}

		/** How long connecting may take. */
		public Builder connectTimeout(Duration timeout) {
			this.connectTimeout = timeout;
			return this;
		}

		/** How long the answer may take once the request is sent. */
		public Builder readTimeout(Duration timeout) {
			this.readTimeout = timeout;
			return this;
		}

		public ServiceClient build() {
			return new ServiceClient(this);
		}

	}

}
