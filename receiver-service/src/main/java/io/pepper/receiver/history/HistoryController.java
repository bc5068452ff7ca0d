package io.pepper.receiver.history;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.UUID;

import io.pepper.contracts.auth.BearerTokens;
import io.pepper.contracts.v1.EndpointSummary;
import io.pepper.contracts.v1.HistorySeries;
import io.pepper.receiver.ReceiverProperties;
import io.pepper.receiver.store.MetricStoreException;
import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.convert.DurationStyle;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /v1/history/{endpointId}} and {@code POST /v1/history/summaries}, for
 * services holding a query token.
 */
@RestController
class HistoryController {

	private static final Logger log = LoggerFactory.getLogger(HistoryController.class);

	private final BearerTokens tokens;

	private final HistoryService history;

	HistoryController(HistoryService history, ReceiverProperties properties) {
		this.tokens = BearerTokens.ofDigests(properties.queryTokenSha256());
		this.history = history;
	}

	@GetMapping(HistorySeries.PATH)
	HistorySeries series(
			@RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) @Nullable String authorization,
			@PathVariable String endpointId, @RequestParam String from, @RequestParam String to,
			@RequestParam String step, @RequestParam(required = false) @Nullable String location,
			@RequestParam(defaultValue = "auto") String resolution) {
		authorize(authorization);
		if (location != null && location.isBlank()) {
			throw new BadHistoryRequestException("location must not be blank; leave it out for all locations");
		}
		return this.history.series(uuid(endpointId), location, instant("from", from), instant("to", to), duration(step),
				ResolutionChoice.parse(resolution));
	}

	@PostMapping(EndpointSummary.PATH)
	List<EndpointSummary> summaries(
			@RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) @Nullable String authorization,
			@RequestBody EndpointSummary.Request request) {
		authorize(authorization);
		return this.history.summaries(request.endpointIds());
	}

	private void authorize(@Nullable String authorization) {
		if (!this.tokens.accepts(authorization)) {
			throw new InvalidTokenException();
		}
	}

	private static UUID uuid(String value) {
		try {
			return UUID.fromString(value);
		}
		catch (IllegalArgumentException ex) {
			throw new BadHistoryRequestException("endpointId must be a UUID but was '" + value + "'");
		}
	}

	private static Instant instant(String name, String value) {
		try {
			return Instant.parse(value);
		}
		catch (DateTimeParseException ex) {
			throw new BadHistoryRequestException(
					name + " must be an ISO-8601 instant such as 2026-03-01T00:00:00Z but was '" + value + "'");
		}
	}

	/** {@code 3600} (seconds), {@code 1h} or {@code PT1H}. */
	private static Duration duration(String value) {
		String step = value.strip();
		try {
			return step.chars().allMatch(Character::isDigit) ? Duration.ofSeconds(Long.parseLong(step))
					: DurationStyle.detectAndParse(step);
		}
		catch (IllegalArgumentException | ArithmeticException ex) {
			throw new BadHistoryRequestException(
					"step must be seconds or a duration such as 1h, 1d or PT5M but was '" + value + "'");
		}
	}

	@ExceptionHandler
	ResponseEntity<ProblemDetail> badRequest(BadHistoryRequestException ex, HttpServletRequest request) {
		return ResponseEntity.badRequest()
			.body(problem(HttpStatus.BAD_REQUEST, "Bad history request", ex.getMessage(), request));
	}

	@ExceptionHandler
	ResponseEntity<ProblemDetail> unreadable(HttpMessageNotReadableException ex, HttpServletRequest request) {
		Throwable cause = ex.getMostSpecificCause();
		return ResponseEntity.badRequest()
			.body(problem(
					HttpStatus.BAD_REQUEST, "Bad history request", "the body must be {\"endpointIds\": [1 to "
							+ EndpointSummary.Request.MAX_ENDPOINTS + " endpoint ids]}: " + cause.getMessage(),
					request));
	}

	@ExceptionHandler
	ResponseEntity<ProblemDetail> invalidToken(InvalidTokenException ex, HttpServletRequest request) {
		return ResponseEntity.status(HttpStatus.UNAUTHORIZED)
			.header(HttpHeaders.WWW_AUTHENTICATE, "Bearer")
			.body(problem(HttpStatus.UNAUTHORIZED, "Invalid token",
					"A valid query token is required: Authorization: Bearer <token>", request));
	}

	@ExceptionHandler
	ResponseEntity<ProblemDetail> storeUnavailable(MetricStoreException ex, HttpServletRequest request) {
		log.warn("History read failed: {}", ex.getMessage());
		return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
			.header(HttpHeaders.RETRY_AFTER, "5")
			.body(problem(HttpStatus.SERVICE_UNAVAILABLE, "Metric store unavailable",
					"The metric store did not answer; try again later", request));
	}

	private static ProblemDetail problem(HttpStatus status, String title, @Nullable String detail,
			HttpServletRequest request) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, (detail != null) ? detail : title);
		problem.setTitle(title);
		problem.setInstance(URI.create(request.getRequestURI()));
		return problem;
	}

	/** The request had no accepted query token. */
	static final class InvalidTokenException extends RuntimeException {

		InvalidTokenException() {
			super("invalid or missing query token");
		}

	}

}
