package io.pepper.receiver.history;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.UUID;

import io.pepper.contracts.v1.EndpointSummary;
import io.pepper.contracts.v1.HistorySeries;
import io.pepper.contracts.v1.LocationHistory;
import io.pepper.contracts.v1.RecentChecks;
import io.pepper.http.server.ProblemAdvice;
import io.pepper.receiver.ReceiverProperties;
import io.pepper.receiver.store.MetricStoreException;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;

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
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /v1/history/{endpointId}} and {@code POST /v1/history/summaries}, for
 * services holding a query token (checked by {@code web.ApiTokens}).
 */
@RestController
class HistoryController {

	private static final Logger log = LoggerFactory.getLogger(HistoryController.class);

	private final HistoryService history;

	HistoryController(HistoryService history, ReceiverProperties properties) {
		this.history = history;
	}

	@GetMapping(HistorySeries.PATH)
	HistorySeries series(@PathVariable String endpointId, @RequestParam String from, @RequestParam String to,
			@RequestParam(defaultValue = "auto") String step, @RequestParam(required = false) @Nullable String location,
			@RequestParam(defaultValue = "auto") String resolution) {
		return this.history.series(uuid(endpointId), location(location), instant("from", from), instant("to", to),
				duration(step), ResolutionChoice.parse(resolution));
	}

	@GetMapping(LocationHistory.PATH)
	LocationHistory byLocation(@PathVariable String endpointId, @RequestParam String from, @RequestParam String to,
			@RequestParam(defaultValue = "auto") String step, @RequestParam(defaultValue = "auto") String resolution) {
		return this.history.byLocation(uuid(endpointId), instant("from", from), instant("to", to), duration(step),
				ResolutionChoice.parse(resolution));
	}

	@GetMapping(RecentChecks.PATH)
	RecentChecks recentChecks(@PathVariable String endpointId, @RequestParam(required = false) @Nullable String before,
			@RequestParam(required = false) @Nullable String location,
			@RequestParam(defaultValue = "" + RecentChecks.DEFAULT_LIMIT) String limit) {
		int size;
		try {
			size = Integer.parseInt(limit.strip());
		}
		catch (NumberFormatException ex) {
			throw new BadHistoryRequestException("limit must be a whole number but was '" + limit + "'");
		}
		return this.history.recentChecks(uuid(endpointId), location(location),
				(before != null) ? instant("before", before) : null, size);
	}

	private static @Nullable String location(@Nullable String location) {
		if (location != null && location.isBlank()) {
			throw new BadHistoryRequestException("location must not be blank; leave it out for all locations");
		}
		return location;
	}

	@PostMapping(EndpointSummary.PATH)
	List<EndpointSummary> summaries(@RequestBody EndpointSummary.Request request) {
		return this.history.summaries(request.endpointIds());
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

	/** {@code 3600} (seconds), {@code 1h} or {@code PT1H}; null for {@code auto}. */
	private static @Nullable Duration duration(String value) {
		String step = value.strip();
		if (step.equalsIgnoreCase("auto")) {
			return null;
		}
		try {
			return step.chars().allMatch(Character::isDigit) ? Duration.ofSeconds(Long.parseLong(step))
					: DurationStyle.detectAndParse(step);
		}
		catch (IllegalArgumentException | ArithmeticException ex) {
			throw new BadHistoryRequestException(
					"step must be seconds, a duration such as 1h, 1d or PT5M, or auto but was '" + value + "'");
		}
	}

	@ExceptionHandler
	ResponseEntity<ProblemDetail> badRequest(BadHistoryRequestException ex) {
		return ResponseEntity.badRequest()
			.body(ProblemAdvice.problem(HttpStatus.BAD_REQUEST, "Bad history request", ex.getMessage()));
	}

	@ExceptionHandler
	ResponseEntity<ProblemDetail> unreadable(HttpMessageNotReadableException ex) {
		// The shared reading of the parser's error, with what the body should be.
		String usage = "the body must be {\"endpointIds\": [1 to " + EndpointSummary.Request.MAX_ENDPOINTS
				+ " endpoint ids]}";
		ProblemDetail problem = (ex.getCause() instanceof JacksonException json) ? ProblemAdvice.malformed(json)
				: ProblemAdvice.problem(HttpStatus.BAD_REQUEST, "Bad history request", "the body is missing");
		problem.setDetail(usage + ": " + problem.getDetail());
		return ResponseEntity.badRequest().body(problem);
	}

	@ExceptionHandler
	ResponseEntity<ProblemDetail> storeUnavailable(MetricStoreException ex) {
		log.warn("History read failed: {}", ex.getMessage());
		return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
			.header(HttpHeaders.RETRY_AFTER, "5")
			.body(ProblemAdvice.problem(HttpStatus.SERVICE_UNAVAILABLE, "Metric store unavailable",
					"The metric store did not answer; try again later"));
	}

}
