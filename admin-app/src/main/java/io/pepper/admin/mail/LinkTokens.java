package io.pepper.admin.mail;

import java.security.SecureRandom;
import java.util.Base64;

import io.pepper.contracts.auth.BearerTokens;

/**
 * Secrets carried by links in mail: 256 random bits, URL-safe. Only their SHA-256 digest
 * is stored; a fast digest is enough because the secret is random, not chosen by a
 * person.
 */
public final class LinkTokens {

	private static final SecureRandom RANDOM = new SecureRandom();

	private LinkTokens() {
	}

	public static String generate() {
		byte[] bytes = new byte[32];
		RANDOM.nextBytes(bytes);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

	public static String digest(String token) {
		return BearerTokens.sha256Hex(token);
	}

}
