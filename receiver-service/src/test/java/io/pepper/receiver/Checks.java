package io.pepper.receiver;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.pepper.contracts.v1.ApdexClass;
import io.pepper.contracts.v1.CheckResult;
import io.pepper.contracts.v1.Outcome;
import io.pepper.contracts.v1.OutcomeKind;
import io.pepper.contracts.v1.Phase;
import io.pepper.contracts.v1.PhaseTimings;
import io.pepper.contracts.v1.ResultBatch;

/** Check results and batches for tests, and the rows InfluxDB answers about them. */
public final class Checks {

	public static final UUID ORGANIZATION = UUID.fromString("7d1c2d8e-5a0b-4a52-9d43-2f1f0a7c9b11");

	/**
	 * A whole minute, like the probe's slots, a day ago: inside the raw retention that
	 * InfluxDB enforces on writes.
	 */
	public static final Instant SCHEDULED_AT = Instant.now().truncatedTo(ChronoUnit.MINUTES).minus(1, ChronoUnit.DAYS);

	private Checks() {
	}

	/** A successful https check with every phase measured. */
	public static CheckResult up(UUID endpoint, String location, double totalMs) {
		return new CheckResult(endpoint, ORGANIZATION, location, SCHEDULED_AT, SCHEDULED_AT.plusMillis(12),
				new PhaseTimings(1.5, 2.25, 10.0, 40.5, totalMs), 200, 1234L, SCHEDULED_AT.plus(90, ChronoUnit.DAYS),
				Outcome.up(), 500, ApdexClass.of(Outcome.up(), totalMs, 500));
	}

	/** A check that never got an answer: no status and only the DNS phase. */
	public static CheckResult refused(UUID endpoint, String location) {
		Outcome outcome = Outcome.failed(OutcomeKind.CONNECTION_REFUSED, Phase.CONNECT, "connection refused");
		return new CheckResult(endpoint, ORGANIZATION, location, SCHEDULED_AT, SCHEDULED_AT.plusMillis(3),
				new PhaseTimings(0.5, null, null, null, 3.0), null, 0L, null, outcome, 500, ApdexClass.FRUSTRATED);
	}

	/** A check that timed out waiting for the first byte, after connecting over TLS. */
	public static CheckResult timedOut(UUID endpoint, String location) {
		Outcome outcome = Outcome.failed(OutcomeKind.TIMEOUT, Phase.FIRST_BYTE, "no first byte within 10000 ms");
		return new CheckResult(endpoint, ORGANIZATION, location, SCHEDULED_AT, SCHEDULED_AT.plusMillis(5),
				new PhaseTimings(1.0, 2.0, 9.0, null, 10_000.0), null, 0L, SCHEDULED_AT.plus(30, ChronoUnit.DAYS),
				outcome, 500, ApdexClass.FRUSTRATED);
	}

	/** A check that got an answer, but not one the endpoint accepts. */
	public static CheckResult unexpectedStatus(UUID endpoint, String location, int status) {
		Outcome outcome = Outcome.failed(OutcomeKind.UNEXPECTED_STATUS, Phase.FIRST_BYTE,
				"expected 200-299 but got " + status);
		return new CheckResult(endpoint, ORGANIZATION, location, SCHEDULED_AT, SCHEDULED_AT.plusMillis(5),
				new PhaseTimings(1.0, 2.0, 9.0, 30.0, 31.5), status, 87L, null, outcome, 500, ApdexClass.FRUSTRATED);
	}

	public static ResultBatch batch(CheckResult... results) {
		return new ResultBatch(UUID.randomUUID(), "test-probe", List.of(results));
	}

	/** The rows of an InfluxDB 1.x CSV answer, each as column name to value. */
	public static List<Map<String, String>> rows(String csv) {
		List<String> lines = csv.lines().filter((line) -> !line.isBlank()).toList();
		List<Map<String, String>> rows = new ArrayList<>();
		if (lines.size() < 2) {
			return rows;
		}
		String[] header = lines.getFirst().split(",", -1);
		for (String line : lines.subList(1, lines.size())) {
			String[] cells = line.split(",", -1);
			Map<String, String> row = new HashMap<>();
			for (int i = 0; i < header.length && i < cells.length; i++) {
				row.put(header[i], cells[i]);
			}
			rows.add(row);
		}
		return rows;
	}

}
