package io.pepper.cli;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import io.pepper.contracts.v1.WireJson;
import tools.jackson.databind.JsonNode;

/** admin-app's people's API, with a bearer token. */
final class AdminApi {

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

	private final URI base;

	private final String token;

	AdminApi(URI base, String token) {
		this.base = URI.create(base.toString().replaceAll("/+$", "") + "/");
		this.token = token;
	}

	HttpResponse<String> get(String path) {
		return send(request(path).GET());
	}

	HttpResponse<String> postYaml(String path, String yaml) {
		return send(request(path).header("Content-Type", "application/yaml")
			.POST(HttpRequest.BodyPublishers.ofString(yaml)));
	}

	/** The body of a 2xx answer; otherwise what went wrong, as the API said it. */
	static String ok(HttpResponse<String> response) {
		if (response.statusCode() / 100 == 2) {
			return response.body();
		}
		throw new CliException(describe(response));
	}

	static JsonNode json(String body) {
		return WireJson.mapper().readTree(body);
	}

	private static String describe(HttpResponse<String> response) {
		StringBuilder text = new StringBuilder("admin-app answered " + response.statusCode());
		try {
			JsonNode problem = json(response.body());
			if (problem.hasNonNull("detail")) {
				text.append(": ").append(problem.get("detail").asString());
			}
			if (problem.has("errors")) {
				problem.get("errors")
					.forEach((error) -> text.append("\n  ")
						.append(error.path("field").asString())
						.append(": ")
						.append(error.path("message").asString()));
			}
		}
		catch (RuntimeException notJson) {
			text.append(response.body().isBlank() ? "" : ": " + response.body().strip());
		}
		return text.toString();
	}

	private HttpRequest.Builder request(String path) {
		return HttpRequest.newBuilder(this.base.resolve(path.replaceFirst("^/", "")))
			.timeout(Duration.ofMinutes(5))
			.header("Authorization", "Bearer " + this.token)
			.header("Accept", "application/json, application/yaml");
	}

	private HttpResponse<String> send(HttpRequest.Builder request) {
		try {
			return this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException ex) {
			throw new CliException("cannot reach admin-app at " + this.base + ": " + ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new CliException("interrupted");
		}
	}

}
