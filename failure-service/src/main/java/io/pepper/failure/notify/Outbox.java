package io.pepper.failure.notify;

import java.util.Collection;
import java.util.UUID;

import io.pepper.failure.FailureProperties;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Adds notifications to the outbox in the caller's transaction, so a failure is stored if
 * and only if its notifications are.
 */
@Component
public class Outbox {

	static final String EMAIL = "email";

	private final Notifications notifications;

	private final FailureProperties properties;

	private final ApplicationEventPublisher events;

	Outbox(Notifications notifications, FailureProperties properties, ApplicationEventPublisher events) {
		this.notifications = notifications;
		this.properties = properties;
		this.events = events;
	}

	/**
	 * Queues the notifications of newly stored failure reports: for now one email per
	 * configured recipient.
	 * @return how many notifications were queued
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public int enqueueFor(Collection<UUID> failureReportIds) {
		int queued = 0;
		for (UUID reportId : failureReportIds) {
			for (String recipient : this.properties.mail().to()) {
				this.notifications.add(reportId, EMAIL, recipient);
				queued++;
			}
		}
		if (queued > 0) {
			this.events.publishEvent(new NotificationsQueued(queued));
		}
		return queued;
	}

}
