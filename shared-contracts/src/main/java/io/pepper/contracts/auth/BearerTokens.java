package io.pepper.contracts.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;

import org.jspecify.annotations.Nullable;

/**
 * The bearer tokens a service accepts, known only by their SHA-256 digests. Tokens are 32
 * random bytes, so a fast, unsalted hash is the right way to store and compare them.
 */
public final class BearerTokens {

	private static final String BEARER = "bearer ";

	private final List<byte[]> digests;

	private BearerTokens(List<byte[]> digests) {
		this.digests = digests;
	}

	/** Accepts the tokens whose hex SHA-256 digests are given (either case). */
	public static BearerTokens ofDigests(List<String> hexDigests) {
		return new BearerTokens(
				hexDigests.stream().map((hex) -> HexFormat.of().parseHex(hex.toLowerCase(Locale.ROOT))).toList());
	}

	/** The lower-case hex SHA-256 digest of {@code token}'s UTF-8 bytes. */
	public static String sha256Hex(String token) {
		return HexFormat.of().formatHex(sha256(token));
	}

	/**
	 * The token an {@code Authorization: Bearer <token>} header carries, or null when it
	 * carries none.
	 */
	public static @Nullable String presented(@Nullable String authorization) {
		if (authorization == null || authorization.length() <= BEARER.length()
				|| !authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
			return null;
		}
		String token = authorization.substring(BEARER.length()).strip();
		return token.isEmpty() ? null : token;
	}

	/** Whether an {@code Authorization} header carries one of the accepted tokens. */
	public boolean accepts(@Nullable String authorization) {
		String token = presented(authorization);
		if (token == null) {
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
