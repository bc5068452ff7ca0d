package io.pepper.probe.check.http;

import java.util.List;

import io.pepper.contracts.v1.BodyAssertion;
import io.pepper.contracts.v1.BodyAssertion.JsonPathEquals;
import io.pepper.contracts.v1.BodyAssertion.KeywordAbsent;
import io.pepper.contracts.v1.BodyAssertion.KeywordPresent;
import io.pepper.contracts.v1.WireJson;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * Evaluates the body assertions of an endpoint. JSON paths are the simple dotted kind:
 * {@code $.status}, {@code $.a.b}, {@code $.items[0].name}.
 */
final class BodyAssertions {

	private BodyAssertions() {
	}

	/** Why the first failing assertion fails, or null when all hold. */
	static @Nullable String firstFailure(List<BodyAssertion> assertions, String body) {
		JsonNode json = null;
		for (BodyAssertion assertion : assertions) {
			String failure = switch (assertion) {
				case KeywordPresent present ->
					body.contains(present.keyword()) ? null : "body does not contain \"" + present.keyword() + "\"";
				case KeywordAbsent absent ->
					body.contains(absent.keyword()) ? "body contains \"" + absent.keyword() + "\"" : null;
				case JsonPathEquals equals -> {
					if (json == null) {
						try {
							json = WireJson.mapper().readTree(body);
						}
						catch (JacksonException ex) {
							yield "body is not JSON, so " + equals.path() + " cannot be read";
						}
					}
					yield jsonPathFailure(json, equals);
				}
			};
			if (failure != null) {
				return failure;
			}
		}
		return null;
	}

	private static @Nullable String jsonPathFailure(JsonNode root, JsonPathEquals assertion) {
		String path = assertion.path().trim();
		if (!path.equals("$") && !path.startsWith("$.") && !path.startsWith("$[")) {
			return "unsupported JSON path " + path + " (use $.a.b or $.items[0])";
		}
		JsonNode node = root;
		for (String segment : path.substring(1).replace("[", ".[").split("\\.")) {
			if (segment.isEmpty()) {
				continue;
			}
			if (segment.startsWith("[") && segment.endsWith("]")
					&& segment.substring(1, segment.length() - 1).matches("\\d+")) {
				node = node.path(Integer.parseInt(segment.substring(1, segment.length() - 1)));
			}
			else {
				node = node.path(segment);
			}
			if (node.isMissingNode()) {
				return assertion.path() + " is missing, expected \"" + assertion.expected() + "\"";
			}
		}
		String actual = node.isValueNode() ? (node.isNull() ? "null" : node.asString()) : node.toString();
		return actual.equals(assertion.expected()) ? null
				: assertion.path() + " is \"" + actual + "\", expected \"" + assertion.expected() + "\"";
	}

}
