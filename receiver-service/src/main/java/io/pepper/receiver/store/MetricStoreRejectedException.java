package io.pepper.receiver.store;

/**
 * The metric store refused the data itself, e.g. a field of the wrong type: writing it
 * again cannot succeed, so the queue moves it to the dead-letter stream instead of
 * retrying.
 */
public class MetricStoreRejectedException extends MetricStoreException {

	public MetricStoreRejectedException(String message, Throwable cause) {
		super(message, cause);
	}

}
