package io.pepper.failure.incident;

import java.util.UUID;

import io.pepper.contracts.v1.OpenIncidentEndpoints;
import io.pepper.contracts.v1.ResultBatch;
import io.pepper.contracts.v1.TrendEvent;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * What receiver-service tells failure-service (service token): successes of the endpoints
 * it asks about, and Apdex trend events.
 */
@RestController
class SignalController {

	private final IncidentEngine engine;

	SignalController(IncidentEngine engine) {
		this.engine = engine;
	}

	/** The endpoints whose successful checks receiver-service should forward. */
	@GetMapping(path = OpenIncidentEndpoints.PATH, produces = MediaType.APPLICATION_JSON_VALUE)
	OpenIncidentEndpoints watched() {
		return new OpenIncidentEndpoints(this.engine.endpointsWatched());
	}

	@PostMapping(path = OpenIncidentEndpoints.SUCCESSES_PATH, consumes = MediaType.APPLICATION_JSON_VALUE,
			produces = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<SuccessReceipt> successes(@RequestBody ResultBatch batch) {
		int counted = this.engine.onSuccesses(batch);
		return ResponseEntity.status(HttpStatus.ACCEPTED)
			.body(new SuccessReceipt(batch.batchId(), counted, batch.results().size() - counted));
	}

	@PostMapping(path = TrendEvent.PATH, consumes = MediaType.APPLICATION_JSON_VALUE,
			produces = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<TrendReceipt> trend(@RequestBody TrendEvent event) {
		boolean applied = this.engine.onTrend(event);
		return ResponseEntity.status(HttpStatus.ACCEPTED).body(new TrendReceipt(event.eventId(), !applied));
	}

	/**
	 * The answer to a batch of successes.
	 *
	 * @param batchId the batch
	 * @param counted checks that counted towards resolving
	 * @param ignored checks of endpoints not followed, seen before, or not successes
	 */
	record SuccessReceipt(UUID batchId, int counted, int ignored) {

	}

	/**
	 * The answer to a trend event.
	 *
	 * @param eventId the event
	 * @param duplicate whether it was seen before (and changed nothing)
	 */
	record TrendReceipt(UUID eventId, boolean duplicate) {

	}

}
