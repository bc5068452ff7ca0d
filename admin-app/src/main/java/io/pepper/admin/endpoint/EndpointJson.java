package io.pepper.admin.endpoint;

import java.util.List;
import java.util.Map;

import io.pepper.contracts.v1.BodyAssertion;
import io.pepper.contracts.v1.CheckSettings;
import io.pepper.contracts.v1.StatusRange;
import io.pepper.contracts.v1.WireJson;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.ObjectWriter;

/**
 * How an endpoint's structured settings are stored in its jsonb columns: exactly as on
 * the wire, so the stored text is what a probe reads.
 */
public final class EndpointJson {

	private static final TypeReference<Map<String, String>> HEADERS = new TypeReference<>() {
	};

	private static final TypeReference<List<StatusRange>> STATUS_RANGES = new TypeReference<>() {
	};

	private static final TypeReference<List<BodyAssertion>> ASSERTIONS = new TypeReference<>() {
	};

	private static final ObjectWriter HEADERS_WRITER = WireJson.mapper().writerFor(HEADERS);

	private static final ObjectReader HEADERS_READER = WireJson.mapper().readerFor(HEADERS);

	private static final ObjectWriter STATUS_WRITER = WireJson.mapper().writerFor(STATUS_RANGES);

	private static final ObjectReader STATUS_READER = WireJson.mapper().readerFor(STATUS_RANGES);

	private static final ObjectWriter ASSERTIONS_WRITER = WireJson.mapper().writerFor(ASSERTIONS);

	private static final ObjectReader ASSERTIONS_READER = WireJson.mapper().readerFor(ASSERTIONS);

	private static final ObjectWriter SETTINGS_WRITER = WireJson.mapper().writerFor(CheckSettings.class);

	private static final ObjectReader SETTINGS_READER = WireJson.mapper().readerFor(CheckSettings.class);

	private EndpointJson() {
	}

	public static String writeHeaders(Map<String, String> headers) {
		return headers.isEmpty() ? "{}" : HEADERS_WRITER.writeValueAsString(headers);
	}

	public static Map<String, String> readHeaders(String json) {
		return json.equals("{}") ? Map.of() : Map.copyOf(HEADERS_READER.<Map<String, String>>readValue(json));
	}

	public static String writeStatusRanges(List<StatusRange> ranges) {
		return ranges.isEmpty() ? "[]" : STATUS_WRITER.writeValueAsString(ranges);
	}

	public static List<StatusRange> readStatusRanges(String json) {
		return json.equals("[]") ? List.of() : List.copyOf(STATUS_READER.<List<StatusRange>>readValue(json));
	}

	/** The settings of a kind other than HTTP, with their type; null for HTTP. */
	public static @Nullable String writeSettings(@Nullable CheckSettings settings) {
		return (settings == null) ? null : SETTINGS_WRITER.writeValueAsString(settings);
	}

	public static @Nullable CheckSettings readSettings(@Nullable String json) {
		return (json == null) ? null : SETTINGS_READER.readValue(json);
	}

	public static String writeAssertions(List<BodyAssertion> assertions) {
		return assertions.isEmpty() ? "[]" : ASSERTIONS_WRITER.writeValueAsString(assertions);
	}

	public static List<BodyAssertion> readAssertions(String json) {
		return json.equals("[]") ? List.of() : List.copyOf(ASSERTIONS_READER.<List<BodyAssertion>>readValue(json));
	}

}
