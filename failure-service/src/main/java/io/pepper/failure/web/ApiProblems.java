package io.pepper.failure.web;

import io.pepper.http.server.ProblemAdvice;

import org.springframework.web.bind.annotation.RestControllerAdvice;

/** Errors as RFC 9457 problem details, including Spring MVC's own (415, 405, ...). */
@RestControllerAdvice
class ApiProblems extends ProblemAdvice {

}
