package io.pepper.http;

/**
 * How a service answered an item sent to it, with the {@link Verdict} that follows.
 *
 * @param status the HTTP status, or 0 when the service did not answer
 * @param verdict what the answer means for the item
 * @param reason what happened, for logs and for the set-aside item: the status and the
 * problem's detail (or the start of the body), or why there was no answer
 */
public record Answer(int status, Verdict verdict, String reason) {

	public boolean delivered() {
		return this.verdict == Verdict.DELIVERED;
	}

	public boolean retry() {
		return this.verdict == Verdict.RETRY;
	}

	public boolean setAside() {
		return this.verdict == Verdict.SET_ASIDE;
	}

}
