package io.pepper.admin.web;

import io.pepper.http.server.ProblemAdvice;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Turns domain and input errors into RFC 9457 problem details; field problems go in an
 * {@code errors} array of {@code {field, message}}, malformed JSON included
 * ({@link ProblemAdvice}).
 */
@RestControllerAdvice
class ProblemHandler extends ProblemAdvice {

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

}
