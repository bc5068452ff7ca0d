package io.pepper.admin.endpoint;

import io.pepper.admin.web.Name;
import java.util.List;
import java.util.Map;

import io.pepper.contracts.v1.BodyAssertion;
import io.pepper.contracts.v1.CheckKind;
import io.pepper.contracts.v1.CheckSettings;
import io.pepper.contracts.v1.HttpMethod;
import io.pepper.contracts.v1.HttpVersion;
import io.pepper.contracts.v1.StatusRange;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.hibernate.validator.constraints.Range;
import org.jspecify.annotations.Nullable;

/**
 * What a client sends to create an endpoint; absent optional fields take the defaults of
 * {@link EndpointSettings}. Components are nullable because they arrive unchecked.
 *
 * @param name what people call it, at most 200 characters
 * @param url an absolute http or https URL
 * @param method the request method, GET by default
 * @param headers request headers
 * @param body request body
 * @param expectedStatus accepted status codes; none means 200-299
 * @param assertions what the body must satisfy
 * @param timeoutMs deadline of one check, 1 to 120000
 * @param followRedirects whether redirects are followed, false by default
 * @param apdexThresholdMs the Apdex threshold T, 1 to 120000
 * @param intervalSeconds how often it is checked, 10 to 86400
 * @param enabled whether probes check it, true by default
 * @param locations where it is checked from; at least one, each existing
 * @param tags free labels
 * @param httpVersion {@code AUTO} (HTTP/2 where the server offers it, the default) or
 * {@code HTTP_1_1}
 * @param kind {@code HTTP} (the default), {@code TCP}, {@code DNS} or {@code TLS}; the
 * URL's scheme follows it
 * @param settings the settings of a kind other than HTTP, with their {@code type}; the
 * kind's defaults when left out
 */
@CheckTarget
public record EndpointRequest(@Name @Nullable String name, @NotBlank @Size(max = 2048) @Nullable String url,
		@Nullable HttpMethod method, @Size(max = 50) @HeaderMap @Nullable Map<String, String> headers,
		@Size(max = 65_536) @Nullable String body, @Size(max = 50) @Nullable List<@NotNull StatusRange> expectedStatus,
		@Size(max = 50) @Nullable List<@NotNull BodyAssertion> assertions,
		@Range(min = 1, max = 120_000) @Nullable Integer timeoutMs, @Nullable Boolean followRedirects,
		@Range(min = 1, max = 120_000) @Nullable Integer apdexThresholdMs,
		@Range(min = 10, max = 86_400) @Nullable Integer intervalSeconds, @Nullable Boolean enabled,
		@NotEmpty @Size(max = 50) @Nullable List<@NotBlank String> locations,
		@Size(max = 50) @Nullable List<@NotBlank @Size(max = 100) @Pattern(regexp = Name.ALLOWED,
				message = Name.MESSAGE) String> tags,
		@Nullable HttpVersion httpVersion, @Nullable CheckKind kind, @Nullable CheckSettings settings) {

	/** A request for an HTTP endpoint. */
	public EndpointRequest(@Nullable String name, @Nullable String url, @Nullable HttpMethod method,
			@Nullable Map<String, String> headers, @Nullable String body, @Nullable List<StatusRange> expectedStatus,
			@Nullable List<BodyAssertion> assertions, @Nullable Integer timeoutMs, @Nullable Boolean followRedirects,
			@Nullable Integer apdexThresholdMs, @Nullable Integer intervalSeconds, @Nullable Boolean enabled,
			@Nullable List<String> locations, @Nullable List<String> tags, @Nullable HttpVersion httpVersion) {
		this(name, url, method, headers, body, expectedStatus, assertions, timeoutMs, followRedirects, apdexThresholdMs,
				intervalSeconds, enabled, locations, tags, httpVersion, null, null);
	}

	/** A request that leaves the HTTP version to its default. */
	public EndpointRequest(@Nullable String name, @Nullable String url, @Nullable HttpMethod method,
			@Nullable Map<String, String> headers, @Nullable String body, @Nullable List<StatusRange> expectedStatus,
			@Nullable List<BodyAssertion> assertions, @Nullable Integer timeoutMs, @Nullable Boolean followRedirects,
			@Nullable Integer apdexThresholdMs, @Nullable Integer intervalSeconds, @Nullable Boolean enabled,
			@Nullable List<String> locations, @Nullable List<String> tags) {
		this(name, url, method, headers, body, expectedStatus, assertions, timeoutMs, followRedirects, apdexThresholdMs,
				intervalSeconds, enabled, locations, tags, null, null, null);
	}

}
