package io.pepper.admin.endpoint;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.pepper.contracts.v1.BodyAssertion;
import io.pepper.contracts.v1.CheckKind;
import io.pepper.contracts.v1.CheckSettings;
import io.pepper.contracts.v1.EndpointSpec;
import io.pepper.contracts.v1.HttpMethod;
import io.pepper.contracts.v1.HttpVersion;
import io.pepper.contracts.v1.StatusRange;
import org.jspecify.annotations.Nullable;

/**
 * The validated, complete configuration of an endpoint: what a request becomes once
 * defaults are filled in.
 *
 * @param name what people call it
 * @param url an absolute http or https URL
 * @param method the request method
 * @param headers request headers
 * @param body request body, or null for none
 * @param expectedStatus accepted status codes; empty means 200-299
 * @param assertions what the body must satisfy
 * @param timeoutMs the deadline of one check
 * @param followRedirects whether redirects are followed
 * @param apdexThresholdMs the Apdex threshold T
 * @param intervalSeconds how often it is checked
 * @param enabled whether probes check it
 * @param locations where it is checked from
 * @param tags free labels
 * @param httpVersion which HTTP versions checks may speak
 * @param kind what protocol checks speak
 * @param settings the settings of a kind other than HTTP; null for HTTP
 */
public record EndpointSettings(String name, URI url, HttpMethod method, Map<String, String> headers,
		@Nullable String body, List<StatusRange> expectedStatus, List<BodyAssertion> assertions, int timeoutMs,
		boolean followRedirects, int apdexThresholdMs, int intervalSeconds, boolean enabled, List<String> locations,
		List<String> tags, HttpVersion httpVersion, CheckKind kind, @Nullable CheckSettings settings) {

	public static final int DEFAULT_TIMEOUT_MS = 10_000;

	public static final int DEFAULT_APDEX_THRESHOLD_MS = 500;

	public static final int DEFAULT_INTERVAL_SECONDS = 60;

	public EndpointSettings {
		headers = Map.copyOf(headers);
		expectedStatus = List.copyOf(expectedStatus);
		assertions = List.copyOf(assertions);
		locations = List.copyOf(locations);
		tags = List.copyOf(tags);
	}

	/** Settings of an HTTP endpoint. */
	public EndpointSettings(String name, URI url, HttpMethod method, Map<String, String> headers, @Nullable String body,
			List<StatusRange> expectedStatus, List<BodyAssertion> assertions, int timeoutMs, boolean followRedirects,
			int apdexThresholdMs, int intervalSeconds, boolean enabled, List<String> locations, List<String> tags,
			HttpVersion httpVersion) {
		this(name, url, method, headers, body, expectedStatus, assertions, timeoutMs, followRedirects, apdexThresholdMs,
				intervalSeconds, enabled, locations, tags, httpVersion, CheckKind.HTTP, null);
	}

	/** Settings that let checks negotiate their HTTP version. */
	public EndpointSettings(String name, URI url, HttpMethod method, Map<String, String> headers, @Nullable String body,
			List<StatusRange> expectedStatus, List<BodyAssertion> assertions, int timeoutMs, boolean followRedirects,
			int apdexThresholdMs, int intervalSeconds, boolean enabled, List<String> locations, List<String> tags) {
		this(name, url, method, headers, body, expectedStatus, assertions, timeoutMs, followRedirects, apdexThresholdMs,
				intervalSeconds, enabled, locations, tags, HttpVersion.AUTO);
	}

	/** The wire form; its constructor re-checks the contract's invariants. */
	public EndpointSpec toSpec(UUID id, UUID organizationId) {
		return new EndpointSpec(id, organizationId, this.name, this.url, this.method, this.headers, this.body,
				this.expectedStatus, this.assertions, this.timeoutMs, this.followRedirects, this.apdexThresholdMs,
				this.intervalSeconds, this.httpVersion, this.kind, this.settings);
	}

}
