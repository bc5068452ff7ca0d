package io.pepper.failure.incident;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Incident errors as problem details: unknown is 404, a refused transition 409, a signal
 * before the alerting configuration is loaded 503.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class IncidentProblems {

	@ExceptionHandler
	ProblemDetail notFound(IncidentNotFoundException ex) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, ex.getMessage());
		problem.setTitle("Incident not found");
		return problem;
	}

	@ExceptionHandler
	ProblemDetail refused(IncidentStateException ex) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, ex.getMessage());
		problem.setTitle("Not possible in the incident's state");
		return problem;
	}

	@ExceptionHandler
	ResponseEntity<ProblemDetail> notLoaded(AlertingNotLoadedException ex) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE, ex.getMessage());
		problem.setTitle("Alerting configuration not loaded");
		return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header(HttpHeaders.RETRY_AFTER, "5").body(problem);
	}

}
