package io.pepper.failure.intake;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

import io.pepper.contracts.v1.FailureBatch;
import io.pepper.contracts.v1.FailureReport;
import io.pepper.failure.history.HistoryForwarder;
import io.pepper.failure.incident.IncidentEngine;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Stores a batch of failures, queues them for history and lets the incident engine count
 * them, in one transaction: either all of it is kept or none, and a report seen before is
 * neither stored, forwarded nor counted again.
 */
@Service
class FailureIntake {

	private static final Logger logger = LoggerFactory.getLogger(FailureIntake.class);

	/**
	 * One order for every batch, so two batches never wait for each other in a circle.
	 */
	private static final Comparator<FailureReport> ORDER = Comparator
		.comparing((FailureReport report) -> report.result().endpointId())
		.thenComparing((report) -> report.result().location())
		.thenComparing((report) -> report.result().scheduledAt());

	private final FailureReports reports;

	private final IncidentEngine engine;

	private final HistoryForwarder history;

	FailureIntake(FailureReports reports, IncidentEngine engine, HistoryForwarder history) {
		this.reports = reports;
		this.engine = engine;
		this.history = history;
	}

	@Transactional
	IntakeReceipt accept(FailureBatch batch) {
		List<FailureReport> ordered = batch.failures().stream().sorted(ORDER).toList();
		this.engine.lockEndpoints(ordered);
		List<UUID> stored = new ArrayList<>();
		List<FailureReport> fresh = new ArrayList<>();
		for (FailureReport report : ordered) {
			this.reports.insertIfNew(batch, report).ifPresent((id) -> {
				stored.add(id);
				fresh.add(report);
			});
		}
		this.history.enqueue(stored);
		this.engine.onFailures(fresh);
		int duplicates = batch.failures().size() - stored.size();
		logger.info("Batch {} from probe {}: {} new failures, {} duplicates", batch.batchId(), batch.probe(),
				stored.size(), duplicates);
		return new IntakeReceipt(batch.batchId(), stored.size(), duplicates);
	}

}
