package io.pepper.receiver.store;

/** The metric store did not confirm an operation; the caller may retry it later. */
public class MetricStoreException extends RuntimeException {

	public MetricStoreException(String message, Throwable cause) {
		super(message, cause);
	}

}
