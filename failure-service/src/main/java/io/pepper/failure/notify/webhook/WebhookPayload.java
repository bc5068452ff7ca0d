package io.pepper.failure.notify.webhook;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import io.pepper.failure.notify.Digest;
import io.pepper.failure.notify.Notification;
import io.pepper.failure.notify.StateChange;
import io.pepper.failure.notify.Wording;
import org.jspecify.annotations.Nullable;

/**
 * The body of a webhook delivery.
 *
 * @param type {@code incident.opened}, {@code incident.reopened},
 * {@code incident.flapping}, {@code incident.resolved}, {@code incident.degraded},
 * {@code incident.recovered}, {@code incident.reminder}, or {@code digest} for several
 * @param deliveryId the same on every retry of this delivery, so a receiver can drop
 * repeats
 * @param events the changes: one, or several in a digest
 */
record WebhookPayload(String type, UUID deliveryId, List<Event> events) {

	static WebhookPayload of(Notification notification, @Nullable URI adminPublicUrl) {
		return switch (notification.message()) {
			case StateChange change ->
				new WebhookPayload(type(change), notification.id(), List.of(Event.of(change, adminPublicUrl)));
			case Digest digest -> new WebhookPayload("digest", notification.id(),
					digest.changes().stream().map((change) -> Event.of(change, adminPublicUrl)).toList());
		};
	}

	static String type(StateChange change) {
		return "incident." + change.change().name().toLowerCase(Locale.ROOT);
	}

	/**
	 * One change of an incident.
	 *
	 * @param type as {@link WebhookPayload#type()}, never {@code digest}
	 * @param incidentId the incident
	 * @param endpointId its endpoint
	 * @param organizationId the endpoint's organization
	 * @param endpointName the endpoint's name
	 * @param url what is checked, when known
	 * @param incidentKind {@code DOWN} or {@code DEGRADED}
	 * @param reason why, in a sentence
	 * @param locations the locations that confirmed it
	 * @param openedAt when the incident opened
	 * @param at when this change happened
	 * @param durationSeconds how long the incident has lasted at this change
	 * @param flapping whether the incident is flapping
	 * @param link the endpoint's page in admin-app, when configured
	 */
	record Event(String type, UUID incidentId, UUID endpointId, UUID organizationId, String endpointName,
			@Nullable String url, String incidentKind, String reason, List<String> locations, Instant openedAt,
			Instant at, long durationSeconds, boolean flapping, @Nullable String link) {

		static Event of(StateChange change, @Nullable URI adminPublicUrl) {
			URI link = Wording.link(adminPublicUrl, change.endpointId());
			return new Event(WebhookPayload.type(change), change.incidentId(), change.endpointId(),
					change.organizationId(), change.endpointName(), change.url(), change.incidentKind().name(),
					change.reason(), change.locations(), change.openedAt(), change.at(), change.duration().toSeconds(),
					change.flapping(), (link != null) ? link.toString() : null);
		}

	}

}
