package io.pepper.admin.web;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;

import io.pepper.contracts.v1.WireJson;
import io.pepper.http.server.FieldProblem;
import io.pepper.http.server.MalformedJsonException;
import io.pepper.http.server.StrictJson;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reading and validating request bodies the same way in every API: strict about unknown
 * fields and types ({@link StrictJson}), all problems reported at once, sorted by field.
 */
public final class RequestChecks {

	/**
	 * A misspelt optional setting must not silently fall back to its default, nor a value
	 * of the wrong type be coerced.
	 */
	private static final JsonMapper STRICT = StrictJson.configure(WireJson.configure(JsonMapper.builder()))
		.enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
		.build();

	private RequestChecks() {
	}

	/** Reads a JSON object; malformed JSON or unknown fields become a 400. */
	public static <T> T read(byte[] body, Class<T> type) {
		@Nullable T value;
		try {
			value = STRICT.readValue(body, type);
		}
		catch (JacksonException ex) {
			throw new MalformedJsonException(ex);
		}
		if (value == null) {
			throw new InvalidInputException("body", "must be a JSON object");
		}
		return value;
	}

	/** Bean Validation of {@code request}; every violation becomes a field problem. */
	public static void validate(Validator validator, Object request) {
		List<FieldProblem> problems = problems(validator, request, "");
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
	}

	/** The violations of {@code request}, fields prefixed by {@code prefix}. */
	public static List<FieldProblem> problems(Validator validator, Object request, String prefix) {
		List<FieldProblem> problems = new ArrayList<>(new LinkedHashSet<>(
				validator.validate(request).stream().map((violation) -> toProblem(violation, prefix)).toList()));
		problems.sort(Comparator.comparing(FieldProblem::field).thenComparing(FieldProblem::message));
		return problems;
	}

	private static FieldProblem toProblem(ConstraintViolation<?> violation, String prefix) {
		// "addresses[0].<list element>" names the element as "addresses[0]".
		String field = violation.getPropertyPath().toString().replaceAll("\\.?<[^>]+>", "");
		return new FieldProblem(prefix + field, violation.getMessage());
	}

}
