package io.pepper.admin.user;

import java.util.Map;

import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.DelegatingPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * How passwords are hashed: Argon2id with the OWASP Password Storage Cheat Sheet's
 * parameters (19 MiB, 2 iterations, 1 lane). Hashes carry their algorithm's id, so older
 * {@code {bcrypt}} hashes still match and are re-hashed at the next sign-in.
 */
public final class Passwords {

	static final String ARGON2 = "argon2";

	private static final int SALT_BYTES = 16;

	private static final int HASH_BYTES = 32;

	private static final int PARALLELISM = 1;

	private static final int MEMORY_KIB = 19 * 1024;

	private static final int ITERATIONS = 2;

	/**
	 * The shortest password accepted at sign-up (NIST SP 800-63B asks for at least 8).
	 */
	public static final int MIN_LENGTH = 10;

	/** Argon2 hashes any length, but a megabyte "password" is a denial of service. */
	public static final int MAX_LENGTH = 200;

	private Passwords() {
	}

	public static PasswordEncoder encoder() {
		Argon2PasswordEncoder argon2 = new Argon2PasswordEncoder(SALT_BYTES, HASH_BYTES, PARALLELISM, MEMORY_KIB,
				ITERATIONS);
		return new DelegatingPasswordEncoder(ARGON2, Map.of(ARGON2, argon2, "bcrypt", new BCryptPasswordEncoder()));
	}

}
