package io.pepper.receiver.ingest;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import io.pepper.contracts.v1.ResultBatch;
import io.pepper.contracts.v1.WireJson;
import io.pepper.http.server.MalformedJsonException;
import io.pepper.http.server.ProblemAdvice;
import io.pepper.http.server.StrictJson;
import io.pepper.receiver.queue.QueueUnavailableException;
import io.pepper.receiver.queue.ResultQueue;
import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /v1/results}: a probe's result batch is answered 201 only once it is in the
 * results stream, so an accepted batch is never lost. The ingest token is checked before
 * the body is read ({@code web.ApiTokens}).
 */
@RestController
class IngestController {

	private static final Logger log = LoggerFactory.getLogger(IngestController.class);

	/**
	 * The wire's settings, read strictly: no coerced scalars, no NUL, no infinite number.
	 */
	private static final JsonMapper JSON = StrictJson.configure(WireJson.configure(JsonMapper.builder())).build();

	private final ResultQueue queue;

	IngestController(ResultQueue queue) {
		this.queue = queue;
	}

	@PostMapping(path = ResultBatch.PATH, consumes = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<BatchAccepted> accept(HttpServletRequest request) throws IOException {
		// web.BodyLimit stops the read at pepper.receiver.max-batch-bytes with 413
		byte[] body = request.getInputStream().readAllBytes();
		ResultBatch batch = parse(body);
		this.queue.enqueue(batch, new String(body, StandardCharsets.UTF_8));
		return ResponseEntity.status(HttpStatus.CREATED)
			.body(new BatchAccepted(batch.batchId(), batch.results().size()));
	}

	private static ResultBatch parse(byte[] body) {
		ResultBatch batch;
		try {
			batch = JSON.readValue(body, ResultBatch.class);
		}
		catch (JacksonException ex) {
			throw new MalformedJsonException(ex);
		}
		if (batch == null) {
			throw new ErrorResponseException(HttpStatus.BAD_REQUEST, ProblemAdvice.problem(HttpStatus.BAD_REQUEST,
					"Malformed request body", "the body must be a result batch object but was null"), null);
		}
		return batch;
	}

	@ExceptionHandler
	ResponseEntity<ProblemDetail> queueUnavailable(QueueUnavailableException ex) {
		log.warn("Refused a result batch: {}", ex.getMessage());
		return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
			.header(HttpHeaders.RETRY_AFTER, "5")
			.body(ProblemAdvice.problem(HttpStatus.SERVICE_UNAVAILABLE, "Queue unavailable",
					"The batch was not queued; send it again later"));
	}

}
