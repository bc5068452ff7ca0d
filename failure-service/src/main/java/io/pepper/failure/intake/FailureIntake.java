package io.pepper.failure.intake;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import io.pepper.contracts.v1.FailureBatch;
import io.pepper.contracts.v1.FailureReport;
import io.pepper.failure.notify.Outbox;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Stores a batch of failures and queues their notifications in one transaction: either
 * all of it is kept or none, and a report seen before is neither stored nor notified
 * again.
 */
@Service
class FailureIntake {

	private static final Logger logger = LoggerFactory.getLogger(FailureIntake.class);

	private final FailureReports reports;

	private final Outbox outbox;

	FailureIntake(FailureReports reports, Outbox outbox) {
		this.reports = reports;
		this.outbox = outbox;
	}

	@Transactional
	IntakeReceipt accept(FailureBatch batch) {
		List<UUID> stored = new ArrayList<>();
		for (FailureReport report : batch.failures()) {
			this.reports.insertIfNew(batch, report).ifPresent(stored::add);
		}
		int queued = this.outbox.enqueueFor(stored);
		int duplicates = batch.failures().size() - stored.size();
		logger.info("Batch {} from probe {}: {} new failures, {} duplicates, {} notifications queued", batch.batchId(),
				batch.probe(), stored.size(), duplicates, queued);
		return new IntakeReceipt(batch.batchId(), stored.size(), duplicates);
	}

}
