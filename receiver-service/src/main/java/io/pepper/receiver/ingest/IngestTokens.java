package io.pepper.receiver.ingest;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;

import io.pepper.receiver.ReceiverProperties;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * The bearer tokens probes may post results with, known only by their SHA-256 digests.
 */
@Component
class IngestTokens {

	private static final String BEARER = "bearer ";

	private final List<byte[]> digests;

	@Autowired
	IngestTokens(ReceiverProperties properties) {
		this(properties.ingestTokenSha256());
	}

	IngestTokens(List<String> hexDigests) {
		this.digests = hexDigests.stream().map((hex) -> HexFormat.of().parseHex(hex.toLowerCase(Locale.ROOT))).toList();
	}

	/** Whether an {@code Authorization} header carries one of the accepted tokens. */
	boolean accepts(@Nullable String authorization) {
		if (authorization == null || authorization.length() <= BEARER.length()
				|| !authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
			return false;
		}
		String token = authorization.substring(BEARER.length()).strip();
		if (token.isEmpty()) {
			return false;
		}
		byte[] digest = sha256(token);
		boolean accepted = false;
		// Compare with every digest, in constant time each, so timing tells nothing.
		for (byte[] candidate : this.digests) {
			accepted |= MessageDigest.isEqual(candidate, digest);
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
