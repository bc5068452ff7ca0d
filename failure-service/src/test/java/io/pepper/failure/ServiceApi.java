package io.pepper.failure;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import io.pepper.contracts.v1.WireJson;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/** failure-service's HTTP API as probes, receiver-service and admin-app call it. */
public final class ServiceApi {

	private final HttpClient http = HttpClient.newHttpClient();

	private final String base;

	private final String probeToken;

	private final String serviceToken;

	public ServiceApi(int port, String probeToken, String serviceToken) {
		this.base = "http://localhost:" + port;
		this.probeToken = probeToken;
		this.serviceToken = serviceToken;
	}

	public HttpResponse<String> postFailures(Object batch) {
		return send("POST", "/v1/failures", Failures.json(batch), this.probeToken);
	}

	public HttpResponse<String> postAsService(String path, Object body) {
		return send("POST", path, (body instanceof String text) ? text : Failures.json(body), this.serviceToken);
	}

	public HttpResponse<String> getAsService(String path) {
		return send("GET", path, null, this.serviceToken);
	}

	public JsonNode json(HttpResponse<String> response) {
		return WireJson.mapper().readTree(response.body());
	}

	public HttpResponse<String> send(String method, String path, @Nullable String body, @Nullable String token) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(this.base + path))
			.method(method,
					(body != null) ? HttpRequest.BodyPublishers.ofString(body) : HttpRequest.BodyPublishers.noBody());
		if (body != null) {
			request.header("Content-Type", "application/json");
		}
		if (token != null) {
			request.header("Authorization", "Bearer " + token);
		}
		try {
			return this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

}
