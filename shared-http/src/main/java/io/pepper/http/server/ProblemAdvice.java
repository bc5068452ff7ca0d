package io.pepper.http.server;

import java.util.List;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;

import org.springframework.beans.TypeMismatchException;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * The base of every service's {@code @RestControllerAdvice}: errors as RFC 9457 problem
 * details, Spring MVC's own included (415, 405, ...). Input problems name their fields in
 * the detail and in an {@value #ERRORS} array of {@code {field, message}}; a request
 * without an accepted token gets 401 with {@code WWW-Authenticate: Bearer}.
 */
public abstract class ProblemAdvice extends ResponseEntityExceptionHandler {

	/** The property that lists the field problems. */
	public static final String ERRORS = "errors";

	@ExceptionHandler
	ResponseEntity<ProblemDetail> invalidToken(InvalidTokenException ex) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNAUTHORIZED, ex.getMessage());
		problem.setTitle("Unauthorized");
		return ResponseEntity.status(HttpStatus.UNAUTHORIZED)
			.header(HttpHeaders.WWW_AUTHENTICATE, "Bearer")
			.body(problem);
	}

	/** A body a controller read itself; the parser's message names the field. */
	@ExceptionHandler
	ResponseEntity<ProblemDetail> malformedJson(MalformedJsonException ex) {
		BodyTooLargeException tooLarge = tooLargeCause(ex);
		return (tooLarge != null) ? tooLarge(tooLarge) : ResponseEntity.badRequest().body(malformed(ex.getJsonError()));
	}

	/** A body read by a controller itself ran over its route's {@link BodySizeLimit}. */
	@ExceptionHandler
	ResponseEntity<ProblemDetail> bodyTooLarge(BodyTooLargeException ex) {
		return tooLarge(ex);
	}

	@Override
	protected @Nullable ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		BodyTooLargeException tooLarge = tooLargeCause(ex);
		if (tooLarge != null) {
			ResponseEntity<ProblemDetail> answer = tooLarge(tooLarge);
			return new ResponseEntity<>(answer.getBody(), answer.getHeaders(), answer.getStatusCode());
		}
		ProblemDetail problem = (ex.getCause() instanceof JacksonException json) ? malformed(json)
				: ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, "Malformed request body: " + unreadable(ex));
		problem.setTitle("Malformed request body");
		return handleExceptionInternal(ex, problem, headers, HttpStatus.BAD_REQUEST, request);
	}

	@Override
	protected @Nullable ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		List<FieldProblem> problems = ex.getBindingResult()
			.getFieldErrors()
			.stream()
			.map((error) -> new FieldProblem(error.getField(), String.valueOf(error.getDefaultMessage())))
			.toList();
		ProblemDetail problem = withProblems(ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, joined(problems)),
				problems);
		problem.setTitle("Invalid request body");
		return handleExceptionInternal(ex, problem, headers, HttpStatus.BAD_REQUEST, request);
	}

	@Override
	protected @Nullable ResponseEntity<Object> handleHandlerMethodValidationException(
			HandlerMethodValidationException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		List<FieldProblem> problems = ex.getParameterValidationResults()
			.stream()
			.flatMap((result) -> result.getResolvableErrors()
				.stream()
				.map((error) -> new FieldProblem(String.valueOf(result.getMethodParameter().getParameterName()),
						String.valueOf(error.getDefaultMessage()))))
			.toList();
		ProblemDetail problem = withProblems(ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, joined(problems)),
				problems);
		problem.setTitle("Invalid request");
		return handleExceptionInternal(ex, problem, headers, HttpStatus.BAD_REQUEST, request);
	}

	/** The reader's refusal of an oversized body, however the parser wrapped it. */
	private static @Nullable BodyTooLargeException tooLargeCause(Throwable ex) {
		for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
			if (cause instanceof BodyTooLargeException tooLarge) {
				return tooLarge;
			}
		}
		return null;
	}

	private static ResponseEntity<ProblemDetail> tooLarge(BodyTooLargeException ex) {
		return ResponseEntity.status(HttpStatus.CONTENT_TOO_LARGE)
			.header(HttpHeaders.CONNECTION, "close")
			.body(problem(HttpStatus.CONTENT_TOO_LARGE, HttpStatus.CONTENT_TOO_LARGE.getReasonPhrase(),
					ex.getMessage()));
	}

	/**
	 * 400 for a parameter that could not be converted ({@code ?page=x}, a refused
	 * character), naming it.
	 */
	@Override
	protected @Nullable ResponseEntity<Object> handleTypeMismatch(TypeMismatchException ex, HttpHeaders headers,
			HttpStatusCode status, WebRequest request) {
		String field = (ex instanceof MethodArgumentTypeMismatchException argument) ? argument.getName()
				: String.valueOf(ex.getPropertyName());
		Throwable root = NestedExceptionUtils.getMostSpecificCause(ex);
		String message = (root instanceof IllegalArgumentException invalid && invalid.getMessage() != null)
				? invalid.getMessage() : "must be a valid " + typeName(ex.getRequiredType());
		List<FieldProblem> problems = List.of(new FieldProblem(field, message));
		ProblemDetail problem = withProblems(ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, joined(problems)),
				problems);
		problem.setTitle("Invalid request");
		return handleExceptionInternal(ex, problem, headers, HttpStatus.BAD_REQUEST, request);
	}

	private static String typeName(@Nullable Class<?> type) {
		return (type != null) ? type.getSimpleName() : "value";
	}

	/**
	 * 400 for a body Jackson could not read:
	 * {@code Malformed request body: results[0].status: status must be ...}, with the
	 * field in {@value #ERRORS} when one is known.
	 */
	public static ProblemDetail malformed(JacksonException ex) {
		FieldProblem field = JsonProblems.describe(ex);
		boolean named = !field.field().isEmpty();
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
				"Malformed request body: " + (named ? field : field.message()));
		problem.setTitle("Malformed request body");
		return named ? withProblems(problem, List.of(field)) : problem;
	}

	/** {@code problem} with its field problems in {@value #ERRORS}. */
	public static ProblemDetail withProblems(ProblemDetail problem, List<FieldProblem> problems) {
		problem.setProperty(ERRORS, problems);
		return problem;
	}

	/** A problem detail with its title. */
	public static ProblemDetail problem(HttpStatus status, String title, @Nullable String detail) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, (detail != null) ? detail : title);
		problem.setTitle(title);
		return problem;
	}

	private static String joined(List<FieldProblem> problems) {
		return problems.stream()
			.map((problem) -> problem.field() + " " + problem.message())
			.collect(Collectors.joining("; "));
	}

	/** Spring's own message names the Java method; the client needs none of that. */
	private static String unreadable(HttpMessageNotReadableException ex) {
		String message = ex.getMessage();
		return (message != null && message.startsWith("Required request body is missing"))
				? "Required request body is missing" : "the request body could not be read";
	}

}
