package io.pepper.admin.ui;

import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import io.pepper.http.server.FieldProblem;
import jakarta.validation.ConstraintViolation;

/**
 * Error messages of a form by field, first message per field, for showing next to the
 * fields. Pages get it as the {@code errors} model attribute.
 */
public final class FieldErrors {

	/** The model attribute pages read. */
	public static final String ATTRIBUTE = "errors";

	private final Map<String, String> messages = new LinkedHashMap<>();

	public static FieldErrors of(Set<? extends ConstraintViolation<?>> violations) {
		FieldErrors errors = new FieldErrors();
		violations.stream()
			.sorted((a, b) -> a.getPropertyPath().toString().compareTo(b.getPropertyPath().toString()))
			.forEach((violation) -> errors.add(violation.getPropertyPath().toString(), violation.getMessage()));
		return errors;
	}

	/**
	 * Adds problems named like {@code locations[0]} or {@code headers<K>[x]} under their
	 * form field, {@code locations} and {@code headers}.
	 */
	public FieldErrors addAll(Collection<FieldProblem> problems) {
		problems.forEach((problem) -> add(problem.field(), problem.message()));
		return this;
	}

	public FieldErrors add(String field, String message) {
		this.messages.putIfAbsent(root(field), message);
		return this;
	}

	public boolean isEmpty() {
		return this.messages.isEmpty();
	}

	public boolean has(String field) {
		return this.messages.containsKey(field);
	}

	public Map<String, String> asMap() {
		return Collections.unmodifiableMap(this.messages);
	}

	static String root(String field) {
		int end = field.length();
		for (char stop : new char[] { '[', '.', '<' }) {
			int at = field.indexOf(stop);
			if (at > 0 && at < end) {
				end = at;
			}
		}
		return field.substring(0, end);
	}

}
