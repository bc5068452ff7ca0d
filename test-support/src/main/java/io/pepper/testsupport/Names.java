package io.pepper.testsupport;

import java.util.Locale;
import java.util.UUID;

/** Unique, identifier-safe names so reruns and parallel CI never collide. */
public final class Names {

	private Names() {
	}

	public static String unique(String purpose) {
		String clean = purpose.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "_");
		return "pepper_t_" + clean + "_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
	}

	static String env(String name, String fallback) {
		String value = System.getenv(name);
		return (value == null || value.isBlank()) ? fallback : value;
	}

}
