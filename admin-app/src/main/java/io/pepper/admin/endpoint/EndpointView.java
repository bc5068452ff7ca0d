package io.pepper.admin.endpoint;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.pepper.contracts.v1.BodyAssertion;
import io.pepper.contracts.v1.CheckKind;
import io.pepper.contracts.v1.CheckSettings;
import io.pepper.contracts.v1.HttpMethod;
import io.pepper.contracts.v1.HttpVersion;
import io.pepper.contracts.v1.StatusRange;
import org.jspecify.annotations.Nullable;

/**
 * An endpoint as the API shows it.
 *
 * @param id the endpoint
 * @param organizationId its organization
 * @param name what people call it
 * @param url the URL checked
 * @param method the request method
 * @param headers request headers
 * @param body request body
 * @param expectedStatus accepted status codes; empty means 200-299
 * @param assertions what the body must satisfy
 * @param timeoutMs deadline of one check
 * @param followRedirects whether redirects are followed
 * @param apdexThresholdMs the Apdex threshold T
 * @param intervalSeconds how often it is checked
 * @param enabled whether probes check it
 * @param locations where it is checked from
 * @param tags free labels
 * @param createdAt when it was created
 * @param updatedAt when it was last changed
 * @param httpVersion which HTTP versions checks may speak
 * @param kind what protocol checks speak
 * @param settings the settings of a kind other than HTTP; null for HTTP
 */
public record EndpointView(UUID id, UUID organizationId, String name, URI url, HttpMethod method,
		Map<String, String> headers, @Nullable String body, List<StatusRange> expectedStatus,
		List<BodyAssertion> assertions, int timeoutMs, boolean followRedirects, int apdexThresholdMs,
		int intervalSeconds, boolean enabled, List<String> locations, List<String> tags, Instant createdAt,
		Instant updatedAt, HttpVersion httpVersion, CheckKind kind, @Nullable CheckSettings settings) {

	static EndpointView of(Endpoint endpoint) {
		EndpointSettings s = endpoint.getSettings();
		return new EndpointView(endpoint.getId(), endpoint.getOrganizationId(), s.name(), s.url(), s.method(),
				s.headers(), s.body(), s.expectedStatus(), s.assertions(), s.timeoutMs(), s.followRedirects(),
				s.apdexThresholdMs(), s.intervalSeconds(), s.enabled(), s.locations(), s.tags(),
				endpoint.getCreatedAt(), endpoint.getUpdatedAt(), s.httpVersion(), s.kind(), s.settings());
	}

}
