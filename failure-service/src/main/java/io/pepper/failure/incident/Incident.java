package io.pepper.failure.incident;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.UUID;

import io.pepper.contracts.v1.Degradation;
import io.pepper.contracts.v1.IncidentView;
import io.pepper.contracts.v1.IncidentView.Kind;
import io.pepper.contracts.v1.IncidentView.State;
import org.jspecify.annotations.Nullable;

/**
 * An incident of one endpoint. Guards its transitions (it cannot resolve twice, be
 * acknowledged when resolved, ...) and records each in its timeline; the repository
 * stores the recorded entries with it.
 */
final class Incident {

	private final UUID id;

	private final UUID endpointId;

	private final UUID organizationId;

	private final String endpointName;

	private final @Nullable String url;

	private final Kind kind;

	private State state;

	private boolean flapping;

	private int reopenings;

	private final TreeSet<String> locations;

	private String reason;

	private final Instant openedAt;

	private @Nullable Instant resolvedAt;

	private @Nullable Instant recoveredAt;

	private @Nullable Instant acknowledgedAt;

	private @Nullable String acknowledgedBy;

	private @Nullable Instant lastRemindedAt;

	private @Nullable Degradation degradation;

	private final List<TimelineEntry> recorded = new ArrayList<>();

	Incident(UUID id, UUID endpointId, UUID organizationId, String endpointName, @Nullable String url, Kind kind,
			State state, boolean flapping, int reopenings, List<String> locations, String reason, Instant openedAt,
			@Nullable Instant resolvedAt, @Nullable Instant recoveredAt, @Nullable Instant acknowledgedAt,
			@Nullable String acknowledgedBy, @Nullable Instant lastRemindedAt) {
		this.id = id;
		this.endpointId = endpointId;
		this.organizationId = organizationId;
		this.endpointName = endpointName;
		this.url = url;
		this.kind = kind;
		this.state = state;
		this.flapping = flapping;
		this.reopenings = reopenings;
		this.locations = new TreeSet<>(locations);
		this.reason = reason;
		this.openedAt = openedAt;
		this.resolvedAt = resolvedAt;
		this.recoveredAt = recoveredAt;
		this.acknowledgedAt = acknowledgedAt;
		this.acknowledgedBy = acknowledgedBy;
		this.lastRemindedAt = lastRemindedAt;
	}

	/** A new open incident; its first timeline entry says why. */
	static Incident open(UUID endpointId, UUID organizationId, String endpointName, @Nullable String url, Kind kind,
			List<String> locations, String reason, Instant at, String detail) {
		Incident incident = new Incident(UUID.randomUUID(), endpointId, organizationId, endpointName, url, kind,
				State.OPEN, false, 0, locations, reason, at, null, null, null, null, null);
		incident.record(at, "opened", detail);
		return incident;
	}

	/** A location agrees the endpoint is down while the incident is open. */
	void confirm(String location, Instant at) {
		requireOpen("be confirmed");
		if (this.locations.add(location)) {
			record(at, "confirmed", "Also down from " + location + ".");
		}
	}

	TimelineEntry resolve(Instant at, String detail) {
		requireOpen("resolve");
		this.state = State.RESOLVED;
		this.resolvedAt = at;
		this.recoveredAt = null;
		return record(at, "resolved", detail);
	}

	/**
	 * Opens a resolved incident again: the endpoint went down again soon after.
	 * @return the entry of this change: {@code flapping} when it just became flapping,
	 * else {@code reopened}
	 */
	TimelineEntry reopen(Instant at, List<String> locations, String reason, int flappingThreshold) {
		if (this.state != State.RESOLVED) {
			throw new IncidentStateException("incident " + this.id + " is open; only a resolved one can reopen");
		}
		this.state = State.OPEN;
		this.resolvedAt = null;
		this.acknowledgedAt = null;
		this.acknowledgedBy = null;
		this.lastRemindedAt = null;
		this.reopenings++;
		this.locations.addAll(locations);
		this.reason = reason;
		TimelineEntry reopened = record(at, "reopened",
				"Down again from " + String.join(", ", locations) + ": " + reason + ".");
		if (!this.flapping && this.reopenings >= flappingThreshold) {
			this.flapping = true;
			return record(at, "flapping", "Reopened " + this.reopenings
					+ " times soon after resolving: marked flapping; it resolves once the endpoint stays up.");
		}
		return reopened;
	}

	/**
	 * A flapping incident's endpoint answers correctly again; it resolves if it stays so.
	 */
	void recovered(Instant at, String detail) {
		requireOpen("recover");
		if (!this.flapping || this.recoveredAt != null) {
			throw new IncidentStateException("incident " + this.id + " is not a flapping incident awaiting recovery");
		}
		this.recoveredAt = at;
		record(at, "recovered", detail);
	}

	/** The endpoint of a recovering flapping incident failed again. */
	void failingAgain(Instant at, String detail) {
		requireOpen("fail again");
		if (this.recoveredAt != null) {
			this.recoveredAt = null;
			record(at, "failing", detail);
		}
	}

	void acknowledge(String by, Instant at) {
		requireOpen("be acknowledged");
		if (this.acknowledgedAt != null) {
			throw new IncidentStateException(
					"incident " + this.id + " was already acknowledged by " + this.acknowledgedBy);
		}
		this.acknowledgedAt = at;
		this.acknowledgedBy = by;
		record(at, "acknowledged", "Acknowledged by " + by + "; no more reminders.");
	}

	TimelineEntry remind(Instant at) {
		requireOpen("remind");
		this.lastRemindedAt = at;
		return record(at, "reminder", "Still " + this.kind.name().toLowerCase() + ": " + this.reason + ".");
	}

	/** The open warning has come closer: a new reason, one new entry. */
	TimelineEntry warnAgain(Instant at, String reason, String detail) {
		requireOpen("warn again");
		this.reason = reason;
		return record(at, "warned", detail);
	}

	/** Adds a timeline entry that changes nothing else, e.g. a notification held back. */
	TimelineEntry note(Instant at, String type, String detail) {
		return record(at, type, detail);
	}

	/**
	 * The entry recorded last and not saved yet, e.g. "opened" right after {@link #open}.
	 */
	TimelineEntry lastRecorded() {
		if (this.recorded.isEmpty()) {
			throw new IllegalStateException("incident " + this.id + " recorded nothing since it was saved");
		}
		return this.recorded.getLast();
	}

	/** The timeline entries recorded since the last call, oldest first. */
	List<TimelineEntry> takeRecorded() {
		List<TimelineEntry> taken = List.copyOf(this.recorded);
		this.recorded.clear();
		return taken;
	}

	/** When a reminder is due next, or null when none is due. */
	@Nullable Instant reminderDue(@Nullable Integer intervalMinutes) {
		if (intervalMinutes == null || this.state != State.OPEN || this.kind != Kind.DOWN || this.acknowledgedAt != null
				|| this.recoveredAt != null) {
			return null;
		}
		Instant last = (this.lastRemindedAt != null) ? this.lastRemindedAt : this.openedAt;
		return last.plusSeconds(intervalMinutes * 60L);
	}

	IncidentView view() {
		return new IncidentView(this.id, this.endpointId, this.organizationId, this.endpointName, this.kind, this.state,
				this.flapping, this.openedAt, this.resolvedAt, this.acknowledgedAt, this.acknowledgedBy,
				List.copyOf(this.locations), this.reason, this.degradation);
	}

	/** The evidence a degraded incident opened with. */
	Incident withDegradation(@Nullable Degradation evidence) {
		if (evidence != null && this.kind != Kind.DEGRADED) {
			throw new IncidentStateException("incident " + this.id + " is not a degraded incident");
		}
		this.degradation = evidence;
		return this;
	}

	@Nullable Degradation degradation() {
		return this.degradation;
	}

	private void requireOpen(String action) {
		if (this.state != State.OPEN) {
			throw new IncidentStateException("incident " + this.id + " is resolved and cannot " + action);
		}
	}

	private TimelineEntry record(Instant at, String type, String detail) {
		TimelineEntry entry = TimelineEntry.of(at, type, detail);
		this.recorded.add(entry);
		return entry;
	}

	UUID id() {
		return this.id;
	}

	UUID endpointId() {
		return this.endpointId;
	}

	UUID organizationId() {
		return this.organizationId;
	}

	String endpointName() {
		return this.endpointName;
	}

	@Nullable String url() {
		return this.url;
	}

	Kind kind() {
		return this.kind;
	}

	State state() {
		return this.state;
	}

	boolean isOpen() {
		return this.state == State.OPEN;
	}

	boolean flapping() {
		return this.flapping;
	}

	int reopenings() {
		return this.reopenings;
	}

	List<String> locations() {
		return List.copyOf(this.locations);
	}

	String reason() {
		return this.reason;
	}

	Instant openedAt() {
		return this.openedAt;
	}

	@Nullable Instant resolvedAt() {
		return this.resolvedAt;
	}

	@Nullable Instant recoveredAt() {
		return this.recoveredAt;
	}

	@Nullable Instant acknowledgedAt() {
		return this.acknowledgedAt;
	}

	@Nullable String acknowledgedBy() {
		return this.acknowledgedBy;
	}

	@Nullable Instant lastRemindedAt() {
		return this.lastRemindedAt;
	}

}
