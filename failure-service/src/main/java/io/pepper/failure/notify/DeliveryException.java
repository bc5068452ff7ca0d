package io.pepper.failure.notify;

/**
 * A channel could not deliver a notification; the outbox retries it later, unless the
 * failure is permanent (no retry can succeed, e.g. a refused target).
 */
public class DeliveryException extends RuntimeException {

	private final boolean permanent;

	public DeliveryException(String message, Throwable cause) {
		super(message, cause);
		this.permanent = false;
	}

	public DeliveryException(String message) {
		super(message);
		this.permanent = false;
	}

	private DeliveryException(String message, boolean permanent) {
		super(message);
		this.permanent = permanent;
	}

	/** A failure no retry can mend; the notification fails at once. */
	public static DeliveryException permanent(String message) {
		return new DeliveryException(message, true);
	}

	public boolean isPermanent() {
		return this.permanent;
	}

}
