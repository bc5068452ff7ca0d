package io.pepper.admin.probe;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;

import io.pepper.admin.token.ProbeCaller;
import io.pepper.admin.web.InvalidInputException;
import io.pepper.contracts.v1.EndpointSpec;
import io.pepper.contracts.v1.ProbeEndpointList;
import io.pepper.contracts.v1.WireJson;
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
@RestController
class ProbeFeedController {

	/** A probe may keep the list but must ask again each round. */
	private static final CacheControl REVALIDATE = CacheControl.noCache();

	private final ProbeFeed feed;

	ProbeFeedController(ProbeFeed feed) {
		this.feed = feed;
	}

	@GetMapping(path = ProbeEndpointList.PATH, produces = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<byte[]> endpoints(@AuthenticationPrincipal ProbeCaller caller,
			@RequestParam(required = false) @Nullable String location,
			@RequestHeader(name = HttpHeaders.IF_NONE_MATCH, required = false) @Nullable String ifNoneMatch) {
		if (location == null || location.isBlank()) {
			throw new InvalidInputException("location", "is required");
		}
		if (!this.feed.locationExists(location)) {
			throw new InvalidInputException("location", "unknown location '" + location + "'");
		}
		List<EndpointSpec> endpoints = this.feed.enabledAt(location, caller.organizationId());
		String etag = "\"" + sha256(WireJson.mapper().writeValueAsBytes(endpoints)) + "\"";
		if (matches(ifNoneMatch, etag)) {
			return ResponseEntity.status(HttpStatus.NOT_MODIFIED).eTag(etag).cacheControl(REVALIDATE).build();
		}
		ProbeEndpointList list = new ProbeEndpointList(location, Instant.now().truncatedTo(ChronoUnit.MILLIS),
				endpoints);
		return ResponseEntity.ok().eTag(etag).cacheControl(REVALIDATE).body(WireJson.mapper().writeValueAsBytes(list));
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

	private static String sha256(byte[] bytes) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes), 0, 16);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("Every Java runtime has SHA-256", ex);
		}
	}

}
