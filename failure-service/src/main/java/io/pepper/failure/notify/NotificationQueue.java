package io.pepper.failure.notify;

import java.util.List;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * failure-service's transactional notification queue: adds notifications to the
 * {@code notifications} table in the caller's transaction, so a state change is stored if
 * and only if its notifications are. {@link NotificationDispatcher} delivers them.
 */
@Component
public class NotificationQueue {

	private final Notifications notifications;

	private final ApplicationEventPublisher events;

	NotificationQueue(Notifications notifications, ApplicationEventPublisher events) {
		this.notifications = notifications;
		this.events = events;
	}

	/**
	 * Queues one notification of {@code change} per target; a target that already has one
	 * for this state change ({@code eventId}) gets no second.
	 * @return how many were queued
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public int enqueue(UUID eventId, StateChange change, List<Target> targets) {
		int queued = 0;
		for (Target target : targets) {
			queued += this.notifications.add(eventId, change, target);
		}
		if (queued > 0) {
			this.events.publishEvent(new NotificationsQueued(queued));
		}
		return queued;
	}

}
