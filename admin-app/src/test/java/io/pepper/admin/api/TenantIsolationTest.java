package io.pepper.admin.api;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import io.pepper.admin.TestApi;
import io.pepper.admin.TestTenants;
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
 * Every API route that takes an id, called with another organization's token, answers 404
 * and changes nothing; a viewer can change nothing at all.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@DirtiesContext
class TenantIsolationTest {

	static final TestDatabase DATABASE = LocalPostgres.fromEnvironment().createDatabase("admin_isolation");

	/** Ids of Demo's things, by kind. */
	static Map<String, String> ids;

	@DynamicPropertySource
	static void properties(DynamicPropertyRegistry registry) {
		TestApi.configure(registry, DATABASE);
		registry.add("pepper.admin.secrets.key", () -> TestTenants.SECRETS_KEY);
	}

	@BeforeAll
	static void demoOwnsOneOfEverything(@Autowired ApplicationContext context, @LocalServerPort int port) {
		TestTenants.create(context);
		TestApi api = new TestApi(port);
		String endpoint = id(api.post("/api/v1/endpoints", TestApi.OWNER_TOKEN, ENDPOINT));
		String channel = id(api.post("/api/v1/channels", TestApi.OWNER_TOKEN, CHANNEL));
		String policy = id(api.post("/api/v1/policies", TestApi.OWNER_TOKEN, policy(endpoint, channel)));
		String window = id(api.post("/api/v1/maintenance-windows", TestApi.OWNER_TOKEN, window(endpoint)));
		String token = id(api.post("/api/v1/tokens", TestApi.OWNER_TOKEN, "{\"name\": \"CI\"}"));
		String probeToken = id(api.post("/api/v1/probe-tokens", TestApi.OWNER_TOKEN, "{\"name\": \"Probe\"}"));
		Map<String, String> all = new java.util.HashMap<>(Map.of("endpoint", endpoint, "channel", channel, "policy",
				policy, "window", window, "token", token, "probeToken", probeToken));
		VENDOR_CHANNELS
			.forEach((kind, body) -> all.put(kind, id(api.post("/api/v1/channels", TestApi.OWNER_TOKEN, body))));
		ids = Map.copyOf(all);
	}

	@AfterAll
	static void dropDatabase() {
		DATABASE.close();
	}

	static final String ENDPOINT = """
			{"name": "Shop", "url": "https://shop.example.com/", "locations": ["local"], "tags": ["shop"]}
			""";

	static final String TCP_ENDPOINT = """
			{"name": "Shop", "kind": "TCP", "url": "tcp://shop.example.com:443", "locations": ["local"],
			 "settings": {"type": "tcp", "tls": true}}
			""";

	static final String DNS_ENDPOINT = """
			{"name": "Shop", "kind": "DNS", "url": "dns:shop.example.com", "locations": ["local"],
			 "settings": {"type": "dns", "recordType": "A", "resolver": "9.9.9.9"}}
			""";

	static final String CHANNEL = """
			{"type": "slack", "name": "Ops", "url": "https://hooks.slack.com/services/T/B/0123456789"}
			""";

	/** One channel of every further type, by type. */
	static final Map<String, String> VENDOR_CHANNELS = Map.of("pagerduty", """
			{"type": "pagerduty", "name": "Pager", "routingKey": "0123456789abcdef0123456789abcdef"}
			""", "opsgenie", """
			{"type": "opsgenie", "name": "Genie", "apiKey": "5a3c1c52-1111-2222-3333-444455556666",
			 "apiUrl": "https://api.eu.opsgenie.com"}
			""", "teams", """
			{"type": "teams", "name": "Room",
			 "url": "https://prod-01.westeurope.logic.azure.com/workflows/abc/triggers/manual/paths/invoke?sig=x"}
			""", "discord", """
			{"type": "discord", "name": "Discord", "url": "https://discord.com/api/webhooks/1/abcdef"}
			""", "telegram", """
			{"type": "telegram", "name": "Chat", "botToken": "123456789:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw",
			 "chatId": "-1001234567890"}
			""", "ntfy",
			"""
					{"type": "ntfy", "name": "Phones", "url": "https://ntfy.sh/pepper-alerts-x1", "accessToken": "tk_abcdefghijkl"}
					""");

	static String policy(String endpoint, String channel) {
		return """
				{"name": "Shop policy", "endpointId": "%s", "channelIds": ["%s"]}
				""".formatted(endpoint, channel);
	}

	static String window(String endpoint) {
		return """
				{"name": "Deploy", "endpointIds": ["%s"],
				 "schedule": {"type": "one-off", "start": "2030-01-01T00:00:00Z", "end": "2030-01-01T01:00:00Z"}}
				""".formatted(endpoint);
	}

	@Autowired
	JdbcClient jdbc;

	@LocalServerPort
	int port;

	TestApi api() {
		return new TestApi(this.port);
	}

	/** Method, path with {kind} placeholders, body. */
	static Stream<Arguments> routesWithAnId() {
		return Stream.concat(
				VENDOR_CHANNELS.entrySet()
					.stream()
					.sorted(Map.Entry.comparingByKey())
					.flatMap((vendor) -> Stream.of(route("GET", "/api/v1/channels/{" + vendor.getKey() + "}", null),
							route("PUT", "/api/v1/channels/{" + vendor.getKey() + "}", vendor.getValue()),
							route("DELETE", "/api/v1/channels/{" + vendor.getKey() + "}", null))),
				fixedRoutesWithAnId());
	}

	static Stream<Arguments> fixedRoutesWithAnId() {
		return Stream.of(route("GET", "/api/v1/endpoints/{endpoint}", null),
				route("PUT", "/api/v1/endpoints/{endpoint}", ENDPOINT),
				route("PUT", "/api/v1/endpoints/{endpoint}", TCP_ENDPOINT),
				route("PUT", "/api/v1/endpoints/{endpoint}", DNS_ENDPOINT),
				route("POST", "/api/v1/endpoints/{endpoint}/pause", null),
				route("POST", "/api/v1/endpoints/{endpoint}/resume", null),
				route("DELETE", "/api/v1/endpoints/{endpoint}", null), route("GET", "/api/v1/channels/{channel}", null),
				route("PUT", "/api/v1/channels/{channel}", CHANNEL),
				route("DELETE", "/api/v1/channels/{channel}", null), route("GET", "/api/v1/policies/{policy}", null),
				route("PUT", "/api/v1/policies/{policy}", "{\"name\": \"Taken over\"}"),
				route("DELETE", "/api/v1/policies/{policy}", null),
				route("GET", "/api/v1/maintenance-windows/{window}", null),
				route("PUT", "/api/v1/maintenance-windows/{window}",
						"""
								{"name": "Taken over",
								 "schedule": {"type": "one-off", "start": "2030-01-01T00:00:00Z", "end": "2030-01-02T00:00:00Z"}}
								"""),
				route("DELETE", "/api/v1/maintenance-windows/{window}", null),
				route("DELETE", "/api/v1/tokens/{token}", null),
				route("DELETE", "/api/v1/probe-tokens/{probeToken}", null));
	}

	@ParameterizedTest(name = "{0} {1}")
	@MethodSource("routesWithAnId")
	void anotherOrganizationGetsNotFoundAndChangesNothing(String method, String path, String body) {
		String before = everything();

		TestApi.Response answer = api().send(method, resolve(path), TestTenants.OTHER_TOKEN,
				(body != null) ? "application/json" : null, body);

		assertThat(answer.status()).as(answer.body()).isEqualTo(404);
		assertThat(answer.header("Content-Type")).startsWith("application/problem+json");
		assertThat(everything()).isEqualTo(before);
	}

	/** Method, path, body of every call that changes something. */
	static Stream<Arguments> changingCalls() {
		return Stream.concat(routesWithAnId().filter((a) -> !a.get()[0].equals("GET")),
				Stream.of(route("POST", "/api/v1/endpoints", ENDPOINT.replace("Shop", "Viewer's")),
						route("POST", "/api/v1/channels", CHANNEL.replace("Ops", "Viewer's")),
						route("POST", "/api/v1/policies", "{\"name\": \"Viewer's\"}"),
						route("POST", "/api/v1/maintenance-windows", window("{endpoint}").replace("Deploy", "V")),
						route("POST", "/api/v1/tokens", "{\"name\": \"Viewer's\"}"),
						route("POST", "/api/v1/probe-tokens", "{\"name\": \"Viewer's\"}"),
						route("POST", "/api/v1/locations", "{\"name\": \"viewers\"}"),
						route("DELETE", "/api/v1/locations/asia", null),
						route("POST", "/api/v1/config", "endpoints: []")));
	}

	@ParameterizedTest(name = "{0} {1}")
	@MethodSource("changingCalls")
	void aViewerCanChangeNothing(String method, String path, String body) {
		String before = everything();

		TestApi.Response answer = api().send(method, resolve(path), TestTenants.VIEWER_TOKEN,
				(body == null) ? null : path.endsWith("/config") ? "application/yaml" : "application/json",
				(body != null) ? resolve(body) : null);

		assertThat(answer.status()).as(answer.body()).isEqualTo(403);
		assertThat(answer.header("Content-Type")).startsWith("application/problem+json");
		assertThat(everything()).isEqualTo(before);
	}

	@Test
	void aViewerCannotListProbeTokensWhichAreCredentials() {
		TestApi.Response answer = api().get("/api/v1/probe-tokens", TestTenants.VIEWER_TOKEN);

		assertThat(answer.status()).isEqualTo(403);
		assertThat(answer.header("Content-Type")).startsWith("application/problem+json");
		assertThat(answer.body()).doesNotContain(ids.get("probeToken"));
		assertThat(api().get("/api/v1/probe-tokens", TestTenants.ADMIN_TOKEN).body()).contains(ids.get("probeToken"));
	}

	@Test
	void aViewerReadsEverything() {
		for (String path : List.of("/api/v1/endpoints", "/api/v1/channels", "/api/v1/policies",
				"/api/v1/maintenance-windows", "/api/v1/locations", "/api/v1/config")) {
			TestApi.Response answer = api().get(path, TestTenants.VIEWER_TOKEN);
			assertThat(answer.status()).as(path).isEqualTo(200);
			assertThat(answer.header("Referrer-Policy")).as(path).isEqualTo("same-origin");
		}
	}

	@Test
	void anotherOrganizationCannotReferToDemosThings() {
		String before = everything();
		String otherEndpoint = id(api().post("/api/v1/endpoints", TestTenants.OTHER_TOKEN, ENDPOINT));

		TestApi.Response policy = api().post("/api/v1/policies", TestTenants.OTHER_TOKEN,
				policy(ids.get("endpoint"), ids.get("channel")));
		TestApi.Response window = api().post("/api/v1/maintenance-windows", TestTenants.OTHER_TOKEN,
				window(ids.get("endpoint")));
		TestApi.Response channelOnly = api().post("/api/v1/policies", TestTenants.OTHER_TOKEN, """
				{"name": "Borrowed channel", "endpointId": "%s", "channelIds": ["%s"]}
				""".formatted(otherEndpoint, ids.get("channel")));

		assertThat(policy.status()).isEqualTo(400);
		assertThat(policy.problemFields()).contains("endpointId", "channelIds");
		assertThat(window.status()).isEqualTo(400);
		assertThat(window.problemFields()).containsExactly("endpointIds");
		assertThat(channelOnly.status()).isEqualTo(400);
		assertThat(channelOnly.problemFields()).containsExactly("channelIds");
		api().delete("/api/v1/endpoints/" + otherEndpoint, TestTenants.OTHER_TOKEN);
		assertThat(everything()).isEqualTo(before);
	}

	@Test
	void listsShowOnlyTheCallersOrganization() {
		for (String path : List.of("/api/v1/endpoints", "/api/v1/channels", "/api/v1/policies",
				"/api/v1/maintenance-windows", "/api/v1/tokens", "/api/v1/probe-tokens")) {
			String body = api().get(path, TestTenants.OTHER_TOKEN).body();
			ids.values().forEach((id) -> assertThat(body).as(path).doesNotContain(id));
		}
		assertThat(api().get("/api/v1/config", TestTenants.OTHER_TOKEN).body()).doesNotContain("Shop", "Ops");
	}

	/** A fingerprint of every row an API call could change. */
	private String everything() {
		StringBuilder all = new StringBuilder();
		for (String table : List.of("endpoints", "notification_channels", "alert_policies", "maintenance_windows",
				"api_tokens", "probe_tokens", "locations")) {
			// Tokens note when they were last used; that is not a change made by a call.
			String row = table.equals("api_tokens") ? "(t.id, t.token_sha256, t.name)::text" : "t::text";
			all.append(table)
				.append(this.jdbc
					.sql("SELECT coalesce(md5(string_agg(" + row + ", ',' ORDER BY " + row + ")), '') FROM " + table
							+ " t")
					.query(String.class)
					.single());
		}
		return all.toString();
	}

	private static String resolve(String text) {
		String resolved = text;
		for (Map.Entry<String, String> id : ids.entrySet()) {
			resolved = resolved.replace("{" + id.getKey() + "}", id.getValue());
		}
		return resolved;
	}

	private static Arguments route(String method, String path, String body) {
		return Arguments.of(method, path, body);
	}

	private static String id(TestApi.Response answer) {
		assertThat(answer.status()).as(answer.body()).isEqualTo(201);
		return answer.json().path("id").asString();
	}

}
