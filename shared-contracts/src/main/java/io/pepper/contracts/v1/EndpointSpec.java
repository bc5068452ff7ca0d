package io.pepper.contracts.v1;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;

/**
 * Everything a probe needs to check one endpoint, and the receiver to classify the
 * result.
 *
 * @param id the endpoint
 * @param organizationId the organization that owns it
 * @param name what people call it, used in notifications
 * @param url what is checked: an absolute http or https URL for HTTP,
 * {@code tcp://host:port} for TCP, {@code tls://host:port} for TLS and {@code dns:name}
 * for DNS
 * @param method the request method (HTTP only; GET for other kinds when left out)
 * @param headers request headers
 * @param body request body, or null for none
 * @param expectedStatus accepted status codes; empty means 200-299
 * @param assertions what the body must satisfy, all of them
 * @param timeoutMs the overall deadline of one check
 * @param followRedirects whether redirects are followed
 * @param apdexThresholdMs the Apdex threshold T
 * @param intervalSeconds how often the endpoint is checked
 * @param httpVersion which HTTP versions the check may speak; {@link HttpVersion#AUTO}
 * when a sender leaves it out
 * @param kind what protocol the check speaks; {@link CheckKind#HTTP} when a sender leaves
 * it out, so specs from before there were other kinds still read
 * @param settings the settings of a kind other than HTTP, whose type must match the kind;
 * the kind's defaults when left out, and null for HTTP
 */
public record EndpointSpec(UUID id, UUID organizationId, String name, URI url, HttpMethod method,
		Map<String, String> headers, @Nullable String body, List<StatusRange> expectedStatus,
		List<BodyAssertion> assertions, @JsonProperty(required = true) int timeoutMs,
		@JsonProperty(required = true) boolean followRedirects, @JsonProperty(required = true) int apdexThresholdMs,
		@JsonProperty(required = true) int intervalSeconds, @Nullable HttpVersion httpVersion, CheckKind kind,
		@Nullable CheckSettings settings) {

	public static final int MAX_TIMEOUT_MS = 120_000;

	public EndpointSpec {
		Require.present(id, "id");
		Require.present(organizationId, "organizationId");
		Require.text(name, "name");
		kind = (kind != null) ? kind : CheckKind.HTTP;
		Require.present(url, "url");
		CheckUrls.unreadable(kind, url).ifPresent((problem) -> {
			throw new IllegalArgumentException("url " + problem);
		});
		if (kind != CheckKind.HTTP && method == null) {
			method = HttpMethod.GET;
		}
		Require.present(method, "method");
		headers = Require.map(headers, "headers");
		expectedStatus = Require.list(expectedStatus, "expectedStatus");
		assertions = Require.list(assertions, "assertions");
		Require.between(timeoutMs, 1, MAX_TIMEOUT_MS, "timeoutMs");
		Require.between(apdexThresholdMs, 1, MAX_TIMEOUT_MS, "apdexThresholdMs");
		Require.between(intervalSeconds, 10, 86_400, "intervalSeconds");
		httpVersion = (httpVersion != null) ? httpVersion : HttpVersion.AUTO;
		settings = (settings != null) ? settings : CheckSettings.defaults(kind);
		if (kind == CheckKind.HTTP && settings != null) {
			throw new IllegalArgumentException("settings of type " + settings.kind().scheme()
					+ " do not belong to an HTTP check, whose settings are the spec's own fields");
		}
		if (settings != null && settings.kind() != kind) {
			throw new IllegalArgumentException(
					"settings of type " + settings.kind().scheme() + " do not belong to a " + kind + " check");
		}
	}

	/** A spec that lets the check negotiate its HTTP version. */
	public EndpointSpec(UUID id, UUID organizationId, String name, URI url, HttpMethod method,
			Map<String, String> headers, @Nullable String body, List<StatusRange> expectedStatus,
			List<BodyAssertion> assertions, int timeoutMs, boolean followRedirects, int apdexThresholdMs,
			int intervalSeconds, @Nullable HttpVersion httpVersion) {
		this(id, organizationId, name, url, method, headers, body, expectedStatus, assertions, timeoutMs,
				followRedirects, apdexThresholdMs, intervalSeconds, httpVersion, CheckKind.HTTP, null);
	}

	/** A check of a kind other than HTTP, with its settings. */
	public static EndpointSpec of(UUID id, UUID organizationId, String name, URI url, CheckSettings settings,
			int timeoutMs, int apdexThresholdMs, int intervalSeconds) {
		return new EndpointSpec(id, organizationId, name, url, HttpMethod.GET, Map.of(), null, List.of(), List.of(),
				timeoutMs, false, apdexThresholdMs, intervalSeconds, HttpVersion.AUTO, settings.kind(), settings);
	}

	/** The settings as {@code type}, for the checker of that kind. */
	public <T extends CheckSettings> T settings(Class<T> type) {
		if (!type.isInstance(this.settings)) {
			throw new IllegalStateException("a " + this.kind + " check has no " + type.getSimpleName() + " settings");
		}
		return type.cast(this.settings);
	}

	/** A spec that lets the check negotiate its HTTP version. */
	public EndpointSpec(UUID id, UUID organizationId, String name, URI url, HttpMethod method,
			Map<String, String> headers, @Nullable String body, List<StatusRange> expectedStatus,
			List<BodyAssertion> assertions, int timeoutMs, boolean followRedirects, int apdexThresholdMs,
			int intervalSeconds) {
		this(id, organizationId, name, url, method, headers, body, expectedStatus, assertions, timeoutMs,
				followRedirects, apdexThresholdMs, intervalSeconds, HttpVersion.AUTO);
	}

	/** Whether {@code status} is one this endpoint accepts. */
	public boolean accepts(int status) {
		List<StatusRange> ranges = this.expectedStatus.isEmpty() ? List.of(StatusRange.SUCCESS) : this.expectedStatus;
		return ranges.stream().anyMatch((range) -> range.contains(status));
	}

}
