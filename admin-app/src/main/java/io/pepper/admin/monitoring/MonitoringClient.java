package io.pepper.admin.monitoring;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

import io.pepper.admin.AdminProperties;
import io.pepper.contracts.v1.EndpointSummary;
import io.pepper.contracts.v1.HistorySeries;
import io.pepper.contracts.v1.IncidentDetail;
import io.pepper.contracts.v1.IncidentView;
import io.pepper.contracts.v1.LocationHistory;
import io.pepper.contracts.v1.RecentChecks;
import io.pepper.http.ServiceCallException;
import io.pepper.http.ServiceClient;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.type.TypeReference;

import org.springframework.stereotype.Component;

/**
 * The one client admin-app has of receiver-service (history, summaries) and
 * failure-service (incidents), on the shared {@link ServiceClient}: service tokens from
 * the settings, never from a browser, and the configured timeouts on every call. Any
 * failure but a 404 becomes a {@link MonitoringUnavailableException} naming the service,
 * so a page can show what it has and say what is missing.
 */
@Component
public class MonitoringClient {

	public static final String RECEIVER = "receiver-service";

	public static final String FAILURE = "failure-service";

	private static final Logger log = LoggerFactory.getLogger(MonitoringClient.class);

	private static final TypeReference<List<EndpointSummary>> SUMMARIES = new TypeReference<>() {
	};

	private static final TypeReference<List<IncidentView>> INCIDENTS = new TypeReference<>() {
	};

	private final @Nullable ServiceClient receiver;

	private final @Nullable ServiceClient failure;

	MonitoringClient(AdminProperties properties) {
		AdminProperties.Monitoring settings = properties.monitoring();
		this.receiver = client(RECEIVER, settings.receiverUrl(), settings.receiverToken(), settings);
		this.failure = client(FAILURE, settings.failureUrl(), settings.failureToken(), settings);
	}

	private static @Nullable ServiceClient client(String service, @Nullable URI url, @Nullable String token,
			AdminProperties.Monitoring settings) {
		return (url == null) ? null
				: ServiceClient.builder(service, url)
					.token(token)
					.connectTimeout(settings.connectTimeout())
					.readTimeout(settings.readTimeout())
					.build();
	}

	/** The summaries of {@code endpoints}, in their order; one call per 500. */
	public List<EndpointSummary> summaries(List<UUID> endpoints) {
		if (endpoints.isEmpty()) {
			return List.of();
		}
		ServiceClient history = require(RECEIVER, this.receiver);
		List<EndpointSummary> summaries = new ArrayList<>(endpoints.size());
		for (int start = 0; start < endpoints.size(); start += EndpointSummary.Request.MAX_ENDPOINTS) {
			List<UUID> page = endpoints.subList(start,
					Math.min(endpoints.size(), start + EndpointSummary.Request.MAX_ENDPOINTS));
			summaries.addAll(call(RECEIVER, "summaries",
					() -> history.post(EndpointSummary.PATH, new EndpointSummary.Request(page), SUMMARIES)));
		}
		return summaries;
	}

	/**
	 * One endpoint's series over {@code [from, to)} in steps of {@code step}, all
	 * locations pooled or one location; receiver-service picks the resolution.
	 */
	public HistorySeries series(UUID endpoint, Instant from, Instant to, Duration step, @Nullable String location) {
		ServiceClient history = require(RECEIVER, this.receiver);
		String path = HistorySeries.PATH + "?from={from}&to={to}&step={step}"
				+ ((location != null) ? "&location={location}" : "");
		Object[] variables = (location != null)
				? new Object[] { endpoint, from.toString(), to.toString(), step.toSeconds(), location }
				: new Object[] { endpoint, from.toString(), to.toString(), step.toSeconds() };
		return call(RECEIVER, "history", () -> history.get(path, HistorySeries.class, variables));
	}

	/**
	 * One endpoint's series over {@code [from, to)} in steps of {@code step}, all
	 * locations pooled and per location, in one call.
	 */
	public LocationHistory locationHistory(UUID endpoint, Instant from, Instant to, Duration step) {
		ServiceClient history = require(RECEIVER, this.receiver);
		return call(RECEIVER, "history", () -> history.get(LocationHistory.PATH + "?from={from}&to={to}&step={step}",
				LocationHistory.class, endpoint, from.toString(), to.toString(), step.toSeconds()));
	}

	/** The endpoint's latest checks, newest first. */
	public RecentChecks recentChecks(UUID endpoint, int limit) {
		ServiceClient history = require(RECEIVER, this.receiver);
		return call(RECEIVER, "recent checks",
				() -> history.get(RecentChecks.PATH + "?limit={limit}", RecentChecks.class, endpoint, limit));
	}

	/** The organization's incidents, newest first. */
	public List<IncidentView> incidents(UUID organizationId, IncidentView.@Nullable State state, int limit) {
		ServiceClient incidents = require(FAILURE, this.failure);
		String path = IncidentView.PATH + "?organizationId={organization}&limit={limit}"
				+ ((state != null) ? "&state={state}" : "");
		Object[] variables = (state != null) ? new Object[] { organizationId, limit, state.name() }
				: new Object[] { organizationId, limit };
		return call(FAILURE, "incidents", () -> incidents.get(path, INCIDENTS, variables));
	}

	/** One incident of the organization with its timeline; empty for another's. */
	public Optional<IncidentDetail> incident(UUID organizationId, UUID id) {
		ServiceClient incidents = require(FAILURE, this.failure);
		return optional(FAILURE, "an incident", () -> incidents.get(IncidentView.PATH + "/{id}?organizationId={org}",
				IncidentDetail.class, id, organizationId));
	}

	/** Acknowledges an incident of the organization; empty for another's. */
	public Optional<IncidentView> acknowledge(UUID organizationId, UUID id, String by) {
		ServiceClient incidents = require(FAILURE, this.failure);
		return optional(FAILURE, "the acknowledgement",
				() -> incidents.post(IncidentView.PATH + "/{id}/acknowledge?organizationId={org}", Map.of("by", by),
						IncidentView.class, id, organizationId));
	}

	private static ServiceClient require(String service, @Nullable ServiceClient client) {
		if (client == null) {
			throw new MonitoringUnavailableException(service, service + " is not configured");
		}
		return client;
	}

	private static <T> Optional<T> optional(String service, String what, Supplier<T> call) {
		try {
			return Optional.of(call(service, what, call));
		}
		catch (MonitoringUnavailableException ex) {
			if (ex.getCause() instanceof ServiceCallException refused && refused.status() == 404) {
				return Optional.empty();
			}
			throw ex;
		}
	}

	private static <T> T call(String service, String what, Supplier<T> call) {
		try {
			return call.get();
		}
		catch (ServiceCallException ex) {
			if (ex.status() != 404) {
				log.warn("Could not read {} from {}: {}", what, service, ex.getMessage());
			}
			throw new MonitoringUnavailableException(service,
					service + ((ex.status() == 0) ? " did not answer" : " answered " + ex.status()), ex);
		}
	}

}
