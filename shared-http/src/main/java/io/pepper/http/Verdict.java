package io.pepper.http;

/**
 * What an answer of one of our services means for the item that was sent: the one rule
 * every delivery follows.
 * <ul>
 * <li>2xx: {@link #DELIVERED}.</li>
 * <li>No answer (refused connection, timeout, reset), 408, 429 and 5xx: the service is
 * away, busy or broken for now, so the same item is sent again after a backoff
 * ({@link #RETRY}).</li>
 * <li>Any other answer (400, 401, 403, 404, 409, 413, 422, a redirect, ...): the service
 * understood and refused, and sending the same again cannot change that. The item is
 * {@link #SET_ASIDE} with the answer as its reason: counted, logged and kept wherever the
 * mechanism can keep it, never retried blindly.</li>
 * </ul>
 */
public enum Verdict {

	/** The service accepted the item. */
	DELIVERED,

	/** The service could not take it now; send the same again after a backoff. */
	RETRY,

	/** The service refused it; sending it again cannot help. */
	SET_ASIDE;

	/** The verdict on an HTTP status; 0 stands for no answer at all. */
	public static Verdict of(int status) {
		if (status >= 200 && status < 300) {
			return DELIVERED;
		}
		if (status == 0 || status == 408 || status == 429 || status >= 500) {
			return RETRY;
		}
		return SET_ASIDE;
	}

}
