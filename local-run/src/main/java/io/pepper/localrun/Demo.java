package io.pepper.localrun;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The demo organization's endpoints: the suite watching itself, and one that always
 * fails, made through admin-app's public API with the API token. Existing names are kept
 * (admin-app answers 409 for them). Once per state folder, 7 days of generated past
 * checks follow, through receiver-service's ingest API like a probe's, so the charts are
 * not empty.
 */
final class Demo {

	static final String FAILING = "Always failing (demo)";

	private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private Demo() {
	}

	static void endpoints(Settings settings, Tokens tokens) throws IOException, InterruptedException {
		String admin = "http://127.0.0.1:" + settings.adminPort();
		Map<String, String> endpoints = new java.util.LinkedHashMap<>();
		endpoints.put("admin-app health", admin + "/actuator/health");
		endpoints.put("receiver-service health", "http://127.0.0.1:" + settings.receiverPort() + "/actuator/health");
		endpoints.put("failure-service health", "http://127.0.0.1:" + settings.failurePort() + "/actuator/health");
		endpoints.put(FAILING, admin + "/actuator/no-such-page");
		for (Map.Entry<String, String> endpoint : endpoints.entrySet()) {
			String body = "{\"name\":\"" + endpoint.getKey() + "\",\"url\":\"" + endpoint.getValue()
					+ "\",\"locations\":[\"" + settings.location()
					+ "\"],\"apdexThresholdMs\":100,\"tags\":[\"demo\"]}";
			HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(admin + "/api/v1/endpoints"))
				.header("Authorization", "Bearer " + tokens.get("API_TOKEN"))
				.header("Content-Type", "application/json")
				.timeout(Duration.ofSeconds(30))
				.POST(HttpRequest.BodyPublishers.ofString(body))
				.build(), HttpResponse.BodyHandlers.ofString());
			if (response.statusCode() != 201 && response.statusCode() != 409) {
				LocalRun.log("demo endpoint " + endpoint.getKey() + " was not made: " + response.statusCode() + " "
						+ response.body());
			}
		}
	}

	static void history(Settings settings, Tokens tokens, Services services) throws IOException, InterruptedException {
		Path sent = settings.state().resolve("demo-history-sent");
		if (Files.exists(sent) || settings.demoDays() <= 0) {
			return;
		}
		LocalRun.log("sending " + settings.demoDays() + " days of demo history to receiver-service");
		int exit = services.run("demo-history",
				Map.of("PEPPER_DEMO_ADMIN_URL", "http://127.0.0.1:" + settings.adminPort(), "PEPPER_DEMO_PROBE_TOKEN",
						tokens.get("PROBE_TOKEN"), "PEPPER_DEMO_RECEIVER_URL",
						"http://127.0.0.1:" + settings.receiverPort(), "PEPPER_DEMO_RECEIVER_TOKEN",
						tokens.get("RECEIVER_TOKEN"), "PEPPER_DEMO_QUERY_TOKEN", tokens.get("QUERY_TOKEN"),
						"PEPPER_DEMO_LOCATION", settings.location(), "PEPPER_DEMO_DAYS",
						Integer.toString(settings.demoDays()), "PEPPER_DEMO_FAILING", FAILING));
		Path log = services.log("demo-history");
		if (exit == 0) {
			Files.createFile(sent);
			List<String> lines = Files.readAllLines(log);
			if (!lines.isEmpty()) {
				LocalRun.log(lines.getLast());
			}
		}
		else {
			LocalRun.log("demo history was not sent; see " + log + " (the next run tries again)");
		}
	}

}
