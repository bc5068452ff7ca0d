package io.pepper.failure.incident;

/**
 * A signal that needs a decision came before the alerting configuration was loaded; the
 * sender is to try again (503), so the signal is not lost.
 */
class AlertingNotLoadedException extends RuntimeException {

	AlertingNotLoadedException() {
		super("The alerting configuration is not loaded yet (admin-app has not answered since the start); "
				+ "try again shortly");
	}

}
