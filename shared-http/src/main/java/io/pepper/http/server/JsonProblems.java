package io.pepper.http.server;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;

import org.springframework.core.NestedExceptionUtils;

/** Turns a Jackson error into the problem of the field it is about. */
public final class JsonProblems {

	private JsonProblems() {
	}

	/**
	 * The field (its path in the body, {@code results[0].timings}; empty for the body as
	 * a whole) and the message: a wire type's own refusal when one of its invariants
	 * failed, the parser's otherwise.
	 */
	public static FieldProblem describe(JacksonException ex) {
		StringBuilder path = new StringBuilder();
		for (JacksonException.Reference reference : ex.getPath()) {
			if (reference.getPropertyName() != null) {
				path.append(path.isEmpty() ? "" : ".").append(reference.getPropertyName());
			}
			else if (reference.getIndex() >= 0) {
				path.append('[').append(reference.getIndex()).append(']');
			}
		}
		return new FieldProblem(path.toString(), message(ex));
	}

	private static String message(JacksonException ex) {
		Throwable root = NestedExceptionUtils.getMostSpecificCause(ex);
		@Nullable String message = (root instanceof IllegalArgumentException invalid) ? invalid.getMessage()
				: ex.getOriginalMessage();
		return (message != null) ? message : ex.getClass().getSimpleName();
	}

}
