package io.pepper.failure.incident;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;

import io.pepper.contracts.v1.AlertPolicy;
import io.pepper.contracts.v1.CheckResult;
import io.pepper.contracts.v1.Degradation;
import io.pepper.contracts.v1.EndpointAlerting;
import io.pepper.contracts.v1.FailureReport;
import io.pepper.contracts.v1.IncidentView;
import io.pepper.contracts.v1.IncidentView.Kind;
import io.pepper.contracts.v1.ResultBatch;
import io.pepper.contracts.v1.TrendEvent;
import io.pepper.failure.FailureProperties;
import io.pepper.failure.alerting.AlertingConfiguration;
import io.pepper.failure.alerting.EndpointRules;
import io.pepper.failure.notify.StateChange.Change;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Decides, per endpoint, when failures become an incident and when it ends. Every change
 * of one endpoint happens with its row locked ({@link EndpointStates#lock}), rows locked
 * in endpoint order, so concurrent requests neither open two incidents nor deadlock.
 */
@Service
public class IncidentEngine {

	private static final Logger logger = LoggerFactory.getLogger(IncidentEngine.class);

	private final EndpointStates states;

	private final Incidents incidents;

	private final AlertingConfiguration alerting;

	private final ChangeNotifier notifier;

	private final FailureProperties properties;

	private final Clock clock;

	private final TransactionTemplate transactions;

	private final CertificateWarnings certificates;

	IncidentEngine(EndpointStates states, Incidents incidents, AlertingConfiguration alerting, ChangeNotifier notifier,
			FailureProperties properties, Clock clock, TransactionTemplate transactions,
			CertificateWarnings certificates) {
		this.certificates = certificates;
		this.states = states;
		this.incidents = incidents;
		this.alerting = alerting;
		this.notifier = notifier;
		this.properties = properties;
		this.clock = clock;
		this.transactions = transactions;
	}

	/**
	 * Locks the rows of the reports' endpoints, in endpoint order, before their reports
	 * are stored: a batch racing another for the same endpoint waits here.
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public void lockEndpoints(List<FailureReport> reports) {
		Map<UUID, FailureReport> byEndpoint = new TreeMap<>();
		reports.forEach((report) -> byEndpoint.putIfAbsent(report.result().endpointId(), report));
		byEndpoint.forEach((endpointId, report) -> {
			EndpointAlerting known = this.alerting.rulesFor(endpointId).endpoint();
			this.states.lock(endpointId, report.result().organizationId(),
					(known != null) ? known.name() : report.endpointName(),
					((known != null) ? known.url() : report.url()).toString());
		});
	}

	/**
	 * Counts new failure reports (never seen before) and opens incidents they confirm.
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public void onFailures(List<FailureReport> fresh) {
		Map<UUID, List<FailureReport>> byEndpoint = new TreeMap<>();
		fresh.forEach((report) -> byEndpoint.computeIfAbsent(report.result().endpointId(), (id) -> new ArrayList<>())
			.add(report));
		byEndpoint.forEach(this::failuresOf);
	}

	private void failuresOf(UUID endpointId, List<FailureReport> reports) {
		Instant now = now();
		EndpointRules rules = this.alerting.rulesFor(endpointId);
		AlertPolicy policy = rules.policy();
		Duration maxGap = this.properties.streakMaxGap();
		Map<String, Streak> streaks = this.states.streaks(endpointId);
		FailureReport latest = null;
		for (FailureReport report : reports.stream()
			.sorted(Comparator.comparing((FailureReport each) -> each.result().scheduledAt()))
			.toList()) {
			CheckResult result = report.result();
			Streak streak = streaks.get(result.location());
			if (streak != null && !result.scheduledAt().isAfter(streak.lastScheduledAt())) {
				continue;
			}
			int failures = (streak != null && streak.failures() > 0
					&& Duration.between(streak.lastScheduledAt(), result.scheduledAt()).compareTo(maxGap) <= 0)
							? streak.failures() + 1 : 1;
			Streak next = new Streak(result.location(), failures, 0, result.scheduledAt(), reason(report));
			this.states.save(endpointId, next);
			streaks.put(next.location(), next);
			latest = report;
		}
		if (latest == null) {
			return;
		}
		if (rules.held()) {
			// Its locations are unknown: one location's word must not open anything.
			logger.debug("Endpoint {} is not in the alerting configuration (yet): its failures are counted, "
					+ "the decision waits", endpointId);
			return;
		}
		Instant newest = streaks.values().stream().map(Streak::lastScheduledAt).max(Comparator.naturalOrder()).get();
		List<String> down = streaks.values()
			.stream()
			.filter((streak) -> rules.counts(streak.location()))
			.filter((streak) -> streak.failures() >= policy.failuresToOpen())
			.filter((streak) -> !streak.lastScheduledAt().isBefore(newest.minus(maxGap)))
			.map(Streak::location)
			.sorted()
			.toList();
		Optional<Incident> open = this.incidents.findOpen(endpointId, Kind.DOWN);
		if (open.isPresent()) {
			Incident incident = open.get();
			down.forEach((location) -> incident.confirm(location, now));
			incident.failingAgain(now,
					"Failing again from " + latest.result().location() + ": " + reason(latest) + ".");
			this.incidents.save(incident);
			return;
		}
		int quorum = rules.quorum();
		if (down.size() < quorum) {
			return;
		}
		String reason = reason(latest);
		String of = rules.locations().isEmpty() ? "" : " of " + rules.locations().size();
		String detail = "Down from " + String.join(", ", down) + " (" + down.size() + of + " locations, " + quorum
				+ " needed; " + policy.failuresToOpen() + " failed checks in a row each): " + reason + ".";
		Optional<Incident> recent = this.incidents.findResolvedSince(endpointId, Kind.DOWN,
				now.minus(this.properties.flapping().window()));
		Incident incident;
		TimelineEntry entry;
		Change change;
		if (recent.isPresent()) {
			incident = recent.get();
			entry = incident.reopen(now, down, reason, this.properties.flapping().threshold());
			change = entry.type().equals("flapping") ? Change.FLAPPING : Change.REOPENED;
		}
		else {
			EndpointStates.Known known = this.states.find(endpointId).orElseThrow();
			incident = Incident.open(endpointId, known.organizationId(), known.name(), known.url(), Kind.DOWN, down,
					reason, now, detail);
			entry = incident.lastRecorded();
			change = Change.OPENED;
		}
		changed(incident, entry, change, rules, now);
	}

	/**
	 * Counts correct checks of endpoints failure-service follows and resolves the
	 * incidents they end; other endpoints' checks are ignored.
	 * @return how many checks counted
	 */
	@Transactional
	public int onSuccesses(ResultBatch batch) {
		Map<UUID, List<CheckResult>> byEndpoint = new TreeMap<>();
		batch.results()
			.stream()
			.filter((result) -> result.outcome().isUp())
			.forEach(
					(result) -> byEndpoint.computeIfAbsent(result.endpointId(), (id) -> new ArrayList<>()).add(result));
		int counted = 0;
		for (Map.Entry<UUID, List<CheckResult>> endpoint : byEndpoint.entrySet()) {
			certificatesOf(endpoint.getKey(), endpoint.getValue());
			if (this.states.lockIfKnown(endpoint.getKey()).isPresent()) {
				counted += successesOf(endpoint.getKey(), endpoint.getValue());
			}
		}
		return counted;
	}

	/**
	 * Warns once per threshold about a TLS check's certificate nearing its expiry, and
	 * resolves the warning once it no longer does.
	 */
	private void certificatesOf(UUID endpointId, List<CheckResult> results) {
		if (!this.alerting.loaded()) {
			return;
		}
		EndpointRules rules = this.alerting.rulesFor(endpointId);
		EndpointAlerting known = rules.endpoint();
		CheckResult latest = results.stream()
			.filter((result) -> result.tlsCertExpiresAt() != null)
			.max(Comparator.comparing(CheckResult::scheduledAt))
			.orElse(null);
		if (known == null || known.certificateWarningDays().isEmpty() || latest == null) {
			return;
		}
		this.states.lock(endpointId, known.organizationId(), known.name(), known.url().toString());
		Instant now = now();
		// as PostgreSQL keeps it, so the certificate told compares equal to the one seen
		Instant expiry = Objects.requireNonNull(latest.tlsCertExpiresAt()).truncatedTo(ChronoUnit.MICROS);
		Optional<Incident> open = this.incidents.findOpen(endpointId, Kind.CERTIFICATE_EXPIRING);
		CertificateWarning.Decision decision = CertificateWarning.decide(known.certificateWarningDays(), expiry, now,
				this.certificates.told(endpointId).orElse(null));
		switch (decision) {
			case CertificateWarning.Decision.Warn warn -> {
				this.certificates.save(endpointId, expiry, warn.thresholdDays(), now);
				String reason = "the certificate expires in " + warn.daysLeft() + " days, at " + expiry;
				String detail = "Within the " + warn.thresholdDays() + "-day warning: " + reason + " (seen from "
						+ latest.location() + ").";
				if (open.isPresent()) {
					Incident incident = open.get();
					changed(incident, incident.warnAgain(now, reason, detail), Change.CERTIFICATE_EXPIRING, rules, now);
				}
				else {
					Incident incident = Incident.open(endpointId, known.organizationId(), known.name(),
							known.url().toString(), Kind.CERTIFICATE_EXPIRING, List.of(latest.location()), reason, now,
							detail);
					changed(incident, incident.lastRecorded(), Change.CERTIFICATE_EXPIRING, rules, now);
				}
			}
			case CertificateWarning.Decision.Clear clear -> {
				this.certificates.clear(endpointId);
				if (open.isPresent()) {
					Incident incident = open.get();
					changed(incident,
							incident.resolve(now,
									"The certificate now expires at " + expiry + ", beyond every warning: renewed."),
							Change.CERTIFICATE_RENEWED, rules, now);
				}
			}
			case CertificateWarning.Decision.Nothing nothing -> {
				// told already
			}
		}
	}

	private int successesOf(UUID endpointId, List<CheckResult> results) {
		Instant now = now();
		Map<String, Streak> streaks = this.states.streaks(endpointId);
		int counted = 0;
		for (CheckResult result : results.stream().sorted(Comparator.comparing(CheckResult::scheduledAt)).toList()) {
			Streak streak = streaks.get(result.location());
			if (streak == null || !result.scheduledAt().isAfter(streak.lastScheduledAt())) {
				continue;
			}
			Streak next = new Streak(result.location(), 0, (streak.failures() > 0) ? 1 : streak.successes() + 1,
					result.scheduledAt(), streak.lastReason());
			this.states.save(endpointId, next);
			streaks.put(next.location(), next);
			counted++;
		}
		Optional<Incident> open = this.incidents.findOpen(endpointId, Kind.DOWN);
		if (counted == 0 || open.isEmpty() || !this.alerting.loaded()) {
			return counted;
		}
		Incident incident = open.get();
		EndpointRules rules = this.alerting.rulesFor(endpointId);
		int needed = rules.policy().successesToResolve();
		List<String> confirming = incident.locations().stream().filter(rules::counts).toList();
		if (confirming.isEmpty()) {
			confirming = incident.locations();
		}
		boolean up = confirming.stream().allMatch((location) -> {
			Streak streak = streaks.get(location);
			return streak != null && streak.successes() >= needed;
		});
		if (!up) {
			return counted;
		}
		String detail = "Answered correctly " + needed + " times in a row from " + String.join(", ", confirming) + ".";
		if (incident.flapping()) {
			if (incident.recoveredAt() == null) {
				incident.recovered(now, detail + " It is flapping, so it resolves once it stays up for "
						+ this.properties.flapping().window().toMinutes() + " min.");
				this.incidents.save(incident);
			}
			return counted;
		}
		changed(incident, incident.resolve(now, detail), Change.RESOLVED, rules, now);
		return counted;
	}

	/**
	 * Opens or resolves the endpoint's DEGRADED incident.
	 * @return false when the event was seen before and changed nothing
	 */
	@Transactional
	public boolean onTrend(TrendEvent event) {
		if (!this.alerting.loaded()) {
			throw new AlertingNotLoadedException();
		}
		if (!this.states.rememberTrendEvent(event.eventId(), event.endpointId(), event.kind().name())) {
			return false;
		}
		UUID endpointId = event.endpointId();
		EndpointRules rules = this.alerting.rulesFor(endpointId);
		EndpointAlerting known = rules.endpoint();
		Optional<EndpointStates.Known> reported = this.states.find(endpointId);
		String name = (known != null) ? known.name()
				: reported.map(EndpointStates.Known::name).orElse("endpoint " + endpointId);
		String url = (known != null) ? known.url().toString() : reported.map(EndpointStates.Known::url).orElse(null);
		this.states.lock(endpointId, event.organizationId(), name, url);
		Instant now = now();
		String scores = String.format("Apdex %.2f against a baseline of %.2f (T = %d ms): %s.", event.apdex(),
				event.baselineApdex(), event.apdexThresholdMs(), event.reason());
		Optional<Incident> open = this.incidents.findOpen(endpointId, Kind.DEGRADED);
		switch (event.kind()) {
			case DEGRADED -> {
				if (open.isPresent()) {
					open.get().note(now, "degraded", "Still degraded. " + scores);
					this.incidents.save(open.get());
				}
				else {
					Degradation evidence = event.degradation();
					Incident incident = Incident
						.open(endpointId, event.organizationId(), name, url, Kind.DEGRADED,
								(evidence != null) ? evidence.locations() : List.of(), event.reason(), now,
								"Degraded. " + scores)
						.withDegradation(evidence);
					changed(incident, incident.lastRecorded(), Change.DEGRADED, rules, now);
				}
			}
			case RECOVERED -> {
				if (open.isPresent()) {
					Incident incident = open.get();
					changed(incident, incident.resolve(now, "Recovered. " + scores), Change.RECOVERED, rules, now);
				}
			}
		}
		return true;
	}

	/**
	 * Sends due reminders and resolves flapping incidents whose endpoint stayed up for
	 * the flapping window; each incident in its own transaction. Never throws.
	 * @return how many incidents changed
	 */
	public int sweep() {
		if (!this.alerting.loaded()) {
			return 0;
		}
		int changed = 0;
		try {
			Map<UUID, Change> owed = this.notifier.owed();
			for (Incident candidate : this.incidents.allOpen()) {
				if (due(candidate, now(), Optional.ofNullable(owed.get(candidate.id()))) != null) {
					Boolean done = this.transactions.execute((status) -> sweep(candidate));
					changed += Boolean.TRUE.equals(done) ? 1 : 0;
				}
			}
		}
		catch (RuntimeException ex) {
			logger.warn("Looking for reminders and settled incidents failed: {}", ex.toString());
		}
		return changed;
	}

	private boolean sweep(Incident candidate) {
		this.states.lockIfKnown(candidate.endpointId());
		Optional<Incident> current = this.incidents.findOpen(candidate.endpointId(), candidate.kind())
			.filter((incident) -> incident.id().equals(candidate.id()));
		if (current.isEmpty()) {
			return false;
		}
		Incident incident = current.get();
		Instant now = now();
		Change change = due(incident, now, this.notifier.owed(incident.id()));
		if (change == null) {
			return false;
		}
		EndpointRules rules = this.alerting.rulesFor(incident.endpointId());
		TimelineEntry entry = switch (change) {
			case RESOLVED -> incident.resolve(now, "Stayed up for " + this.properties.flapping().window().toMinutes()
					+ " min after flapping: resolved.");
			case REMINDER -> incident.remind(now);
			default -> incident.note(now, "announced", "The maintenance window ended with the incident still open: its "
					+ change.words() + " notification goes out now.");
		};
		changed(incident, entry, change, rules, now);
		return true;
	}

	/**
	 * What the sweep owes an incident now: its resolution, the trouble notification a
	 * maintenance window held back ({@code owed}) once no window is active, a reminder,
	 * or nothing.
	 */
	private @Nullable Change due(Incident incident, Instant now, Optional<Change> owed) {
		Instant recovered = incident.recoveredAt();
		if (incident.flapping() && recovered != null
				&& !recovered.plus(this.properties.flapping().window()).isAfter(now)) {
			return Change.RESOLVED;
		}
		if (owed.isPresent()) {
			return this.alerting.rulesFor(incident.endpointId()).activeWindow(now).isEmpty() ? owed.get() : null;
		}
		Instant reminder = incident
			.reminderDue(this.alerting.rulesFor(incident.endpointId()).policy().reminderIntervalMinutes());
		return (reminder != null && !reminder.isAfter(now)) ? Change.REMINDER : null;
	}

	/** Acknowledges an open incident of the organization; no more reminders for it. */
	@Transactional
	public IncidentView acknowledge(UUID id, UUID organizationId, String by) {
		Incident found = this.incidents.find(id, organizationId).orElseThrow(() -> new IncidentNotFoundException(id));
		this.states.lockIfKnown(found.endpointId());
		Incident incident = this.incidents.find(id, organizationId)
			.orElseThrow(() -> new IncidentNotFoundException(id));
		incident.acknowledge(by, now());
		this.incidents.save(incident);
		return incident.view();
	}

	/**
	 * Endpoints whose successes failure-service needs: those with an open DOWN incident,
	 * and those with a run of failures not confirmed yet (a success ends the run).
	 */
	@Transactional(readOnly = true)
	public List<UUID> endpointsWatched() {
		TreeSet<UUID> watched = new TreeSet<>(this.incidents.endpointsDown());
		watched.addAll(this.states.failingSince(now().minus(this.properties.streakMaxGap())));
		watched.addAll(this.alerting.certificatesWatched());
		return List.copyOf(watched);
	}

	/**
	 * The time, to the microsecond PostgreSQL keeps, so what is stored compares as
	 * computed.
	 */
	private Instant now() {
		return this.clock.instant().truncatedTo(ChronoUnit.MICROS);
	}

	private void changed(Incident incident, TimelineEntry entry, Change change, EndpointRules rules, Instant now) {
		this.incidents.save(incident);
		this.notifier.notify(incident, entry, change, rules, now);
		this.incidents.save(incident);
		logger.info("Incident {} of endpoint {} ({}): {}", incident.id(), incident.endpointName(),
				incident.endpointId(), change.words());
	}

	/** Why a check failed, e.g. "UNEXPECTED_STATUS: expected 200-299 but got 500". */
	private static String reason(FailureReport report) {
		CheckResult result = report.result();
		String reason = result.outcome().kind() + ": " + result.outcome().reason();
		Integer status = result.status();
		return (status != null && !reason.contains(status.toString())) ? reason + " (HTTP " + status + ")" : reason;
	}

}
