package io.pepper.systemtests;

import java.security.SecureRandom;
import java.util.Base64;

import io.pepper.contracts.auth.BearerTokens;

/**
 * Random bearer tokens and the SHA-256 digests the receiving services are configured
 * with.
 */
final class Tokens {

	private static final SecureRandom RANDOM = new SecureRandom();

	private Tokens() {
	}

	static String random() {
		byte[] bytes = new byte[32];
		RANDOM.nextBytes(bytes);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

	static String sha256(String token) {
		return BearerTokens.sha256Hex(token);
	}

	/** A random AES-256 key, base64, as admin-app's pepper.admin.secrets.key takes it. */
	static String secretKey() {
		byte[] key = new byte[32];
		RANDOM.nextBytes(key);
		return Base64.getEncoder().encodeToString(key);
	}

}
