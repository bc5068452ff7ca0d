package io.pepper.failure.intake;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

import io.pepper.failure.FailureProperties;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Component;

/**
 * The bearer tokens probes may post with, known only by their SHA-256 digests
 * ({@code pepper.failure.ingest-token-sha256}).
 */
@Component
class IngestTokens {

	private static final String BEARER = "Bearer ";

	private final List<byte[]> acceptedDigests;

	IngestTokens(FailureProperties properties) {
		this.acceptedDigests = properties.ingestTokenSha256().stream().map(HexFormat.of()::parseHex).toList();
	}

	/** Whether an {@code Authorization} header carries an accepted bearer token. */
	boolean accepts(@Nullable String authorization) {
		if (authorization == null || !authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
			return false;
		}
		String token = authorization.substring(BEARER.length()).strip();
		if (token.isEmpty()) {
			return false;
		}
		byte[] digest = sha256(token);
		boolean accepted = false;
		// Compare against every digest, in constant time each, so timing tells nothing.
		for (byte[] candidate : this.acceptedDigests) {
			accepted |= MessageDigest.isEqual(digest, candidate);
		}
		return accepted;
	}

	private static byte[] sha256(String token) {
		try {
			return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is part of every Java runtime", ex);
		}
	}

}
