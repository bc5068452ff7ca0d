package io.pepper.failure.intake;

import io.pepper.contracts.v1.FailureBatch;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Where probes post failed checks. The bearer token is checked before the body is read
 * ({@code web.ApiTokens}).
 */
@RestController
class IntakeController {

	private final FailureIntake intake;

	IntakeController(FailureIntake intake) {
		this.intake = intake;
	}

	@PostMapping(path = FailureBatch.PATH, consumes = MediaType.APPLICATION_JSON_VALUE,
			produces = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<IntakeReceipt> accept(@RequestBody FailureBatch batch) {
		return ResponseEntity.status(HttpStatus.ACCEPTED).body(this.intake.accept(batch));
	}

}
