package io.pepper.failure.incident;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

import io.pepper.contracts.v1.MaintenanceWindowSpec;
import io.pepper.contracts.v1.NotificationChannelSpec;
import io.pepper.failure.alerting.EndpointRules;
import io.pepper.failure.notify.NotificationQueue;
import io.pepper.failure.notify.StateChange;
import io.pepper.failure.notify.StateChange.Change;
import io.pepper.failure.notify.Target;

import org.springframework.stereotype.Component;

/**
 * Turns a state change into outbox rows, one per channel target, in the state change's
 * transaction, and writes in the timeline who was told, or why nobody was (maintenance,
 * no channel). A trouble notification a maintenance window holds back is owed: the sweep
 * sends it when the window ends with the incident still open. An incident that resolves
 * before its trouble was told resolves silently, since nobody heard it was down.
 */
@Component
class ChangeNotifier {

	private final NotificationQueue outbox;

	private final Unannounced unannounced;

	ChangeNotifier(NotificationQueue outbox, Unannounced unannounced) {
		this.outbox = outbox;
		this.unannounced = unannounced;
	}

	/**
	 * Queues the notifications of {@code entry}, a change already saved with its
	 * incident.
	 */
	void notify(Incident incident, TimelineEntry entry, Change change, EndpointRules rules, Instant now) {
		Optional<MaintenanceWindowSpec> window = rules.activeWindow(now);
		if (window.isPresent()) {
			incident.note(now, "suppressed", "No " + change.words() + " notification: maintenance window '"
					+ window.get().name() + "' is active.");
			if (!change.isTrouble()) {
				this.unannounced.release(incident.id());
			}
			else if (change != Change.REMINDER) {
				this.unannounced.hold(incident.id(), change, now);
			}
			return;
		}
		Optional<Change> untold = (change != Change.REMINDER) ? this.unannounced.release(incident.id())
				: Optional.empty();
		if (untold.isPresent() && !change.isTrouble()) {
			incident.note(now, "suppressed",
					"No " + change.words() + " notification: its " + untold.get().words()
							+ " notification was held back by a maintenance window, "
							+ "so nobody was told it was in trouble.");
			return;
		}
		List<Target> targets = targets(rules);
		if (targets.isEmpty()) {
			incident.note(now, "suppressed",
					"No " + change.words() + " notification: no channel is configured for this endpoint, "
							+ "and its organization has no owner or admin to email.");
			return;
		}
		StateChange message = new StateChange(change, incident.id(), incident.endpointId(), incident.organizationId(),
				incident.endpointName(), incident.url(), incident.kind(), incident.reason(), incident.locations(),
				incident.openedAt(), entry.at(), incident.flapping());
		this.outbox.enqueue(entry.id(), message, targets);
		incident.note(now, "notified", capitalized(change.words()) + " notification queued for "
				+ targets.stream().map(Target::label).collect(Collectors.joining(", ")) + ".");
	}

	/** The trouble change owed to people of each open incident a window kept quiet. */
	Map<UUID, Change> owed() {
		return this.unannounced.all();
	}

	Optional<Change> owed(UUID incidentId) {
		return this.unannounced.find(incidentId);
	}

	/**
	 * Every target of the endpoint's channels; when it has none, its organization's
	 * contacts.
	 */
	static List<Target> targets(EndpointRules rules) {
		List<Target> targets = new ArrayList<>();
		for (NotificationChannelSpec channel : rules.channels()) {
			switch (channel) {
				case NotificationChannelSpec.Email email -> email.addresses()
					.forEach((address) -> targets.add(new Target("email", address, "email to " + address)));
				case NotificationChannelSpec.Slack slack ->
					targets.add(new Target("slack", slack.id().toString(), "Slack " + slack.name()));
				case NotificationChannelSpec.Webhook webhook ->
					targets.add(new Target("webhook", webhook.id().toString(), "webhook " + webhook.name()));
				case NotificationChannelSpec.PagerDuty pagerDuty ->
					targets.add(new Target("pagerduty", pagerDuty.id().toString(), "PagerDuty " + pagerDuty.name()));
				case NotificationChannelSpec.Opsgenie opsgenie ->
					targets.add(new Target("opsgenie", opsgenie.id().toString(), "Opsgenie " + opsgenie.name()));
				case NotificationChannelSpec.Teams teams ->
					targets.add(new Target("teams", teams.id().toString(), "Microsoft Teams " + teams.name()));
				case NotificationChannelSpec.Discord discord ->
					targets.add(new Target("discord", discord.id().toString(), "Discord " + discord.name()));
				case NotificationChannelSpec.Telegram telegram ->
					targets.add(new Target("telegram", telegram.id().toString(), "Telegram " + telegram.name()));
				case NotificationChannelSpec.Ntfy ntfy ->
					targets.add(new Target("ntfy", ntfy.id().toString(), "ntfy " + ntfy.name()));
			}
		}
		if (targets.isEmpty()) {
			rules.contactEmails()
				.forEach((address) -> targets.add(new Target("email", address, "email to " + address)));
		}
		return targets;
	}

	private static String capitalized(String words) {
		return Character.toUpperCase(words.charAt(0)) + words.substring(1);
	}

}
