package io.pepper.admin.probe;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;

import io.pepper.admin.token.ProbeCaller;
import io.pepper.admin.web.InvalidInputException;
import io.pepper.contracts.v1.ProbeEndpointList;
import io.pepper.contracts.v1.WireJson;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.jspecify.annotations.Nullable;

import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * What a probe checks this round. The ETag is a digest of the endpoint list alone (not of
 * {@code generatedAt}), so an unchanged configuration answers 304.
 */
@Tag(name = "Probe feed", description = "What the probes check, for probe tokens")
@RestController
class ProbeFeedController {

	/** A probe may keep the list but must ask again each round. */
	private static final CacheControl REVALIDATE = CacheControl.noCache();

	private final ProbeFeed feed;

	ProbeFeedController(ProbeFeed feed) {
		this.feed = feed;
	}

	@Operation(operationId = "listProbeEndpoints", summary = "List the endpoints a probe location checks",
			description = "What a probe at the location checks this round; revalidate with If-None-Match.")
	@GetMapping(path = ProbeEndpointList.PATH, produces = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<byte[]> endpoints(@AuthenticationPrincipal ProbeCaller caller,
			@RequestParam(required = false) @Nullable String location,
			@RequestHeader(name = HttpHeaders.IF_NONE_MATCH, required = false) @Nullable String ifNoneMatch) {
		if (location == null || location.isBlank()) {
			throw new InvalidInputException("location", "is required");
		}
		ProbeFeed.Serialized current = this.feed.current(location, caller.organizationId());
		if (current == null) {
			throw new InvalidInputException("location", "unknown location '" + location + "'");
		}
		if (matches(ifNoneMatch, current.etag())) {
			return ResponseEntity.status(HttpStatus.NOT_MODIFIED).eTag(current.etag()).cacheControl(REVALIDATE).build();
		}
		return ResponseEntity.ok().eTag(current.etag()).cacheControl(REVALIDATE).body(body(location, current));
	}

	/**
	 * A {@link ProbeEndpointList} around the kept endpoint JSON, without serializing the
	 * endpoints again.
	 */
	static byte[] body(String location, ProbeFeed.Serialized current) {
		byte[] head = ("{\"location\":" + WireJson.mapper().writeValueAsString(location) + ",\"generatedAt\":"
				+ WireJson.mapper().writeValueAsString(Instant.now().truncatedTo(ChronoUnit.MILLIS))
				+ ",\"endpoints\":")
			.getBytes(StandardCharsets.UTF_8);
		byte[] json = current.endpointsJson();
		byte[] body = Arrays.copyOf(head, head.length + json.length + 1);
		System.arraycopy(json, 0, body, head.length, json.length);
		body[body.length - 1] = '}';
		return body;
	}

	/**
	 * If-None-Match compares weakly (RFC 9110 13.1.2) and may list several tags or "*".
	 */
	static boolean matches(@Nullable String ifNoneMatch, String etag) {
		if (ifNoneMatch == null) {
			return false;
		}
		return Arrays.stream(ifNoneMatch.split(","))
			.map(String::trim)
			.map((tag) -> tag.startsWith("W/") ? tag.substring(2) : tag)
			.anyMatch((tag) -> tag.equals("*") || tag.equals(etag));
	}

}
