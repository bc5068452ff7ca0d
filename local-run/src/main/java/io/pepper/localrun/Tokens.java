package io.pepper.localrun;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The tokens, owner password and secrets key of one state folder, in {@code tokens} (mode
 * 600, {@code NAME=value} lines). Made once and kept, so restarts keep the same API
 * token; missing ones are added.
 */
final class Tokens {

	static final List<String> NAMES = List.of("API_TOKEN", "PROBE_TOKEN", "RECEIVER_TOKEN", "FAILURE_TOKEN",
			"ADMIN_SERVICE_TOKEN", "FAILURE_SERVICE_TOKEN", "FAILURE_TO_RECEIVER_TOKEN", "QUERY_TOKEN");

	private static final SecureRandom RANDOM = new SecureRandom();

	private final Map<String, String> values;

	private final boolean fresh;

	private Tokens(Map<String, String> values, boolean fresh) {
		this.values = values;
		this.fresh = fresh;
	}

	/** Reads {@code state/tokens}, adding what is missing. */
	static Tokens load(Path state) throws IOException {
		Path file = state.resolve("tokens");
		boolean fresh = !Files.exists(file);
		Map<String, String> values = new LinkedHashMap<>();
		if (!fresh) {
			for (String line : Files.readAllLines(file)) {
				int eq = line.indexOf('=');
				if (eq > 0) {
					values.put(line.substring(0, eq), line.substring(eq + 1));
				}
			}
		}
		Map<String, String> added = new LinkedHashMap<>();
		for (String name : NAMES) {
			if (!values.containsKey(name)) {
				added.put(name, urlSafe(32));
			}
		}
		if (!values.containsKey("OWNER_PASSWORD")) {
			added.put("OWNER_PASSWORD", urlSafe(12));
		}
		if (!values.containsKey("SECRETS_KEY")) {
			byte[] key = new byte[32];
			RANDOM.nextBytes(key);
			added.put("SECRETS_KEY", Base64.getEncoder().encodeToString(key));
		}
		if (!added.isEmpty()) {
			Files.createDirectories(state);
			if (!Files.exists(file)) {
				Files.createFile(file,
						PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
			}
			StringBuilder lines = new StringBuilder();
			added.forEach((name, value) -> lines.append(name).append('=').append(value).append('\n'));
			Files.writeString(file, lines, StandardOpenOption.APPEND);
			values.putAll(added);
		}
		return new Tokens(values, fresh);
	}

	/** Whether the state folder had no tokens yet: earlier databases and keys must go. */
	boolean fresh() {
		return this.fresh;
	}

	String get(String name) {
		String value = this.values.get(name);
		if (value == null) {
			throw new IllegalStateException("no " + name + " in tokens");
		}
		return value;
	}

	/** The SHA-256 hex digest of token {@code name}, as the services are configured. */
	String sha256(String name) {
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(get(name).getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static String urlSafe(int bytes) {
		byte[] random = new byte[bytes];
		RANDOM.nextBytes(random);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(random);
	}

}
