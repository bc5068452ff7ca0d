package io.pepper.probe.round;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import io.pepper.contracts.v1.ApdexClass;
import io.pepper.contracts.v1.CheckResult;
import io.pepper.contracts.v1.EndpointSpec;
import io.pepper.contracts.v1.FailureReport;
import io.pepper.contracts.v1.Outcome;
import io.pepper.contracts.v1.OutcomeKind;
import io.pepper.contracts.v1.PhaseTimings;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * An entry of the endpoint list the probe cannot check, with as much of it as could be
 * read: it is reported each round as a failed check with outcome
 * {@link OutcomeKind#INVALID_SPEC}, so its owner hears of it through an incident.
 *
 * @param id the endpoint
 * @param organizationId its organization
 * @param name its name, or a stand-in naming the id
 * @param url its URL as far as it can be carried
 * @param apdexThresholdMs its Apdex threshold T, or {@link #DEFAULT_APDEX_THRESHOLD_MS}
 * @param reason what is wrong, naming the field
 */
public record InvalidEndpoint(UUID id, UUID organizationId, String name, URI url, int apdexThresholdMs, String reason) {

	/** T when the entry's own cannot be read. */
	static final int DEFAULT_APDEX_THRESHOLD_MS = 500;

	/**
	 * What can be read of an entry that failed; empty when it names no endpoint and
	 * organization, so there is nobody to tell.
	 */
	static Optional<InvalidEndpoint> of(JsonNode entry, String reason) {
		UUID id = uuid(entry.path("id"));
		UUID organizationId = uuid(entry.path("organizationId"));
		if (id == null || organizationId == null) {
			return Optional.empty();
		}
		String name = entry.path("name").isString() ? entry.path("name").asString().replace('\u0000', '\uFFFD') : "";
		JsonNode threshold = entry.path("apdexThresholdMs");
		int apdex = (threshold.isInt() && threshold.asInt() >= 1 && threshold.asInt() <= EndpointSpec.MAX_TIMEOUT_MS)
				? threshold.asInt() : DEFAULT_APDEX_THRESHOLD_MS;
		return Optional.of(new InvalidEndpoint(id, organizationId, name.isBlank() ? "endpoint " + id : name,
				url(entry.path("url")), apdex, reason));
	}

	/** The failed check this entry stands for at {@code slot}, started at {@code now}. */
	FailureReport failure(String location, Instant slot, Instant now) {
		CheckResult result = new CheckResult(this.id, this.organizationId, location, slot, now,
				new PhaseTimings(null, null, null, null, 0), null, 0, null,
				Outcome.failed(OutcomeKind.INVALID_SPEC, null, "the probe cannot check this endpoint: " + this.reason),
				this.apdexThresholdMs, ApdexClass.FRUSTRATED);
		return new FailureReport(this.name, this.url, result);
	}

	private static @Nullable UUID uuid(JsonNode node) {
		try {
			return node.isString() ? UUID.fromString(node.asString()) : null;
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

	/** The URL as sent when it is one, else its text carried as a relative URL. */
	private static URI url(JsonNode node) {
		String text = node.isString() ? node.asString().replace("\u0000", "") : "";
		try {
			return new URI(text);
		}
		catch (URISyntaxException ex) {
			try {
				return new URI(null, null, text, null);
			}
			catch (URISyntaxException again) {
				return URI.create("");
			}
		}
	}

}
