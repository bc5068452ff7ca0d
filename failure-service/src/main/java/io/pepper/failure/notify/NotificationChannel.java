package io.pepper.failure.notify;

/**
 * A way of telling people, e.g. email. Each implementation lives in its own package and
 * is a bean; the dispatcher picks one by {@link #name()}, the {@code channel} of an
 * outbox row.
 */
public interface NotificationChannel {

	/** The channel's name as stored in the outbox, e.g. {@code email}. */
	String name();

	/**
	 * Delivers one notification, or throws (e.g. {@link DeliveryException}) to have it
	 * retried later.
	 */
	void send(Notification notification);

}
