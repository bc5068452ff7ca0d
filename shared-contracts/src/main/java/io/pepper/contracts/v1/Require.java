package io.pepper.contracts.v1;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/** Invariant checks for the wire records; each failure names the field it is about. */
final class Require {

	private Require() {
	}

	static <T> T present(@Nullable T value, String field) {
		if (value == null) {
			throw new IllegalArgumentException(field + " is required");
		}
		return value;
	}

	static String text(@Nullable String value, String field) {
		if (value == null || value.isBlank()) {
			throw new IllegalArgumentException(field + " is required and must not be blank");
		}
		return storable(value, field);
	}

	/** No store takes NUL in text (PostgreSQL refuses it), so the wire refuses it too. */
	static String storable(String value, String field) {
		if (value.indexOf('\u0000') >= 0) {
			throw new IllegalArgumentException(field + " must not contain the NUL character (\\u0000)");
		}
		return value;
	}

	static Instant within(Instant value, Instant earliest, Instant latest, String field) {
		if (value.isBefore(earliest) || value.isAfter(latest)) {
			throw new IllegalArgumentException(
					field + " must be between " + earliest + " and " + latest + " but was " + value);
		}
		return value;
	}

	static long atLeast(long value, long min, String field) {
		if (value < min) {
			throw new IllegalArgumentException(field + " must be at least " + min + " but was " + value);
		}
		return value;
	}

	static long between(long value, long min, long max, String field) {
		if (value < min || value > max) {
			throw new IllegalArgumentException(field + " must be between " + min + " and " + max + " but was " + value);
		}
		return value;
	}

	static @Nullable Double millis(@Nullable Double value, String field) {
		if (value != null && (!Double.isFinite(value) || value < 0)) {
			throw new IllegalArgumentException(
					field + " must be a finite, non-negative number of milliseconds but was " + value);
		}
		return value;
	}

	static <T> List<T> list(@Nullable List<T> value, String field) {
		if (value == null) {
			return List.of();
		}
		for (int i = 0; i < value.size(); i++) {
			present(value.get(i), field + "[" + i + "]");
		}
		return List.copyOf(value);
	}

	static Map<String, String> map(@Nullable Map<String, String> value, String field) {
		if (value == null) {
			return Map.of();
		}
		value.forEach((k, v) -> present(v, field + "." + k));
		return Map.copyOf(value);
	}

}
