package io.pepper.failure;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.pepper.contracts.v1.AlertPolicy;
import io.pepper.contracts.v1.ApdexClass;
import io.pepper.contracts.v1.CheckResult;
import io.pepper.contracts.v1.EndpointAlerting;
import io.pepper.contracts.v1.FailureReport;
import io.pepper.contracts.v1.Outcome;
import io.pepper.contracts.v1.OutcomeKind;
import io.pepper.contracts.v1.Phase;
import io.pepper.contracts.v1.PhaseTimings;
import io.pepper.contracts.v1.TrendSensitivity;

/**
 * An endpoint of a fresh organization, with the checks probes would report for it.
 *
 * @param id the endpoint
 * @param organizationId its own organization
 * @param name its name
 * @param url what is checked
 * @param locations where it is checked from
 */
public record TestEndpoint(UUID id, UUID organizationId, String name, String url, List<String> locations) {

	public static TestEndpoint create(String name, String... locations) {
		return in(UUID.randomUUID(), name, locations);
	}

	/** Another endpoint of the same organization. */
	public static TestEndpoint in(UUID organizationId, String name, String... locations) {
		UUID id = UUID.randomUUID();
		return new TestEndpoint(id, organizationId, name,
				"https://" + name.toLowerCase().replaceAll("[^a-z0-9]+", "-") + ".example.com/health?id=" + id,
				List.of(locations));
	}

	/** A failed check answering 500 from {@code location} in the slot {@code slot}. */
	public FailureReport failure(String location, Instant slot) {
		CheckResult result = new CheckResult(this.id, this.organizationId, location, slot, slot.plusMillis(120),
				new PhaseTimings(1.0, 2.0, 10.0, 30.0, 31.5), 500, 12, null,
				Outcome.failed(OutcomeKind.UNEXPECTED_STATUS, Phase.FIRST_BYTE, "expected 200-299 but got 500"), 300,
				ApdexClass.FRUSTRATED);
		return new FailureReport(this.name, URI.create(this.url), result);
	}

	/**
	 * A failed check of another kind than HTTP: no status, no bytes, and only the phases
	 * {@code timings} gives.
	 */
	public FailureReport failure(String location, Instant slot, Outcome outcome, PhaseTimings timings) {
		CheckResult result = new CheckResult(this.id, this.organizationId, location, slot, slot.plusMillis(120),
				timings, null, 0, null, outcome, 300, ApdexClass.FRUSTRATED, null);
		return new FailureReport(this.name, URI.create(this.url), result);
	}

	/** The same endpoint checked at another target, e.g. {@code dns:example.com}. */
	public TestEndpoint at(String target) {
		return new TestEndpoint(this.id, this.organizationId, this.name, target, this.locations);
	}

	/** A correct check from {@code location} in the slot {@code slot}. */
	public CheckResult success(String location, Instant slot) {
		return new CheckResult(this.id, this.organizationId, location, slot, slot.plusMillis(80),
				new PhaseTimings(1.0, 2.0, 10.0, 30.0, 40.0), 200, 512, null, Outcome.up(), 300, ApdexClass.SATISFIED);
	}

	/** The endpoint as admin-app's alerting snapshot describes it. */
	public EndpointAlerting alerting(AlertPolicy policy, UUID... maintenanceWindowIds) {
		return new EndpointAlerting(this.id, this.organizationId, this.name, URI.create(this.url), this.locations,
				List.of(), 300, policy, List.of(maintenanceWindowIds));
	}

	/**
	 * A policy: {@code failures} in a row from {@code locations} locations open,
	 * {@code successes} in a row resolve.
	 */
	public static AlertPolicy policy(int failures, int locations, int successes, Integer reminderMinutes,
			UUID... channelIds) {
		return new AlertPolicy(failures, locations, successes, null, TrendSensitivity.MEDIUM, reminderMinutes,
				List.of(channelIds));
	}

}
