package io.pepper.admin.token;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Tokens are 32 random bytes, so a fast, unsalted SHA-256 is the right way to store and
 * find them.
 */
public final class TokenDigest {

	private TokenDigest() {
	}

	/** The lower-case hex SHA-256 digest of {@code token}'s UTF-8 bytes. */
	public static String sha256Hex(String token) {
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
			return HexFormat.of().formatHex(digest);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("Every Java runtime has SHA-256", ex);
		}
	}

}
