package io.pepper.systemtests;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;

import io.pepper.contracts.v1.HistorySeries;
import io.pepper.contracts.v1.WireJson;
import io.pepper.testsupport.ServiceProcess;

import static org.assertj.core.api.Assertions.assertThat;

/** receiver-service's history API, read as admin-app reads it, with a query token. */
final class History {

	private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private History() {
	}

	/**
	 * One endpoint's series from {@code from} to {@code to} in steps of {@code step},
	 * from the data of {@code resolution} ({@code auto}, {@code raw}, {@code hourly},
	 * {@code daily}).
	 */
	static HistorySeries series(ServiceProcess receiver, String token, String endpointId, Instant from, Instant to,
			Duration step, String resolution) throws IOException, InterruptedException {
		String query = "/v1/history/" + endpointId + "?from=" + from + "&to=" + to + "&step=" + step.toSeconds()
				+ "&resolution=" + resolution;
		HttpRequest request = HttpRequest.newBuilder(URI.create(receiver.url() + query))
			.header("Authorization", "Bearer " + token)
			.timeout(Duration.ofSeconds(30))
			.build();
		HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).as(query + ": " + response.body()).isEqualTo(200);
		return WireJson.mapper().readValue(response.body(), HistorySeries.class);
	}

}
