package io.pepper.failure.alerting;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;

import io.pepper.contracts.v1.AlertingSnapshot;
import io.pepper.contracts.v1.NotificationChannelSpec;
import io.pepper.contracts.v1.WireJson;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;

/**
 * Polls admin-app's {@code GET /api/service/v1/alerting} with its ETag and answers from
 * the last snapshot it got; while admin-app is away that snapshot stays in use, and until
 * the first one arrives every endpoint gets the defaults.
 */
class AdminAlertingClient implements AlertingConfiguration {

	private static final Logger logger = LoggerFactory.getLogger(AdminAlertingClient.class);

	private final HttpClient http;

	private final URI uri;

	private final String token;

	private final Duration timeout;

	private volatile SnapshotAlerting current;

	private volatile @Nullable String etag;

	AdminAlertingClient(URI adminUrl, String token, Duration timeout) {
		this.http = HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NEVER).build();
		this.uri = adminUrl.resolve(AlertingSnapshot.PATH);
		this.token = token;
		this.timeout = timeout;
		this.current = SnapshotAlerting.notLoaded();
	}

	@Override
	public EndpointRules rulesFor(UUID endpointId) {
		return this.current.rulesFor(endpointId);
	}

	@Override
	public Optional<NotificationChannelSpec> channel(UUID channelId) {
		return this.current.channel(channelId);
	}

	/** The snapshot in use, or null before the first one arrived. */
	@Nullable AlertingSnapshot snapshot() {
		return this.current.snapshot();
	}

	/** Fetches the snapshot unless it is unchanged; never throws. */
	Refresh refresh() {
		HttpRequest.Builder request = HttpRequest.newBuilder(this.uri)
			.timeout(this.timeout)
			.header("Authorization", "Bearer " + this.token)
			.header("Accept", "application/json")
			.GET();
		String known = this.etag;
		if (known != null) {
			request.header("If-None-Match", known);
		}
		try {
			HttpResponse<byte[]> response = this.http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
			if (response.statusCode() == 304) {
				return Refresh.NOT_MODIFIED;
			}
			if (response.statusCode() != 200) {
				return failed("admin-app answered " + response.statusCode());
			}
			AlertingSnapshot snapshot = WireJson.mapper().readValue(response.body(), AlertingSnapshot.class);
			this.current = new SnapshotAlerting(snapshot);
			this.etag = response.headers().firstValue("ETag").orElse(null);
			logger.info("Alerting configuration of {} loaded: {} endpoints, {} channels, {} maintenance windows",
					snapshot.generatedAt(), snapshot.endpoints().size(), snapshot.channels().size(),
					snapshot.maintenanceWindows().size());
			return Refresh.UPDATED;
		}
		catch (IOException | JacksonException | IllegalArgumentException ex) {
			return failed(ex.toString());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return failed("interrupted");
		}
	}

	private Refresh failed(String why) {
		AlertingSnapshot kept = this.current.snapshot();
		logger.warn("Cannot load the alerting configuration from {} ({}); keeping {}", this.uri, why,
				(kept != null) ? "the one of " + kept.generatedAt() : "the defaults");
		return Refresh.FAILED;
	}

	/** What a refresh did. */
	enum Refresh {

		UPDATED, NOT_MODIFIED, FAILED

	}

}
