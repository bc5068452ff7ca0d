package io.pepper.probe;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.pepper.contracts.v1.BodyAssertion;
import io.pepper.contracts.v1.EndpointSpec;
import io.pepper.contracts.v1.HttpMethod;
import io.pepper.contracts.v1.HttpVersion;
import io.pepper.contracts.v1.StatusRange;

/**
 * Endpoint specs for tests: a GET with sensible settings, changed one field at a time.
 */
public final class Specs {

	private Specs() {
	}

	public static EndpointSpec get(URI url) {
		return new EndpointSpec(UUID.randomUUID(), UUID.randomUUID(), "endpoint " + url.getPath(), url, HttpMethod.GET,
				Map.of(), null, List.of(), List.of(), 5_000, true, 500, 60);
	}

	public static EndpointSpec withTimeout(EndpointSpec spec, int timeoutMs) {
		return new EndpointSpec(spec.id(), spec.organizationId(), spec.name(), spec.url(), spec.method(),
				spec.headers(), spec.body(), spec.expectedStatus(), spec.assertions(), timeoutMs,
				spec.followRedirects(), spec.apdexThresholdMs(), spec.intervalSeconds());
	}

	public static EndpointSpec withAssertions(EndpointSpec spec, BodyAssertion... assertions) {
		return new EndpointSpec(spec.id(), spec.organizationId(), spec.name(), spec.url(), spec.method(),
				spec.headers(), spec.body(), spec.expectedStatus(), List.of(assertions), spec.timeoutMs(),
				spec.followRedirects(), spec.apdexThresholdMs(), spec.intervalSeconds());
	}

	public static EndpointSpec withoutRedirects(EndpointSpec spec) {
		return new EndpointSpec(spec.id(), spec.organizationId(), spec.name(), spec.url(), spec.method(),
				spec.headers(), spec.body(), spec.expectedStatus(), spec.assertions(), spec.timeoutMs(), false,
				spec.apdexThresholdMs(), spec.intervalSeconds());
	}

	public static EndpointSpec withStatus(EndpointSpec spec, StatusRange... expected) {
		return new EndpointSpec(spec.id(), spec.organizationId(), spec.name(), spec.url(), spec.method(),
				spec.headers(), spec.body(), List.of(expected), spec.assertions(), spec.timeoutMs(),
				spec.followRedirects(), spec.apdexThresholdMs(), spec.intervalSeconds());
	}

	public static EndpointSpec withInterval(EndpointSpec spec, int intervalSeconds) {
		return new EndpointSpec(spec.id(), spec.organizationId(), spec.name(), spec.url(), spec.method(),
				spec.headers(), spec.body(), spec.expectedStatus(), spec.assertions(), spec.timeoutMs(),
				spec.followRedirects(), spec.apdexThresholdMs(), intervalSeconds);
	}

	public static EndpointSpec withId(EndpointSpec spec, UUID id) {
		return new EndpointSpec(id, spec.organizationId(), spec.name(), spec.url(), spec.method(), spec.headers(),
				spec.body(), spec.expectedStatus(), spec.assertions(), spec.timeoutMs(), spec.followRedirects(),
				spec.apdexThresholdMs(), spec.intervalSeconds());
	}

	public static EndpointSpec withHttpVersion(EndpointSpec spec, HttpVersion version) {
		return new EndpointSpec(spec.id(), spec.organizationId(), spec.name(), spec.url(), spec.method(),
				spec.headers(), spec.body(), spec.expectedStatus(), spec.assertions(), spec.timeoutMs(),
				spec.followRedirects(), spec.apdexThresholdMs(), spec.intervalSeconds(), version);
	}

	public static EndpointSpec post(URI url, Map<String, String> headers, String body) {
		return new EndpointSpec(UUID.randomUUID(), UUID.randomUUID(), "post " + url.getPath(), url, HttpMethod.POST,
				headers, body, List.of(), List.of(), 5_000, true, 500, 60);
	}

}
