package io.pepper.contracts.v1;

import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;
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

	static Stream<Arguments> malformedKinds() {
		String tcp = JSON.writeValueAsString(Samples.tcp());
		String dns = JSON.writeValueAsString(Samples.dns());
		String tls = JSON.writeValueAsString(Samples.tls());
		String http = JSON.writeValueAsString(Samples.endpoint());
		return Stream.of(Arguments.of("unknown kind", tcp.replace("\"TCP\"", "\"ICMP\""), "ICMP"),
				Arguments.of("unknown settings type", tcp.replace("\"type\":\"tcp\"", "\"type\":\"udp\""), "udp"),
				Arguments.of("http url for a tcp check",
						tcp.replace("tcp://db.example.com:5432", "https://db.example.com/"),
						"url must be tcp://host:port for a TCP check"),
				Arguments.of("tcp check without a port",
						tcp.replace("tcp://db.example.com:5432", "tcp://db.example.com"),
						"url must have a port from 1 to 65535 (tcp://host:port) but was none"),
				Arguments.of("tls check with a port out of range",
						tls.replace("tls://shop.example.com:443", "tls://shop.example.com:70000"),
						"url must have a port from 1 to 65535"),
				Arguments.of("tcp settings on a tls check",
						tls.replace("\"type\":\"tls\"", "\"type\":\"tcp\",\"tls\":false"),
						"settings of type tcp do not belong to a TLS check"),
				Arguments.of("settings on an http check",
						http.replace("\"settings\":null", "\"settings\":{\"type\":\"tcp\",\"tls\":false}"),
						"settings of type tcp do not belong to an HTTP check"),
				Arguments.of("empty send text", tcp.replace("PING\\r\\n", ""),
						"settings.send length must be between 1"),
				Arguments.of("dns url that is no name", dns.replace("dns:_dmarc.example.com", "dns:exa mple"),
						"Illegal character in opaque part"),
				Arguments.of("dns name with a bad label",
						dns.replace("dns:_dmarc.example.com", "dns:-bad-.example.com"),
						"url must name a host in letters, digits, '-', '_' and '.' after dns:"),
				Arguments.of("http url for a dns check", dns.replace("dns:_dmarc.example.com", "http://example.com/"),
						"url must be dns:name for a DNS check"),
				Arguments.of("unknown record type", dns.replace("\"TXT\"", "\"SRV\""), "SRV"),
				Arguments.of("unknown rcode", dns.replace("\"NOERROR\"", "\"YXDOMAIN\""), "YXDOMAIN"),
				Arguments.of("unknown answer match", dns.replace("\"ALL\"", "\"MOST\""), "MOST"),
				Arguments.of("resolver port out of range", dns.replace("[2001:db8::53]:5353", "ns.example.com:0"),
						"settings.resolver must have a port from 1 to 65535 but was 0"),
				Arguments.of("resolver that is no host", dns.replace("[2001:db8::53]:5353", "ns example"),
						"settings.resolver must name a host"),
				Arguments.of("blank expected answer", dns.replace("v=DMARC1; p=reject", " "),
						"settings.expectedAnswers[0] is required and must not be blank"),
				Arguments.of("warning days out of range", tls.replace("[21,7]", "[0]"),
						"settings.expiryWarningDays must be between 1 and 365 but was 0"));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("malformedKinds")
	void malformedCheckOfAnotherKindIsRejectedWithAClearError(String name, String payload, String expected) {
		assertThat(payload).as("the case must change a valid payload")
			.isNotIn(JSON.writeValueAsString(Samples.tcp()), JSON.writeValueAsString(Samples.dns()),
					JSON.writeValueAsString(Samples.tls()), JSON.writeValueAsString(Samples.endpoint()));
		assertThatExceptionOfType(JacksonException.class).isThrownBy(() -> JSON.readValue(payload, EndpointSpec.class))
			.withMessageContaining(expected);
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
