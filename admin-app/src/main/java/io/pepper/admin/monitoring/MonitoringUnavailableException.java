package io.pepper.admin.monitoring;

/**
 * receiver-service or failure-service could not answer (not configured, down, too slow,
 * or refusing): the page renders without that part and says so.
 */
public class MonitoringUnavailableException extends RuntimeException {

	private final String service;

	MonitoringUnavailableException(String service, String message, Throwable cause) {
		super(message, cause);
		this.service = service;
	}

	MonitoringUnavailableException(String service, String message) {
		super(message);
		this.service = service;
	}

	/** receiver-service or failure-service. */
	public String service() {
		return this.service;
	}

}
