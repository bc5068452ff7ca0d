package io.pepper.failure.notify;

import java.util.UUID;

import io.pepper.contracts.v1.NotificationChannelSpec;
import io.pepper.failure.alerting.AlertingConfiguration;

/**
 * Finds the configured channel a notification goes to. Outbox rows name channels by id
 * only; URLs and secrets are read from the alerting configuration when sending, so they
 * are never stored in the outbox.
 */
public final class ChannelLookup {

	private ChannelLookup() {
	}

	/**
	 * The channel of type {@code type} the notification's recipient names.
	 * @param what how people call the type in an error, e.g. {@code PagerDuty}
	 * @throws DeliveryException when it is not (or no longer) configured
	 */
	public static <T extends NotificationChannelSpec> T find(AlertingConfiguration alerting, Notification notification,
			Class<T> type, String what) {
		return alerting.channel(UUID.fromString(notification.recipient()))
			.filter(type::isInstance)
			.map(type::cast)
			.orElseThrow(() -> new DeliveryException(
					what + " channel " + notification.recipient() + " is not in the alerting configuration"));
	}

}
