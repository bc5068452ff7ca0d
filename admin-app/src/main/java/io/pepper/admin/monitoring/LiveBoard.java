package io.pepper.admin.monitoring;

import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import io.pepper.contracts.v1.EndpointSummary;
import io.pepper.contracts.v1.IncidentView;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Component;

/**
 * The live figures of a page of endpoints: one summaries call to receiver-service and one
 * call for the organization's open incidents to failure-service, never one per row.
 * Either service may be down: the page gets what the other gave and a notice.
 */
@Component
public class LiveBoard {

	/** More open incidents than this in one organization are not shown on a page. */
	static final int OPEN_INCIDENTS = 1000;

	private final MonitoringClient client;

	private final Clock clock = Clock.systemUTC();

	LiveBoard(MonitoringClient client) {
		this.client = client;
	}

	/**
	 * The figures of {@code endpoints} (id and whether probes check it), in their order.
	 */
	public Board of(UUID organizationId, Map<UUID, Boolean> endpoints) {
		Instant now = this.clock.instant();
		List<UUID> ids = List.copyOf(endpoints.keySet());
		// Both services are asked at once: the page waits for the slower, not for the
		// sum.
		Future<List<EndpointSummary>> asked;
		Future<List<IncidentView>> openAsked;
		try (ExecutorService calls = Executors.newVirtualThreadPerTaskExecutor()) {
			asked = calls.submit(() -> this.client.summaries(ids));
			openAsked = calls
				.submit(() -> this.client.incidents(organizationId, IncidentView.State.OPEN, OPEN_INCIDENTS));
		}
		Map<UUID, EndpointSummary> summaries = new HashMap<>();
		String historyNotice = null;
		try {
			for (EndpointSummary summary : result(asked)) {
				summaries.put(summary.endpointId(), summary);
			}
		}
		catch (MonitoringUnavailableException ex) {
			historyNotice = "History unavailable: " + ex.getMessage()
					+ ". Status and figures will return when it does.";
		}
		List<IncidentView> open = List.of();
		String incidentNotice = null;
		try {
			open = result(openAsked);
		}
		catch (MonitoringUnavailableException ex) {
			incidentNotice = "Incidents unavailable: " + ex.getMessage() + ".";
		}
		Map<UUID, IncidentView> openByEndpoint = new HashMap<>();
		// A down incident outweighs a degraded one of the same endpoint.
		open.stream()
			.sorted(Comparator.comparing((IncidentView incident) -> incident.kind() == IncidentView.Kind.DOWN))
			.forEach((incident) -> openByEndpoint.put(incident.endpointId(), incident));
		Map<UUID, EndpointHealth> health = new LinkedHashMap<>();
		for (UUID id : ids) {
			EndpointSummary summary = (historyNotice == null) ? summaries.get(id) : null;
			health.put(id, EndpointHealth.of(id, Boolean.TRUE.equals(endpoints.get(id)), summary,
					openByEndpoint.get(id), now));
		}
		return new Board(health, open, now, historyNotice, incidentNotice);
	}

	private static <T> T result(Future<T> call) {
		try {
			return call.get();
		}
		catch (ExecutionException ex) {
			if (ex.getCause() instanceof RuntimeException failure) {
				throw failure;
			}
			throw new IllegalStateException(ex.getCause());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("interrupted while reading live figures", ex);
		}
	}

	/**
	 * A page's live figures.
	 *
	 * @param health per endpoint, in the order asked
	 * @param openIncidents the organization's open incidents
	 * @param at when they were read
	 * @param historyNotice why history is missing, or null
	 * @param incidentNotice why incidents are missing, or null
	 */
	public record Board(Map<UUID, EndpointHealth> health, List<IncidentView> openIncidents, Instant at,
			@Nullable String historyNotice, @Nullable String incidentNotice) {

		public @Nullable EndpointHealth get(UUID endpoint) {
			return this.health.get(endpoint);
		}

	}

}
