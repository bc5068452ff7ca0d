package io.pepper.contracts.v1;

import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/** Each malformed payload paired with the words its error must contain. */
class BadInputTest {

	private static final JsonMapper JSON = WireJson.mapper();

	static Stream<Arguments> malformedCheckResults() {
		return Stream.of(
				Arguments.of("missing endpointId", edit((o) -> o.remove("endpointId")), "endpointId is required"),
				Arguments.of("missing location", edit((o) -> o.remove("location")), "location is required"),
				Arguments.of("missing bytes", edit((o) -> o.remove("bytes")), "bytes"),
				Arguments.of("missing totalMs", edit((o) -> ((ObjectNode) o.get("timings")).remove("totalMs")),
						"totalMs"),
				Arguments.of("unknown outcome kind",
						edit((o) -> ((ObjectNode) o.get("outcome")).put("kind", "SORT_OF_UP")), "SORT_OF_UP"),
				Arguments.of("unknown apdex class", edit((o) -> o.put("apdex", "DELIGHTED")), "DELIGHTED"),
				Arguments.of("text for a number", edit((o) -> o.put("bytes", "many")), "many"),
				Arguments.of("object for a number", edit((o) -> o.putObject("apdexThresholdMs")), "apdexThresholdMs"),
				Arguments.of("bad uuid", edit((o) -> o.put("endpointId", "not-a-uuid")), "not-a-uuid"),
				Arguments.of("bad instant", edit((o) -> o.put("scheduledAt", "yesterday")), "yesterday"),
				Arguments.of("negative timing", edit((o) -> ((ObjectNode) o.get("timings")).put("connectMs", -1.0)),
						"timings.connectMs must be a finite, non-negative"),
				Arguments.of("infinite timing from an overflowing number",
						edit((o) -> ((ObjectNode) o.get("timings")).put("totalMs", new java.math.BigDecimal("1e400"))),
						"timings.totalMs must be a finite, non-negative number of milliseconds but was Infinity"),
				Arguments.of("infinite timing as text",
						edit((o) -> ((ObjectNode) o.get("timings")).put("totalMs", "Infinity")),
						"timings.totalMs must be a finite"),
				Arguments.of("NaN timing as text",
						edit((o) -> ((ObjectNode) o.get("timings")).put("firstByteMs", "NaN")),
						"timings.firstByteMs must be a finite"),
				Arguments.of("a check in year 999999999",
						edit((o) -> o.put("scheduledAt", "+999999999-01-01T00:00:00Z")),
						"scheduledAt must be between 1970-01-01T00:00:00Z and 2262-04-11T23:47:16.854Z"),
				Arguments.of("a check started before the epoch",
						edit((o) -> o.put("startedAt", "1969-12-31T23:59:59Z")), "startedAt must be between"),
				Arguments.of("a certificate expiring after year 9999",
						edit((o) -> o.put("tlsCertExpiresAt", "+10000-01-01T00:00:00Z")),
						"tlsCertExpiresAt must be between"),
				Arguments.of("NUL in the location", edit((o) -> o.put("location", "eu\u0000west")),
						"location must not contain the NUL character"),
				Arguments.of("NUL in the reason",
						edit((o) -> ((ObjectNode) o.get("outcome")).put("reason", "OK\u0000")),
						"outcome.reason must not contain the NUL character"),
				Arguments.of("status out of range", edit((o) -> o.put("status", 99)), "status must be between 100"),
				Arguments.of("failed but satisfied",
						edit((o) -> ((ObjectNode) o.get("outcome")).put("kind", "TIMEOUT")),
						"apdex of a failed check must be FRUSTRATED"),
				Arguments.of("protocol that is no ALPN id", edit((o) -> o.put("protocol", "HTTP 2")),
						"protocol must be an ALPN protocol id such as http/1.1 or h2 but was 'HTTP 2'"));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("malformedCheckResults")
	void malformedCheckResultIsRejectedWithAClearError(String name, String payload, String expected) {
		assertThatExceptionOfType(JacksonException.class).isThrownBy(() -> JSON.readValue(payload, CheckResult.class))
			.withMessageContaining(expected);
	}

	static Stream<Arguments> malformedEndpoints() {
		String valid = JSON.writeValueAsString(Samples.endpoint());
		return Stream.of(
				Arguments.of("ftp url", valid.replace("https://shop.example.com/health", "ftp://x/y"),
						"url must be an absolute http or https URL"),
				Arguments.of("relative url", valid.replace("https://shop.example.com/health", "/health"),
						"url must be an absolute http or https URL"),
				Arguments.of("unknown method", valid.replace("\"POST\"", "\"FETCH\""), "FETCH"),
				Arguments.of("unknown assertion type", valid.replace("keyword-absent", "regex"), "regex"),
				Arguments.of("inverted status range",
						valid.replace("\"from\":300,\"to\":302", "\"from\":302,\"to\":300"),
						"from (302) must not be greater than to (300)"),
				Arguments.of("zero timeout", valid.replace("\"timeoutMs\":5000", "\"timeoutMs\":0"),
						"timeoutMs must be between 1"),
				Arguments.of("missing timeout", valid.replace("\"timeoutMs\":5000,", ""), "timeoutMs"),
				Arguments.of("blank name", valid.replace("\"Checkout API\"", "\" \""), "name is required"),
				Arguments.of("unknown HTTP version", valid.replace("\"HTTP_1_1\"", "\"HTTP_3\""), "HTTP_3"));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("malformedEndpoints")
	void malformedEndpointSpecIsRejectedWithAClearError(String name, String payload, String expected) {
		assertThatExceptionOfType(JacksonException.class).isThrownBy(() -> JSON.readValue(payload, EndpointSpec.class))
			.withMessageContaining(expected);
	}

	static Stream<Arguments> malformedBatches() {
		return Stream.of(
				Arguments.of("empty results",
						"{\"batchId\":\"" + Samples.ENDPOINT + "\",\"probe\":\"p\",\"results\":[]}",
						"results size must be between 1"),
				Arguments.of("null result",
						"{\"batchId\":\"" + Samples.ENDPOINT + "\",\"probe\":\"p\",\"results\":[null]}",
						"results[0] is required"),
				Arguments.of("missing batch id",
						"{\"probe\":\"p\",\"results\":[" + JSON.writeValueAsString(Samples.up()) + "]}",
						"batchId is required"),
				Arguments.of("results not a list",
						"{\"batchId\":\"" + Samples.ENDPOINT + "\",\"probe\":\"p\",\"results\":7}", "results"));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("malformedBatches")
	void malformedResultBatchIsRejectedWithAClearError(String name, String payload, String expected) {
		assertThatExceptionOfType(JacksonException.class).isThrownBy(() -> JSON.readValue(payload, ResultBatch.class))
			.withMessageContaining(expected);
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("malformedFailures")
	void malformedFailureReportIsRejectedWithAClearError(String name, String payload, String expected) {
		assertThatExceptionOfType(JacksonException.class).isThrownBy(() -> JSON.readValue(payload, FailureReport.class))
			.withMessageContaining(expected);
	}

	static Stream<Arguments> malformedFailures() {
		String up = JSON.writeValueAsString(Samples.up());
		return Stream.of(
				Arguments.of("successful check",
						"{\"endpointName\":\"x\",\"url\":\"https://a.example\",\"result\":" + up + "}",
						"a failure report needs a failed check"),
				Arguments.of("missing result", "{\"endpointName\":\"x\",\"url\":\"https://a.example\"}",
						"result is required"));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("malformedTrendEvents")
	void malformedTrendEventIsRejectedWithAClearError(String name, String payload, String expected) {
		assertThatExceptionOfType(JacksonException.class).isThrownBy(() -> JSON.readValue(payload, TrendEvent.class))
			.withMessageContaining(expected);
	}

	static Stream<Arguments> malformedTrendEvents() {
		ObjectNode valid = JSON.valueToTree(new TrendEvent(java.util.UUID.randomUUID(), Samples.ENDPOINT,
				java.util.UUID.randomUUID(), TrendEvent.Kind.DEGRADED, java.time.Instant.parse("2026-01-01T00:00:00Z"),
				0.7, 0.95, 500, "Apdex fell"));
		return Stream.of(
				Arguments.of("NaN apdex", valid.deepCopy().put("apdex", "NaN").toString(),
						"apdex and baselineApdex must be between 0 and 1"),
				Arguments.of("infinite baseline", valid.deepCopy().put("baselineApdex", "Infinity").toString(),
						"apdex and baselineApdex must be between 0 and 1"),
				Arguments.of("a detection in year 999999999",
						valid.deepCopy().put("detectedAt", "+999999999-01-01T00:00:00Z").toString(),
						"detectedAt must be between"),
				Arguments.of("NUL in the reason", valid.deepCopy().put("reason", "fell\u0000").toString(),
						"reason must not contain the NUL character"));
	}

	private static String edit(java.util.function.Consumer<ObjectNode> change) {
		ObjectNode node = (ObjectNode) JSON.valueToTree(Samples.up());
		change.accept(node);
		return JSON.writeValueAsString(node);
	}

}
