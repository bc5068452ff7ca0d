package io.pepper.failure.notify;

/**
 * A channel could not deliver a notification; the outbox retries it later, unless the
 * failure is permanent (no retry can succeed, e.g. a refused target or a receiver that
 * refused the notification).
 */
public class DeliveryException extends RuntimeException {

	private final boolean permanent;

	private final int status;

	public DeliveryException(String message, Throwable cause) {
		super(message, cause);
		this.permanent = false;
		this.status = 0;
	}

	public DeliveryException(String message) {
		this(message, false, 0);
	}

	private DeliveryException(String message, boolean permanent, int status) {
		super(message);
		this.permanent = permanent;
		this.status = status;
	}

	/** A failure no retry can mend; the notification fails at once. */
	public static DeliveryException permanent(String message) {
		return new DeliveryException(message, true, 0);
	}

	/** The receiver answered {@code status}, which no retry can change. */
	public static DeliveryException refused(int status, String message) {
		return new DeliveryException(message, true, status);
	}

	/** The receiver answered {@code status}, which may be different later. */
	public static DeliveryException answered(int status, String message) {
		return new DeliveryException(message, false, status);
	}

	public boolean isPermanent() {
		return this.permanent;
	}

	/** The receiver's HTTP answer, or 0 when there was none. */
	public int status() {
		return this.status;
	}

}
