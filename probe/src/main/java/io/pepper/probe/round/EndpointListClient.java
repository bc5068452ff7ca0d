package io.pepper.probe.round;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import io.pepper.contracts.v1.CheckUrls;
import io.pepper.contracts.v1.EndpointSpec;
import io.pepper.contracts.v1.OutcomeKind;
import io.pepper.contracts.v1.ProbeEndpointList;
import io.pepper.contracts.v1.WireJson;
import io.pepper.http.SnapshotPoller;
import io.pepper.http.server.FieldProblem;
import io.pepper.http.server.JsonProblems;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * Fetches the endpoint list of this probe's location from admin-app, keeping the last
 * list and its ETag so an unchanged list costs a 304. Entries are read one by one: an
 * entry the probe cannot check (it does not parse, or its URL breaks {@link CheckUrls})
 * is set apart as an {@link InvalidEndpoint}, and every other entry is checked.
 */
public final class EndpointListClient {

	private static final Logger log = LoggerFactory.getLogger(EndpointListClient.class);

	private final SnapshotPoller<ListAsSent> lists;

	private @Nullable ListAsSent readFrom;

	private @Nullable Read read;

	public EndpointListClient(String adminUrl, String location, String token) {
		this.lists = new SnapshotPoller<>(new Delivery.Target(adminUrl, token).client("admin-app"),
				"the endpoint list of " + location, ListAsSent.class, ProbeEndpointList.PATH + "?location={location}",
				location);
	}

	/** The list to check now; synchronized because overlapping rounds share the cache. */
	public synchronized Fetched fetch() {
		SnapshotPoller.Refresh refresh = this.lists.refresh();
		Read current = current();
		ProbeEndpointList list = (current != null) ? current.list() : null;
		List<InvalidEndpoint> invalid = (current != null) ? current.invalid() : List.of();
		return switch (refresh) {
			case UPDATED -> new Fetched(list, invalid, ListStatus.FRESH, "fetched");
			case NOT_MODIFIED -> new Fetched(list, invalid, ListStatus.NOT_MODIFIED, "not modified");
			case FAILED -> (list != null) ? new Fetched(list, invalid, ListStatus.STALE, this.lists.detail())
					: new Fetched(null, List.of(), ListStatus.UNAVAILABLE, this.lists.detail());
		};
	}

	/** The current list read entry by entry, once per list fetched. */
	private @Nullable Read current() {
		ListAsSent sent = this.lists.current();
		if (sent != this.readFrom) {
			this.readFrom = sent;
			this.read = (sent != null) ? read(sent) : null;
		}
		return this.read;
	}

	/** Reads each entry on its own, so a bad one spoils only itself. */
	static Read read(ListAsSent sent) {
		List<EndpointSpec> valid = new ArrayList<>();
		List<InvalidEndpoint> invalid = new ArrayList<>();
		for (int i = 0; i < sent.endpoints().size(); i++) {
			JsonNode entry = sent.endpoints().get(i);
			String problem;
			try {
				EndpointSpec spec = WireJson.mapper().treeToValue(entry, EndpointSpec.class);
				Optional<String> url = CheckUrls.problem(spec.kind(), spec.url());
				if (url.isEmpty()) {
					valid.add(spec);
					continue;
				}
				problem = "url " + url.get();
			}
			catch (JacksonException ex) {
				FieldProblem field = JsonProblems.describe(ex);
				problem = field.field().isEmpty() ? field.message() : field.toString();
			}
			Optional<InvalidEndpoint> known = InvalidEndpoint.of(entry, problem);
			if (known.isPresent()) {
				invalid.add(known.get());
			}
			else {
				log.warn("Endpoint {} of the list for {} names no endpoint and organization, so nobody can be told "
						+ "it cannot be checked: {}", i, sent.location(), problem);
			}
		}
		if (!invalid.isEmpty()) {
			log.warn("{} endpoints of the list for {} cannot be checked and are reported as {}: {}", invalid.size(),
					sent.location(), OutcomeKind.INVALID_SPEC,
					invalid.stream().map((endpoint) -> endpoint.id() + " (" + endpoint.reason() + ")").toList());
		}
		return new Read(new ProbeEndpointList(sent.location(), sent.generatedAt(), valid), List.copyOf(invalid));
	}

	/**
	 * @param list the endpoints to check, or null when none is known
	 * @param invalid the entries that cannot be checked, reported as failed checks
	 * @param status where it came from
	 * @param detail what happened, for logs
	 */
	public record Fetched(@Nullable ProbeEndpointList list, List<InvalidEndpoint> invalid, ListStatus status,
			String detail) {
	}

	/** The list as admin-app sent it, its entries not yet read. */
	record ListAsSent(String location, Instant generatedAt, List<JsonNode> endpoints) {

		ListAsSent {
			if (location == null || generatedAt == null) {
				throw new IllegalArgumentException("an endpoint list needs its location and generatedAt");
			}
			endpoints = (endpoints != null) ? List.copyOf(endpoints) : List.of();
		}

	}

	record Read(ProbeEndpointList list, List<InvalidEndpoint> invalid) {
	}

}
