package io.pepper.receiver.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;

import io.pepper.contracts.auth.BearerTokens;
import io.pepper.contracts.v1.ResultBatch;
import io.pepper.contracts.v1.WireJson;
import io.pepper.receiver.ReceiverProperties;
import io.pepper.receiver.queue.QueueUnavailableException;
import io.pepper.receiver.queue.ResultQueue;
import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /v1/results}: a probe's result batch is answered 201 only once it is in the
 * results stream, so an accepted batch is never lost.
 */
@RestController
class IngestController {

	private static final Logger log = LoggerFactory.getLogger(IngestController.class);

	private final BearerTokens tokens;

	private final ResultQueue queue;

	private final int maxBatchBytes;

	IngestController(ResultQueue queue, ReceiverProperties properties) {
		this.tokens = BearerTokens.ofDigests(properties.ingestTokenSha256());
		this.queue = queue;
		this.maxBatchBytes = (int) properties.maxBatchBytes().toBytes();
	}

	@PostMapping(ResultBatch.PATH)
	ResponseEntity<BatchAccepted> accept(
			@RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) @Nullable String authorization,
			HttpServletRequest request) throws IOException {
		if (!this.tokens.accepts(authorization)) {
			throw new InvalidTokenException();
		}
		if (request.getContentLengthLong() > this.maxBatchBytes) {
			throw new BatchTooLargeException(this.maxBatchBytes);
		}
		byte[] body = readAtMost(request.getInputStream(), this.maxBatchBytes);
		ResultBatch batch = parse(body);
		this.queue.enqueue(batch, new String(body, StandardCharsets.UTF_8));
		return ResponseEntity.status(HttpStatus.CREATED)
			.body(new BatchAccepted(batch.batchId(), batch.results().size()));
	}

	/**
	 * Reads the body but never more than {@code limit} bytes, whatever Content-Length
	 * said.
	 */
	private static byte[] readAtMost(InputStream body, int limit) throws IOException {
		byte[] bytes = body.readNBytes(limit + 1);
		if (bytes.length > limit) {
			throw new BatchTooLargeException(limit);
		}
		return bytes;
	}

	private static ResultBatch parse(byte[] body) {
		ResultBatch batch;
		try {
			batch = WireJson.mapper().readValue(body, ResultBatch.class);
		}
		catch (JacksonException ex) {
			throw new MalformedBatchException(describe(ex), ex);
		}
		if (batch == null) {
			throw new MalformedBatchException("the body must be a result batch object but was null", null);
		}
		return batch;
	}

	/**
	 * The parse error and, when known, where in the batch it is, e.g.
	 * results[0].outcome.kind.
	 */
	private static String describe(JacksonException ex) {
		String message = ex.getOriginalMessage();
		StringBuilder path = new StringBuilder();
		for (JacksonException.Reference reference : ex.getPath()) {
			if (reference.getPropertyName() != null) {
				path.append(path.isEmpty() ? "" : ".").append(reference.getPropertyName());
			}
			else if (reference.getIndex() >= 0) {
				path.append('[').append(reference.getIndex()).append(']');
			}
		}
		return path.isEmpty() ? message : message + " (at " + path + ")";
	}

	@ExceptionHandler
	ResponseEntity<ProblemDetail> invalidToken(InvalidTokenException ex) {
		return ResponseEntity.status(HttpStatus.UNAUTHORIZED)
			.header(HttpHeaders.WWW_AUTHENTICATE, "Bearer")
			.body(problem(HttpStatus.UNAUTHORIZED, "Invalid token",
					"A valid ingest token is required: Authorization: Bearer <token>"));
	}

	@ExceptionHandler
	ResponseEntity<ProblemDetail> tooLarge(BatchTooLargeException ex) {
		return ResponseEntity.status(HttpStatus.CONTENT_TOO_LARGE)
			.body(problem(HttpStatus.CONTENT_TOO_LARGE, "Batch too large", ex.getMessage()));
	}

	@ExceptionHandler
	ResponseEntity<ProblemDetail> malformed(MalformedBatchException ex) {
		return ResponseEntity.badRequest().body(problem(HttpStatus.BAD_REQUEST, "Malformed batch", ex.getMessage()));
	}

	@ExceptionHandler
	ResponseEntity<ProblemDetail> queueUnavailable(QueueUnavailableException ex) {
		log.warn("Refused a result batch: {}", ex.getMessage());
		return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
			.header(HttpHeaders.RETRY_AFTER, "5")
			.body(problem(HttpStatus.SERVICE_UNAVAILABLE, "Queue unavailable",
					"The batch was not queued; send it again later"));
	}

	private static ProblemDetail problem(HttpStatus status, String title, @Nullable String detail) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, (detail != null) ? detail : title);
		problem.setTitle(title);
		problem.setInstance(URI.create(ResultBatch.PATH));
		return problem;
	}

	/** The request had no accepted bearer token. */
	static final class InvalidTokenException extends RuntimeException {

		InvalidTokenException() {
			super("invalid or missing ingest token");
		}

	}

	/** The body is larger than the receiver accepts. */
	static final class BatchTooLargeException extends RuntimeException {

		BatchTooLargeException(int limit) {
			super("A result batch may be at most " + limit + " bytes; send smaller batches");
		}

	}

	/** The body is not a valid result batch. */
	static final class MalformedBatchException extends RuntimeException {

		MalformedBatchException(String message, @Nullable Throwable cause) {
			super(message, cause);
		}

	}

}
