package io.pepper.probe.round;

import io.pepper.contracts.v1.ProbeEndpointList;
import io.pepper.http.SnapshotPoller;
import org.jspecify.annotations.Nullable;

/**
 * Fetches the endpoint list of this probe's location from admin-app, keeping the last
 * list and its ETag so an unchanged list costs a 304.
 */
public final class EndpointListClient {

	private final SnapshotPoller<ProbeEndpointList> lists;

	public EndpointListClient(String adminUrl, String location, String token) {
		this.lists = new SnapshotPoller<>(new Delivery.Target(adminUrl, token).client("admin-app"),
				"the endpoint list of " + location, ProbeEndpointList.class,
				ProbeEndpointList.PATH + "?location={location}", location);
	}

	/** The list to check now; synchronized because overlapping rounds share the cache. */
	public synchronized Fetched fetch() {
		SnapshotPoller.Refresh refresh = this.lists.refresh();
		ProbeEndpointList list = this.lists.current();
		return switch (refresh) {
			case UPDATED -> new Fetched(list, ListStatus.FRESH, "fetched");
			case NOT_MODIFIED -> new Fetched(list, ListStatus.NOT_MODIFIED, "not modified");
			case FAILED -> (list != null) ? new Fetched(list, ListStatus.STALE, this.lists.detail())
					: new Fetched(null, ListStatus.UNAVAILABLE, this.lists.detail());
		};
	}

	/**
	 * @param list the endpoints to check, or null when none is known
	 * @param status where it came from
	 * @param detail what happened, for logs
	 */
	public record Fetched(@Nullable ProbeEndpointList list, ListStatus status, String detail) {
	}

}
