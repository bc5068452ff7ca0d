package io.pepper.http.server;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class StrictJsonTest {

	enum Method {

		GET, POST, DELETE

	}

	record Item(String label, double totalMs) {
	}

	record Request(String name, Method method, int timeoutMs, boolean followRedirects, Double ratio,
			Map<String, String> headers, List<String> tags, List<Item> items) {
	}

	/**
	 * Missing primitives are allowed here, so each case fails for its own reason only.
	 */
	static final JsonMapper STRICT = StrictJson
		.configure(JsonMapper.builder()
			.disable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
			.enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES))
		.build();

	static final JsonMapper TOLERANT_WIRE = StrictJson
		.configure(JsonMapper.builder()
			.disable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
			.disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES))
		.build();

	static Stream<Arguments> refused() {
		return Stream.of(Arguments.of("enum from a number", "{\"method\": 5}", "method"),
				Arguments.of("int from a string", "{\"timeoutMs\": \"100\"}", "timeoutMs"),
				Arguments.of("int from a fraction", "{\"timeoutMs\": 1.5}", "timeoutMs"),
				Arguments.of("boolean from a number", "{\"followRedirects\": 1}", "followRedirects"),
				Arguments.of("boolean from a string", "{\"followRedirects\": \"true\"}", "followRedirects"),
				Arguments.of("string from a number", "{\"name\": 123}", "name"),
				Arguments.of("string from a boolean", "{\"name\": true}", "name"),
				Arguments.of("double from a string", "{\"ratio\": \"Infinity\"}", "ratio"),
				Arguments.of("infinite double", "{\"ratio\": 1e400}", "ratio"),
				Arguments.of("infinite primitive in a list",
						"{\"items\": [{\"label\": \"a\", \"totalMs\": 1}, "
								+ "{\"label\": \"b\", \"totalMs\": -1e400}]}",
						"items[1].totalMs"),
				Arguments.of("NUL in a string", "{\"name\": \"a\\u0000b\"}", "name"),
				Arguments.of("NUL in a list element", "{\"tags\": [\"ok\", \"\\u0000\"]}", "tags[1]"),
				Arguments.of("NUL in a map value", "{\"headers\": {\"X\": \"a\\u0000\"}}", "headers.X"),
				Arguments.of("NUL in a map key", "{\"headers\": {\"X\\u0000\": \"a\"}}", "headers"),
				Arguments.of("NUL in a nested record", "{\"items\": [{\"label\": \"\\u0000\", \"totalMs\": 1}]}",
						"items[0].label"));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("refused")
	void refusesNamingTheField(String name, String json, String field) {
		JacksonException refusal = catchThrowableOfType(JacksonException.class,
				() -> STRICT.readValue(json, Request.class));

		assertThat(refusal).as(name).isNotNull();
		assertThat(JsonProblems.describe(refusal).field()).as(refusal.getMessage()).startsWith(field);
	}

	@Test
	void namesTheNulAndInfinityProblems() {
		JacksonException nul = catchThrowableOfType(JacksonException.class,
				() -> STRICT.readValue("{\"name\": \"\\u0000\"}", Request.class));
		JacksonException infinite = catchThrowableOfType(JacksonException.class,
				() -> STRICT.readValue("{\"ratio\": 1e400}", Request.class));

		assertThat(JsonProblems.describe(nul)).hasToString("name: " + StrictJson.NUL_MESSAGE);
		assertThat(JsonProblems.describe(infinite)).hasToString("ratio: " + StrictJson.NON_FINITE_MESSAGE);
	}

	@Test
	void readsWellTypedValuesAsTheyAre() {
		Request request = STRICT.readValue("""
				{"name": "Shop", "method": "DELETE", "timeoutMs": 100, "followRedirects": true, "ratio": 2,
				 "headers": {"X": "tab\\tand newline\\n"}, "tags": ["a"], "items": [{"label": "x", "totalMs": 1.5}]}
				""", Request.class);

		assertThat(request).isEqualTo(new Request("Shop", Method.DELETE, 100, true, 2.0,
				Map.of("X", "tab\tand newline\n"), List.of("a"), List.of(new Item("x", 1.5))));
	}

	@Test
	void leavesUnknownPropertiesToTheCaller() {
		assertThat(TOLERANT_WIRE.readValue("{\"name\": \"a\", \"added\": 1}", Request.class).name()).isEqualTo("a");
		assertThat(catchThrowableOfType(JacksonException.class,
				() -> STRICT.readValue("{\"name\": \"a\", \"added\": 1}", Request.class)))
			.isNotNull();
	}

}
