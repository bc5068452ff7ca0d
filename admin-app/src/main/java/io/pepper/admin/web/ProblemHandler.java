package io.pepper.admin.web;

import java.util.List;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;

import org.springframework.core.NestedExceptionUtils;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Turns domain and input errors into RFC 9457 problem details; field problems go in an
 * {@code errors} array of {@code {field, message}}.
 */
@RestControllerAdvice
class ProblemHandler extends ResponseEntityExceptionHandler {

	static final String ERRORS = "errors";

	@ExceptionHandler
	ProblemDetail invalidInput(InvalidInputException ex) {
		return withProblems(ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, ex.getMessage()),
				ex.getProblems());
	}

	@ExceptionHandler
	ProblemDetail conflict(ConflictException ex) {
		return withProblems(ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, ex.getMessage()), ex.getProblems());
	}

	@ExceptionHandler
	ProblemDetail notFound(NotFoundException ex) {
		return ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, ex.getMessage());
	}

	/** Malformed JSON read by a feature itself: the parser's message names the field. */
	@ExceptionHandler
	ProblemDetail malformedJson(MalformedJsonException ex) {
		return malformed(ex.getJsonError());
	}

	@Override
	protected @Nullable ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		ProblemDetail problem = (ex.getCause() instanceof JacksonException json) ? malformed(json)
				: ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
						"Malformed request body: " + NestedExceptionUtils.getMostSpecificCause(ex).getMessage());
		return handleExceptionInternal(ex, problem, headers, HttpStatus.BAD_REQUEST, request);
	}

	private static ProblemDetail malformed(JacksonException ex) {
		String field = ex.getPath()
			.stream()
			.map((reference) -> (reference.getPropertyName() != null) ? reference.getPropertyName()
					: "[" + reference.getIndex() + "]")
			.collect(Collectors.joining("."))
			.replace(".[", "[");
		String message = NestedExceptionUtils.getMostSpecificCause(ex) instanceof IllegalArgumentException invalid
				? invalid.getMessage() : ex.getOriginalMessage();
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
				"Malformed request body: " + ((field.isEmpty()) ? "" : field + ": ") + message);
		return field.isEmpty() ? problem : withProblems(problem, List.of(new FieldProblem(field, message)));
	}

	private static ProblemDetail withProblems(ProblemDetail problem, List<FieldProblem> problems) {
		problem.setProperty(ERRORS, problems);
		return problem;
	}

}
