package io.pepper.failure.notify;

/** A channel could not deliver a notification; the outbox retries it later. */
public class DeliveryException extends RuntimeException {

	public DeliveryException(String message, Throwable cause) {
		super(message, cause);
	}

}
