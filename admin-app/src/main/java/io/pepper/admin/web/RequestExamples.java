package io.pepper.admin.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * The request body examples of the OpenAPI description, by operationId; each is a body
 * the API accepts as it is (apart from the location names, which are an installation's
 * own).
 */
final class RequestExamples {

	private static final Map<String, Object> ENDPOINT = object("name", "Shop front page", "url",
			"https://shop.example.com/", "method", "GET", "locations", List.of("eu-west"), "intervalSeconds", 60,
			"expectedStatus", List.of(object("from", 200, "to", 299)), "assertions",
			List.of(object("type", "keyword-present", "keyword", "Add to cart")), "tags", List.of("shop"));

	private static final Map<String, Object> CHANNEL = object("type", "email", "name", "On-call team", "addresses",
			List.of("oncall@example.com"));

	private static final Map<String, Object> POLICY = object("name", "Shop", "tag", "shop", "failuresToOpen", 2,
			"locationsToConfirm", 1, "successesToResolve", 1);

	private static final Map<String, Object> WINDOW = object("name", "Weekly deploy", "schedule", object("type",
			"weekly", "days", List.of("TUESDAY"), "start", "22:00", "durationMinutes", 30, "zone", "Europe/Berlin"),
			"tags", List.of("shop"));

	private static final String CONFIG = """
			endpoints:
			  - name: Shop front page
			    url: https://shop.example.com/
			    locations: [eu-west]
			    tags: [shop]
			channels:
			  - type: email
			    name: On-call team
			    addresses: [oncall@example.com]
			""";

	private static final Map<String, Object> EXAMPLES = Map.of("createEndpoint", ENDPOINT, "updateEndpoint", ENDPOINT,
			"createChannel", CHANNEL, "updateChannel", CHANNEL, "createPolicy", POLICY, "updatePolicy", POLICY,
			"createMaintenanceWindow", WINDOW, "updateMaintenanceWindow", WINDOW, "createApiToken",
			object("name", "CI pipeline"), "createProbeToken", object("name", "Probe in eu-west"));

	private RequestExamples() {
	}

	/** The example body of an operation, or null when it has none. */
	static @Nullable Object of(String operationId) {
		return switch (operationId) {
			case "createLocation" -> object("name", "eu-central");
			case "importConfig" -> CONFIG;
			default -> EXAMPLES.get(operationId);
		};
	}

	/** A JSON object with its keys in the order given. */
	private static Map<String, Object> object(Object... keysAndValues) {
		Map<String, Object> object = new LinkedHashMap<>();
		for (int i = 0; i < keysAndValues.length; i += 2) {
			object.put((String) keysAndValues[i], keysAndValues[i + 1]);
		}
		return object;
	}

}
