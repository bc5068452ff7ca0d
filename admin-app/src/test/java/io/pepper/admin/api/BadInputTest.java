package io.pepper.admin.api;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import io.pepper.admin.TestApi;
import io.pepper.admin.TestTenants;
import io.pepper.contracts.v1.WireJson;
import io.pepper.testsupport.CheckUrlCases;
import io.pepper.testsupport.LocalPostgres;
import io.pepper.testsupport.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Malformed input to every changing API is refused with a problem detail naming the
 * field, and nothing is stored.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@DirtiesContext
class BadInputTest {

	static final TestDatabase DATABASE = LocalPostgres.fromEnvironment().createDatabase("admin_bad_input");

	static String endpointId;

	@DynamicPropertySource
	static void properties(DynamicPropertyRegistry registry) {
		TestApi.configure(registry, DATABASE);
		registry.add("pepper.admin.secrets.key", () -> TestTenants.SECRETS_KEY);
	}

	@BeforeAll
	static void existing(@Autowired ApplicationContext context, @LocalServerPort int port) {
		TestTenants.create(context);
		TestApi api = new TestApi(port);
		endpointId = api.post("/api/v1/endpoints", TestApi.OWNER_TOKEN, """
				{"name": "Existing", "url": "https://existing.example.com/", "locations": ["local"]}
				""").json().path("id").asString();
		api.post("/api/v1/channels", TestApi.OWNER_TOKEN, """
				{"type": "email", "name": "Taken", "addresses": ["a@example.com"]}
				""");
		api.post("/api/v1/policies", TestApi.OWNER_TOKEN, "{\"name\": \"Taken\", \"tag\": \"taken\"}");
		api.post("/api/v1/maintenance-windows", TestApi.OWNER_TOKEN, """
				{"name": "Taken", "schedule": {"type": "one-off", "start": "2030-01-01T00:00:00Z",
				 "end": "2030-01-01T01:00:00Z"}}
				""");
	}

	@AfterAll
	static void dropDatabase() {
		DATABASE.close();
	}

	@Autowired
	JdbcClient jdbc;

	@LocalServerPort
	int port;

	TestApi api() {
		return new TestApi(this.port);
	}

	static final String CHANNELS = "/api/v1/channels";

	static final String POLICIES = "/api/v1/policies";

	static final String WINDOWS = "/api/v1/maintenance-windows";

	static final String ENDPOINTS = "/api/v1/endpoints";

	/** A valid new endpoint with {@code extra} settings. */
	static String endpoint(String extra) {
		return "{\"name\": \"N\", \"url\": \"https://n.example.com/\", \"locations\": [\"local\"], " + extra + "}";
	}

	static Stream<Arguments> badInput() {
		String window = "{\"name\": \"W\", \"schedule\": %s}";
		return Stream.of(
				// channels
				bad("slack over http", CHANNELS,
						"{\"type\": \"slack\", \"name\": \"S\", \"url\": \"http://hooks.slack.com/x\"}", 400, "url"),
				bad("slack at loopback", CHANNELS,
						"{\"type\": \"slack\", \"name\": \"S\", \"url\": \"https://127.0.0.1/x\"}", 400, "url"),
				bad("webhook at metadata", CHANNELS,
						"{\"type\": \"webhook\", \"name\": \"S\", \"url\": \"https://169.254.169.254/latest\"}", 400,
						"url"),
				bad("webhook with javascript scheme", CHANNELS,
						"{\"type\": \"webhook\", \"name\": \"S\", \"url\": \"javascript:alert(1)\"}", 400, "url"),
				bad("slack without url", CHANNELS, "{\"type\": \"slack\", \"name\": \"S\"}", 400, "url"),
				bad("short signing secret", CHANNELS,
						"{\"type\": \"webhook\", \"name\": \"S\", \"url\": \"https://h.example.com/x\", \"signingSecret\": \"short\"}",
						400, "signingSecret"),
				bad("whsec_ secret that is not base64", CHANNELS,
						"{\"type\": \"webhook\", \"name\": \"S\", \"url\": \"https://h.example.com/x\", \"signingSecret\": \"whsec_not*base64!\"}",
						400, "signingSecret"),
				bad("whsec_ secret of 8 bytes", CHANNELS,
						"{\"type\": \"webhook\", \"name\": \"S\", \"url\": \"https://h.example.com/x\", \"signingSecret\": \"whsec_MTIzNDU2Nzg=\"}",
						400, "signingSecret"),
				bad("pagerduty without routing key", CHANNELS, "{\"type\": \"pagerduty\", \"name\": \"S\"}", 400,
						"routingKey"),
				bad("pagerduty routing key of the wrong shape", CHANNELS,
						"{\"type\": \"pagerduty\", \"name\": \"S\", \"routingKey\": \"short key\"}", 400, "routingKey"),
				bad("pagerduty events base at loopback", CHANNELS,
						"{\"type\": \"pagerduty\", \"name\": \"S\", \"routingKey\": \"0123456789abcdef0123456789abcdef\", \"apiUrl\": \"https://127.0.0.1/\"}",
						400, "apiUrl"),
				bad("pagerduty with a webhook url", CHANNELS,
						"{\"type\": \"pagerduty\", \"name\": \"S\", \"routingKey\": \"0123456789abcdef0123456789abcdef\", \"url\": \"https://h.example.com/x\"}",
						400, "url"),
				bad("opsgenie without api key", CHANNELS, "{\"type\": \"opsgenie\", \"name\": \"S\"}", 400, "apiKey"),
				bad("opsgenie api base over http", CHANNELS,
						"{\"type\": \"opsgenie\", \"name\": \"S\", \"apiKey\": \"5a3c1c52-1111-2222-3333-444455556666\", \"apiUrl\": \"http://api.opsgenie.com\"}",
						400, "apiUrl"),
				bad("opsgenie with a bot token", CHANNELS,
						"{\"type\": \"opsgenie\", \"name\": \"S\", \"apiKey\": \"5a3c1c52-1111-2222-3333-444455556666\", \"botToken\": \"1:x\"}",
						400, "botToken"),
				bad("teams without url", CHANNELS, "{\"type\": \"teams\", \"name\": \"S\"}", 400, "url"),
				bad("teams at a private address", CHANNELS,
						"{\"type\": \"teams\", \"name\": \"S\", \"url\": \"https://10.1.2.3/workflows\"}", 400, "url"),
				bad("discord over http", CHANNELS,
						"{\"type\": \"discord\", \"name\": \"S\", \"url\": \"http://discord.com/api/webhooks/1/x\"}",
						400, "url"),
				bad("telegram without chat", CHANNELS,
						"{\"type\": \"telegram\", \"name\": \"S\", \"botToken\": \"123456789:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw\"}",
						400, "chatId"),
				bad("telegram chat that is no chat", CHANNELS,
						"{\"type\": \"telegram\", \"name\": \"S\", \"botToken\": \"123456789:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw\", \"chatId\": \"ops room\"}",
						400, "chatId"),
				bad("telegram bot token of the wrong shape", CHANNELS,
						"{\"type\": \"telegram\", \"name\": \"S\", \"botToken\": \"not-a-token\", \"chatId\": \"42\"}",
						400, "botToken"),
				bad("telegram api base at metadata", CHANNELS,
						"{\"type\": \"telegram\", \"name\": \"S\", \"botToken\": \"123456789:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw\", \"chatId\": \"42\", \"apiUrl\": \"https://169.254.169.254/\"}",
						400, "apiUrl"),
				bad("ntfy url without topic", CHANNELS,
						"{\"type\": \"ntfy\", \"name\": \"S\", \"url\": \"https://ntfy.sh/\"}", 400, "url"),
				bad("ntfy with a routing key", CHANNELS,
						"{\"type\": \"ntfy\", \"name\": \"S\", \"url\": \"https://ntfy.sh/alerts\", \"routingKey\": \"0123456789abcdef0123456789abcdef\"}",
						400, "routingKey"),
				bad("chat id on a slack channel", CHANNELS,
						"{\"type\": \"slack\", \"name\": \"S\", \"url\": \"https://hooks.slack.com/x\", \"chatId\": \"42\"}",
						400, "chatId"),
				bad("email without addresses", CHANNELS, "{\"type\": \"email\", \"name\": \"S\"}", 400, "addresses"),
				bad("bad email address", CHANNELS,
						"{\"type\": \"email\", \"name\": \"S\", \"addresses\": [\"not-an-address\"]}", 400,
						"addresses[0]"),
				bad("unknown channel type", CHANNELS, "{\"type\": \"sms\", \"name\": \"S\"}", 400, "type"),
				bad("CR LF in a channel name", CHANNELS,
						"{\"type\": \"email\", \"name\": \"a\\r\\nb\", \"addresses\": [\"a@example.com\"]}", 400,
						"name"),
				bad("unknown channel field", CHANNELS,
						"{\"type\": \"email\", \"name\": \"S\", \"addresses\": [\"a@example.com\"], \"cc\": []}", 400,
						"cc"),
				bad("duplicate channel name", CHANNELS,
						"{\"type\": \"email\", \"name\": \"Taken\", \"addresses\": [\"a@example.com\"]}", 409, "name"),
				// policies
				bad("zero failures to open", POLICIES, "{\"name\": \"P\", \"failuresToOpen\": 0}", 400,
						"failuresToOpen"),
				bad("huge reminder interval", POLICIES, "{\"name\": \"P\", \"reminderIntervalMinutes\": 99999999}", 400,
						"reminderIntervalMinutes"),
				bad("apdex floor above 1", POLICIES, "{\"name\": \"P\", \"apdexFloor\": 1.5}", 400, "apdexFloor"),
				bad("unknown trend sensitivity", POLICIES, "{\"name\": \"P\", \"trendSensitivity\": \"EXTREME\"}", 400,
						"trendSensitivity"),
				bad("unknown endpoint", POLICIES,
						"{\"name\": \"P\", \"endpointId\": \"00000000-0000-0000-0000-000000000001\"}", 400,
						"endpointId"),
				bad("unknown channel", POLICIES,
						"{\"name\": \"P\", \"tag\": \"t\", \"channelIds\": [\"00000000-0000-0000-0000-000000000001\"]}",
						400, "channelIds"),
				bad("endpoint and tag", POLICIES, "{\"name\": \"P\", \"endpointId\": \"{endpoint}\", \"tag\": \"t\"}",
						400, "tag"),
				bad("second policy for a tag", POLICIES, "{\"name\": \"P\", \"tag\": \"taken\"}", 409, "tag"),
				bad("duplicate policy name", POLICIES, "{\"name\": \"Taken\", \"endpointId\": \"{endpoint}\"}", 409,
						"name"),
				bad("policy id that is not a UUID", POLICIES, "{\"name\": \"P\", \"endpointId\": \"42\"}", 400,
						"endpointId"),
				// maintenance windows
				bad("window ending before it starts", WINDOWS, window.formatted(
						"{\"type\": \"one-off\", \"start\": \"2030-01-02T00:00:00Z\", \"end\": \"2030-01-01T00:00:00Z\"}"),
						400, "schedule"),
				bad("weekly window without days", WINDOWS, window.formatted(
						"{\"type\": \"weekly\", \"days\": [], \"start\": \"02:00\", \"durationMinutes\": 60, \"zone\": \"UTC\"}"),
						400, "schedule"),
				bad("unknown time zone", WINDOWS, window.formatted(
						"{\"type\": \"weekly\", \"days\": [\"MONDAY\"], \"start\": \"02:00\", \"durationMinutes\": 60, \"zone\": \"Mars/Olympus\"}"),
						400, "schedule"),
				bad("negative duration", WINDOWS, window.formatted(
						"{\"type\": \"weekly\", \"days\": [\"MONDAY\"], \"start\": \"02:00\", \"durationMinutes\": -5, \"zone\": \"UTC\"}"),
						400, "schedule"),
				bad("window without schedule", WINDOWS, "{\"name\": \"W\"}", 400, "schedule"),
				bad("duplicate window name", WINDOWS,
						"{\"name\": \"Taken\", \"schedule\": {\"type\": \"one-off\", \"start\": \"2030-01-01T00:00:00Z\", \"end\": \"2030-01-01T01:00:00Z\"}}",
						409, "name"),
				// endpoint replacement, tokens, locations
				bad("replacing with a negative timeout", "PUT /api/v1/endpoints/{endpoint}",
						"{\"name\": \"Existing\", \"url\": \"https://existing.example.com/\", \"locations\": [\"local\"], \"timeoutMs\": -1}",
						400, "timeoutMs"),
				bad("replacing with CR LF in a header", "PUT /api/v1/endpoints/{endpoint}",
						"{\"name\": \"Existing\", \"url\": \"https://existing.example.com/\", \"locations\": [\"local\"], \"headers\": {\"X\": \"a\\r\\nB: c\"}}",
						400, "headers"),
				bad("replacing with a file URL", "PUT /api/v1/endpoints/{endpoint}",
						"{\"name\": \"Existing\", \"url\": \"file:///etc/passwd\", \"locations\": [\"local\"]}", 400,
						"url"),
				bad("a port beyond 65535", "/api/v1/endpoints",
						"{\"name\": \"P\", \"url\": \"http://example.com:99999/\", \"locations\": [\"local\"]}", 400,
						"url"),
				bad("a password in the URL", "/api/v1/endpoints",
						"{\"name\": \"P\", \"url\": \"http://user:pass@example.com/\", \"locations\": [\"local\"]}",
						400, "url"),
				bad("a host name no URL can carry", "/api/v1/endpoints",
						"{\"name\": \"P\", \"url\": \"http://exa_mple.com/\", \"locations\": [\"local\"]}", 400, "url"),
				// checks of other kinds
				bad("an http URL for a TCP check", "/api/v1/endpoints",
						"{\"name\": \"P\", \"kind\": \"TCP\", \"url\": \"https://db.example.com/\", \"locations\": [\"local\"]}",
						400, "url"),
				bad("a TCP check without a port", "/api/v1/endpoints",
						"{\"name\": \"P\", \"kind\": \"TCP\", \"url\": \"tcp://db.example.com\", \"locations\": [\"local\"]}",
						400, "url"),
				bad("an unknown kind", "/api/v1/endpoints",
						"{\"name\": \"P\", \"kind\": \"ICMP\", \"url\": \"tcp://db.example.com:1\", \"locations\": [\"local\"]}",
						400, "kind"),
				bad("DNS settings on a TCP check", "/api/v1/endpoints",
						"{\"name\": \"P\", \"kind\": \"TCP\", \"url\": \"tcp://db.example.com:5432\", \"locations\": [\"local\"], \"settings\": {\"type\": \"dns\"}}",
						400, "settings"),
				bad("TCP settings on an HTTP check", "/api/v1/endpoints",
						"{\"name\": \"P\", \"url\": \"https://n.example.com/\", \"locations\": [\"local\"], \"settings\": {\"type\": \"tcp\", \"tls\": false}}",
						400, "settings"),
				bad("settings of an unknown type", "/api/v1/endpoints",
						"{\"name\": \"P\", \"kind\": \"TCP\", \"url\": \"tcp://db.example.com:5432\", \"locations\": [\"local\"], \"settings\": {\"type\": \"udp\"}}",
						400, "settings"),
				bad("an unknown DNS record type", "/api/v1/endpoints",
						"{\"name\": \"P\", \"kind\": \"DNS\", \"url\": \"dns:example.com\", \"locations\": [\"local\"], \"settings\": {\"type\": \"dns\", \"recordType\": \"SRV\"}}",
						400, "settings"),
				bad("a DNS resolver port beyond 65535", "/api/v1/endpoints",
						"{\"name\": \"P\", \"kind\": \"DNS\", \"url\": \"dns:example.com\", \"locations\": [\"local\"], \"settings\": {\"type\": \"dns\", \"resolver\": \"ns.example.com:70000\"}}",
						400, "settings"),
				bad("a DNS name with a space", "/api/v1/endpoints",
						"{\"name\": \"P\", \"kind\": \"DNS\", \"url\": \"dns:exa mple.com\", \"locations\": [\"local\"]}",
						400, "url"),
				bad("a certificate warning 0 days ahead", "/api/v1/endpoints",
						"{\"name\": \"P\", \"kind\": \"TLS\", \"url\": \"tls://shop.example.com:443\", \"locations\": [\"local\"], \"settings\": {\"type\": \"tls\", \"expiryWarningDays\": [0]}}",
						400, "settings"),
				bad("replacing with a TCP check that sends nothing but an empty text",
						"PUT /api/v1/endpoints/{endpoint}",
						"{\"name\": \"Existing\", \"kind\": \"TCP\", \"url\": \"tcp://existing.example.com:25\", \"locations\": [\"local\"], \"settings\": {\"type\": \"tcp\", \"tls\": false, \"send\": \"\"}}",
						400, "settings"),
				bad("token without name", "/api/v1/tokens", "{}", 400, "name"),
				bad("location with capitals", "/api/v1/locations", "{\"name\": \"EU West\"}", 400, "name"),
				bad("NUL in a location name", "/api/v1/locations", "{\"name\": \"eu\\u0000\"}", 400, "name"),
				bad("oversized endpoint name", "/api/v1/endpoints",
						"{\"name\": \"" + "n".repeat(300)
								+ "\", \"url\": \"https://x.example.com/\", \"locations\": [\"local\"]}",
						400, "name"),
				// no scalar is coerced into another type
				bad("method as a number", ENDPOINTS, endpoint("\"method\": 5"), 400, "method"),
				bad("timeout as a string", ENDPOINTS, endpoint("\"timeoutMs\": \"100\""), 400, "timeoutMs"),
				bad("timeout as a fraction", ENDPOINTS, endpoint("\"timeoutMs\": 1.5"), 400, "timeoutMs"),
				bad("followRedirects as a number", ENDPOINTS, endpoint("\"followRedirects\": 1"), 400,
						"followRedirects"),
				bad("endpoint name as a number", ENDPOINTS,
						"{\"name\": 123, \"url\": \"https://n.example.com/\", \"locations\": [\"local\"]}", 400,
						"name"),
				bad("failures to open as a string", POLICIES,
						"{\"name\": \"P\", \"tag\": \"t\", \"failuresToOpen\": \"3\"}", 400, "failuresToOpen"),
				bad("infinite apdex floor", POLICIES, "{\"name\": \"P\", \"tag\": \"t\", \"apdexFloor\": 1e400}", 400,
						"apdexFloor"),
				// one name rule for every resource
				bad("CR LF in an endpoint name", ENDPOINTS,
						"{\"name\": \"a\\r\\nb\", \"url\": \"https://n.example.com/\", \"locations\": [\"local\"]}",
						400, "name"),
				bad("terminal escape in an endpoint name", ENDPOINTS,
						"{\"name\": \"a\\u0007\\u001b[31m\", \"url\": \"https://n.example.com/\", \"locations\": [\"local\"]}",
						400, "name"),
				bad("terminal escape in a token name", "/api/v1/tokens", "{\"name\": \"\\u001b[2J\"}", 400, "name"),
				bad("bidi override in a policy name", POLICIES, "{\"name\": \"a\\u202eb\", \"tag\": \"t\"}", 400,
						"name"),
				// NUL is refused wherever it is, never stored or stripped
				bad("NUL in an endpoint name", ENDPOINTS,
						"{\"name\": \"a\\u0000b\", \"url\": \"https://n.example.com/\", \"locations\": [\"local\"]}",
						400, "name"),
				bad("NUL in an endpoint tag", ENDPOINTS, endpoint("\"tags\": [\"ok\", \"t\\u0000\"]"), 400, "tags[1]"),
				bad("NUL in an endpoint body", ENDPOINTS, endpoint("\"body\": \"x\\u0000\""), 400, "body"),
				bad("NUL in an endpoint location", ENDPOINTS,
						"{\"name\": \"N\", \"url\": \"https://n.example.com/\", \"locations\": [\"lo\\u0000cal\"]}",
						400, "locations[0]"),
				bad("NUL in a channel name", CHANNELS,
						"{\"type\": \"email\", \"name\": \"\\u0000\", \"addresses\": [\"a@example.com\"]}", 400,
						"name"),
				bad("NUL in a policy tag", POLICIES, "{\"name\": \"P\", \"tag\": \"t\\u0000\"}", 400, "tag"),
				bad("NUL in a window name", WINDOWS, window.formatted(
						"{\"type\": \"one-off\", \"start\": \"2030-01-01T00:00:00Z\", \"end\": \"2030-01-01T01:00:00Z\"}")
					.replace("\"W\"", "\"W\\u0000\""), 400, "name"),
				bad("NUL in a token name", "/api/v1/tokens", "{\"name\": \"t\\u0000\"}", 400, "name"),
				bad("NUL in a header name", "PUT /api/v1/endpoints/{endpoint}",
						"{\"name\": \"Existing\", \"url\": \"https://existing.example.com/\", \"locations\": [\"local\"], \"headers\": {\"X\\u0000\": \"a\"}}",
						400, "headers"));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("badInput")
	void refusesBadInputNamingTheFieldAndStoresNothing(String name, String target, String body, int status,
			String field) {
		String before = everything();
		String method = target.startsWith("PUT ") ? "PUT" : "POST";
		String path = target.replaceFirst("^PUT ", "").replace("{endpoint}", endpointId);

		String token = path.startsWith("/api/v1/locations") ? TestTenants.OPERATOR_TOKEN : TestApi.OWNER_TOKEN;
		TestApi.Response answer = api().send(method, path, token, "application/json",
				body.replace("{endpoint}", endpointId));

		assertThat(answer.status()).as(answer.body()).isEqualTo(status);
		assertThat(answer.header("Content-Type")).startsWith("application/problem+json");
		assertThat(answer.json().path("detail").asString()).contains(field);
		assertThat(answer.problemFields()).anySatisfy((named) -> assertThat(named).startsWith(field));
		assertThat(everything()).isEqualTo(before);
	}

	static List<CheckUrlCases.Case> checkUrls() {
		return CheckUrlCases.ALL;
	}

	/** The table the probe reads its endpoint lists against too. */
	@ParameterizedTest(name = "{0}")
	@MethodSource("checkUrls")
	void acceptsAtCreationExactlyTheUrlsAProbeCanCheck(CheckUrlCases.Case url) {
		String before = everything();
		String name = "URL " + Integer.toHexString(url.url().hashCode());

		TestApi.Response answer = api().post("/api/v1/endpoints", TestApi.OWNER_TOKEN,
				"{\"name\": " + WireJson.mapper().writeValueAsString(name) + ", \"url\": "
						+ WireJson.mapper().writeValueAsString(url.url()) + ", \"locations\": [\"local\"]}");

		if (url.accepted()) {
			assertThat(answer.status()).as(answer.body()).isEqualTo(201);
			assertThat(api().delete("/api/v1/endpoints/" + answer.json().path("id").asString(), TestApi.OWNER_TOKEN)
				.status()).isEqualTo(204);
		}
		else {
			assertThat(answer.status()).as(answer.body()).isEqualTo(400);
			assertThat(answer.problemFields()).containsExactly("url");
			assertThat(answer.json().path("detail").asString()).contains(url.refusal());
			assertThat(everything()).isEqualTo(before);
		}
	}

	static List<CheckUrlCases.KindCase> kindTargets() {
		return CheckUrlCases.OTHER_KINDS;
	}

	/**
	 * The table of the other kinds' targets, which the contract is tested against too.
	 */
	@ParameterizedTest(name = "{0}")
	@MethodSource("kindTargets")
	void acceptsAtCreationExactlyTheTargetsAProbeCanCheckOfEachKind(CheckUrlCases.KindCase target) {
		String before = everything();
		String name = "Target " + Integer.toHexString(target.toString().hashCode());

		TestApi.Response answer = api().post("/api/v1/endpoints", TestApi.OWNER_TOKEN,
				"{\"name\": " + WireJson.mapper().writeValueAsString(name) + ", \"kind\": \"" + target.kind()
						+ "\", \"url\": " + WireJson.mapper().writeValueAsString(target.url())
						+ ", \"locations\": [\"local\"]}");

		if (target.accepted()) {
			assertThat(answer.status()).as(answer.body()).isEqualTo(201);
			assertThat(answer.json().path("kind").asString()).isEqualTo(target.kind());
			assertThat(api().delete("/api/v1/endpoints/" + answer.json().path("id").asString(), TestApi.OWNER_TOKEN)
				.status()).isEqualTo(204);
		}
		else {
			assertThat(answer.status()).as(answer.body()).isEqualTo(400);
			assertThat(answer.problemFields()).containsExactly("url");
			assertThat(answer.json().path("detail").asString()).contains(target.refusal());
			assertThat(everything()).isEqualTo(before);
		}
	}

	static Stream<Arguments> badQueries() {
		return Stream.of(Arguments.of("/api/v1/endpoints?q=%00", "q"), Arguments.of("/api/v1/endpoints?tag=%00", "tag"),
				Arguments.of("/api/v1/endpoints?q=a%00b&tag=ok", "q"),
				Arguments.of("/api/v1/endpoints?page=x", "page"));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("badQueries")
	void refusesBadQueriesNamingTheParameter(String path, String field) {
		TestApi.Response answer = api().get(path, TestApi.OWNER_TOKEN);

		assertThat(answer.status()).as(answer.body()).isEqualTo(400);
		assertThat(answer.header("Content-Type")).startsWith("application/problem+json");
		assertThat(answer.problemFields()).contains(field);
	}

	@Test
	void refusesBodiesLargerThanTheApiNeeds() {
		String before = everything();
		String huge = "{\"name\": \"Big\", \"url\": \"https://x.example.com/\", \"locations\": [\"local\"], \"body\": \""
				+ "x".repeat(1_100_000) + "\"}";

		TestApi.Response answer = api().post("/api/v1/endpoints", TestApi.OWNER_TOKEN, huge);

		assertThat(answer.status()).isEqualTo(413);
		assertThat(answer.header("Content-Type")).startsWith("application/problem+json");
		assertThat(everything()).isEqualTo(before);
	}

	@Test
	void refusesAChunkedConfigLargerThanItsLimitBeforeParsingIt() throws Exception {
		String before = everything();
		// 33 MiB of one YAML comment line, sent without a Content-Length
		byte[] head = "# ".getBytes(StandardCharsets.UTF_8);
		long size = 33L * 1024 * 1024;
		InputStream body = new SequenceInputStream(new ByteArrayInputStream(head), new InputStream() {

			long left = size;

			@Override
			public int read() {
				return (this.left-- > 0) ? 'x' : -1;
			}

			@Override
			public int read(byte[] bytes, int offset, int length) {
				if (this.left <= 0) {
					return -1;
				}
				int n = (int) Math.min(length, this.left);
				Arrays.fill(bytes, offset, offset + n, (byte) 'x');
				this.left -= n;
				return n;
			}

		});
		HttpResponse<String> answer = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + "/api/v1/config"))
				.header("Authorization", "Bearer " + TestApi.OWNER_TOKEN)
				.header("Content-Type", "application/yaml")
				.timeout(Duration.ofSeconds(30))
				.POST(HttpRequest.BodyPublishers.ofInputStream(() -> body))
				.build(), HttpResponse.BodyHandlers.ofString());

		assertThat(answer.statusCode()).as(answer.body()).isEqualTo(413);
		assertThat(answer.headers().firstValue("Content-Type")).hasValue("application/problem+json");
		assertThat(WireJson.mapper().readTree(answer.body()).path("detail").asString())
			.isEqualTo("The request body must be at most 33554432 bytes");
		assertThat(everything()).isEqualTo(before);
	}

	@Test
	void refusesAChunkedEndpointLargerThanTheApiNeeds() throws Exception {
		String before = everything();
		byte[] huge = ("{\"name\": \"Big\", \"url\": \"https://x.example.com/\", \"locations\": [\"local\"], \"body\": \""
				+ "x".repeat(1_100_000) + "\"}")
			.getBytes(StandardCharsets.UTF_8);
		HttpResponse<String> answer = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + "/api/v1/endpoints"))
				.header("Authorization", "Bearer " + TestApi.OWNER_TOKEN)
				.header("Content-Type", "application/json")
				.POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(huge)))
				.build(), HttpResponse.BodyHandlers.ofString());

		assertThat(answer.statusCode()).as(answer.body()).isEqualTo(413);
		assertThat(everything()).isEqualTo(before);
	}

	private String everything() {
		StringBuilder all = new StringBuilder();
		for (String table : List.of("endpoints", "notification_channels", "alert_policies", "maintenance_windows",
				"probe_tokens", "locations")) {
			all.append(this.jdbc
				.sql("SELECT coalesce(md5(string_agg(t::text, ',' ORDER BY t::text)), '') FROM " + table + " t")
				.query(String.class)
				.single());
		}
		all.append(this.jdbc.sql("SELECT count(*) FROM api_tokens").query(Long.class).single());
		return all.toString();
	}

	private static Arguments bad(String name, String target, String body, int status, String field) {
		return Arguments.of(name, target, body, status, field);
	}

}
