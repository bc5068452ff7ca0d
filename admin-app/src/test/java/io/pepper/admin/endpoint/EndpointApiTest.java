package io.pepper.admin.endpoint;

import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.stream.Stream;

import io.pepper.admin.AdminProperties;
import io.pepper.admin.TestApi;
import io.pepper.admin.bootstrap.Bootstrap;
import io.pepper.admin.organization.Membership;
import io.pepper.admin.organization.MembershipId;
import io.pepper.admin.organization.Memberships;
import io.pepper.admin.organization.Organizations;
import io.pepper.admin.organization.Role;
import io.pepper.admin.token.ApiToken;
import io.pepper.admin.token.ApiTokens;
import io.pepper.contracts.auth.BearerTokens;
import io.pepper.admin.user.User;
import io.pepper.admin.user.Users;
import io.pepper.contracts.v1.WireJson;
import io.pepper.testsupport.LocalPostgres;
import io.pepper.testsupport.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@DirtiesContext
class EndpointApiTest {

	static final TestDatabase DATABASE = LocalPostgres.fromEnvironment().createDatabase("admin_endpoints");

	static final String OTHER_TOKEN = "other-org-token-0123456789abcdef0123456789";

	static final String VIEWER_TOKEN = "viewer-token-0123456789abcdef0123456789ab";

	static final String PATH = "/api/v1/endpoints";

	static final String TAKEN_NAME = "Already taken";

	@DynamicPropertySource
	static void properties(DynamicPropertyRegistry registry) {
		TestApi.configure(registry, DATABASE);
	}

	/** A second organization with its own owner token, and a viewer in Demo. */
	@BeforeAll
	static void otherCallers(@Autowired Bootstrap bootstrap, @Autowired Organizations organizations,
			@Autowired Users users, @Autowired Memberships memberships, @Autowired ApiTokens apiTokens,
			@Autowired EndpointService endpoints) {
		bootstrap.run(new AdminProperties.Bootstrap("Other", "other@example.com", null,
				BearerTokens.sha256Hex(OTHER_TOKEN), null, List.of()));
		UUID demo = organizations.findByName("Demo").orElseThrow().getId();
		User viewer = users.save(new User("viewer@example.com"));
		memberships.save(new Membership(new MembershipId(viewer.getId(), demo), Role.VIEWER));
		apiTokens.save(new ApiToken(viewer.getId(), demo, BearerTokens.sha256Hex(VIEWER_TOKEN), "viewer"));
		endpoints.create(demo, new EndpointRequest(TAKEN_NAME, "https://taken.example.com/", null, null, null, null,
				null, null, null, null, null, null, List.of("local"), null));
	}

	@AfterAll
	static void dropDatabase() {
		DATABASE.close();
	}

	@Autowired
	Endpoints endpoints;

	@Autowired
	Organizations organizations;

	@LocalServerPort
	int port;

	TestApi api() {
		return new TestApi(this.port);
	}

	@Test
	void createsEndpointWithDefaultsAndReadsItBack() {
		TestApi.Response created = api().post(PATH, TestApi.OWNER_TOKEN, """
				{"name": "Shop health", "url": "https://shop.example.com/health", "locations": ["local"]}
				""");

		assertThat(created.status()).isEqualTo(201);
		JsonNode endpoint = created.json();
		String id = endpoint.path("id").asString();
		assertThat(UUID.fromString(id)).isNotNull();
		assertThat(created.header("Location")).endsWith(PATH + "/" + id);
		assertThat(endpoint.path("name").asString()).isEqualTo("Shop health");
		assertThat(endpoint.path("url").asString()).isEqualTo("https://shop.example.com/health");
		assertThat(endpoint.path("method").asString()).isEqualTo("GET");
		assertThat(endpoint.path("timeoutMs").asInt()).isEqualTo(10_000);
		assertThat(endpoint.path("apdexThresholdMs").asInt()).isEqualTo(500);
		assertThat(endpoint.path("intervalSeconds").asInt()).isEqualTo(60);
		assertThat(endpoint.path("followRedirects").asBoolean()).isFalse();
		assertThat(endpoint.path("httpVersion").asString()).isEqualTo("AUTO");
		assertThat(endpoint.path("enabled").asBoolean()).isTrue();
		assertThat(endpoint.path("organizationId").asString()).isEqualTo(demoId().toString());

		TestApi.Response read = api().get(PATH + "/" + id, TestApi.OWNER_TOKEN);
		assertThat(read.status()).isEqualTo(200);
		assertThat(read.json()).isEqualTo(endpoint);
		TestApi.Response list = api().get(PATH, TestApi.OWNER_TOKEN);
		assertThat(list.status()).isEqualTo(200);
		assertThat(list.json().valueStream().map((e) -> e.path("id").asString())).contains(id);
	}

	@Test
	void keepsEverySetting() {
		TestApi.Response created = api().post(PATH, TestApi.OWNER_TOKEN, """
				{"name": "Orders API", "url": "http://orders.example.com:8080/v1/ping?deep=true", "method": "POST",
				 "headers": {"X-Probe": "pepper", "Accept": "application/json"}, "body": "{\\"ping\\":1}",
				 "expectedStatus": [{"from": 200, "to": 204}, {"from": 301, "to": 301}],
				 "assertions": [{"type": "keyword-present", "keyword": "pong"},
				                {"type": "json-path-equals", "path": "$.status", "expected": "ok"}],
				 "timeoutMs": 2500, "followRedirects": true, "apdexThresholdMs": 300, "intervalSeconds": 30,
				 "enabled": false, "locations": ["local", "eu-west"], "tags": ["orders", "critical"],
				 "httpVersion": "HTTP_1_1"}
				""");

		assertThat(created.status()).isEqualTo(201);
		JsonNode endpoint = api().get(PATH + "/" + created.json().path("id").asString(), TestApi.OWNER_TOKEN).json();
		assertThat(endpoint.path("method").asString()).isEqualTo("POST");
		assertThat(endpoint.path("headers").path("X-Probe").asString()).isEqualTo("pepper");
		assertThat(endpoint.path("body").asString()).isEqualTo("{\"ping\":1}");
		assertThat(endpoint.path("expectedStatus").toString())
			.isEqualTo("[{\"from\":200,\"to\":204},{\"from\":301,\"to\":301}]");
		assertThat(endpoint.path("assertions").get(1).path("type").asString()).isEqualTo("json-path-equals");
		assertThat(endpoint.path("assertions").get(1).path("expected").asString()).isEqualTo("ok");
		assertThat(endpoint.path("timeoutMs").asInt()).isEqualTo(2500);
		assertThat(endpoint.path("followRedirects").asBoolean()).isTrue();
		assertThat(endpoint.path("enabled").asBoolean()).isFalse();
		assertThat(endpoint.path("locations").toString()).isEqualTo("[\"local\",\"eu-west\"]");
		assertThat(endpoint.path("tags").toString()).isEqualTo("[\"orders\",\"critical\"]");
		assertThat(endpoint.path("httpVersion").asString()).isEqualTo("HTTP_1_1");
	}

	@Test
	void anotherOrganizationNeitherSeesNorFindsTheEndpoint() {
		String id = api().post(PATH, TestApi.OWNER_TOKEN, """
				{"name": "Private", "url": "https://private.example.com/", "locations": ["local"]}
				""").json().path("id").asString();

		TestApi.Response read = api().get(PATH + "/" + id, OTHER_TOKEN);
		assertThat(read.status()).isEqualTo(404);
		assertThat(read.header("Content-Type")).startsWith("application/problem+json");
		assertThat(read.json().path("status").asInt()).isEqualTo(404);
		assertThat(api().get(PATH, OTHER_TOKEN).json().valueStream().map((e) -> e.path("id").asString()))
			.doesNotContain(id);
		assertThat(api().get(PATH + "/" + UUID.randomUUID(), TestApi.OWNER_TOKEN).status()).isEqualTo(404);
	}

	@Test
	void rejectsCallersWithoutAValidApiToken() {
		String body = """
				{"name": "Nope", "url": "https://nope.example.com/", "locations": ["local"]}
				""";
		for (String token : new String[] { null, "not-a-token", TestApi.PROBE_TOKEN }) {
			TestApi.Response answer = api().post(PATH, token, body);
			assertThat(answer.status()).as("token %s", token).isEqualTo(401);
			assertThat(answer.header("WWW-Authenticate")).startsWith("Bearer");
			assertThat(answer.header("Content-Type")).startsWith("application/problem+json");
			assertThat(answer.json().path("status").asInt()).isEqualTo(401);
			assertThat(api().get(PATH, token).status()).isEqualTo(401);
		}
	}

	@Test
	void viewerReadsButCannotCreate() {
		long before = this.endpoints.countByOrganizationId(demoId());
		TestApi.Response answer = api().post(PATH, VIEWER_TOKEN, """
				{"name": "By a viewer", "url": "https://viewer.example.com/", "locations": ["local"]}
				""");
		assertThat(answer.status()).isEqualTo(403);
		assertThat(answer.header("Content-Type")).startsWith("application/problem+json");
		assertThat(this.endpoints.countByOrganizationId(demoId())).isEqualTo(before);
		assertThat(api().get(PATH, VIEWER_TOKEN).status()).isEqualTo(200);
	}

	static Stream<Arguments> badInput() {
		return Stream.of(bad("ftp scheme", (o) -> o.put("url", "ftp://files.example.com/x"), 400, "url"),
				bad("relative url", (o) -> o.put("url", "/health"), 400, "url"),
				bad("url without host", (o) -> o.put("url", "http:///health"), 400, "url"),
				bad("CR LF in a header value", (o) -> o.putObject("headers").put("X-Test", "a\r\nInjected: yes"), 400,
						"headers"),
				bad("header name with a space", (o) -> o.putObject("headers").put("Bad Name", "x"), 400, "headers"),
				bad("timeout 0", (o) -> o.put("timeoutMs", 0), 400, "timeoutMs"),
				bad("timeout 999999", (o) -> o.put("timeoutMs", 999_999), 400, "timeoutMs"),
				bad("apdex threshold 0", (o) -> o.put("apdexThresholdMs", 0), 400, "apdexThresholdMs"),
				bad("interval 5 s", (o) -> o.put("intervalSeconds", 5), 400, "intervalSeconds"),
				bad("unknown field", (o) -> o.put("timeout", 5000), 400, "timeout"),
				bad("duplicate name", (o) -> o.put("name", TAKEN_NAME), 409, "name"),
				bad("unknown location", (o) -> o.putArray("locations").add("local").add("mars"), 400, "locations"),
				bad("no locations", (o) -> o.putArray("locations"), 400, "locations"),
				bad("blank name", (o) -> o.put("name", " "), 400, "name"),
				bad("name of 201 characters", (o) -> o.put("name", "n".repeat(201)), 400, "name"),
				bad("unknown method", (o) -> o.put("method", "FETCH"), 400, "method"),
				bad("unknown HTTP version", (o) -> o.put("httpVersion", "HTTP_3"), 400, "httpVersion"),
				bad("inverted status range",
						(o) -> o.putArray("expectedStatus").addObject().put("from", 300).put("to", 200), 400,
						"expectedStatus"),
				bad("unknown assertion type",
						(o) -> o.putArray("assertions").addObject().put("type", "regex").put("pattern", "x"), 400,
						"assertions"));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("badInput")
	void rejectsBadInputNamingTheFieldAndStoresNothing(String name, String body, int status, String field) {
		long before = this.endpoints.countByOrganizationId(demoId());

		TestApi.Response answer = api().post(PATH, TestApi.OWNER_TOKEN, body);

		assertThat(answer.status()).isEqualTo(status);
		assertThat(answer.header("Content-Type")).startsWith("application/problem+json");
		assertThat(answer.json().path("status").asInt()).isEqualTo(status);
		assertThat(answer.json().path("detail").asString()).contains(field);
		assertThat(answer.problemFields()).anySatisfy((named) -> assertThat(named).startsWith(field));
		assertThat(this.endpoints.countByOrganizationId(demoId())).isEqualTo(before);
	}

	@Test
	void rejectsMalformedJson() {
		TestApi.Response answer = api().post(PATH, TestApi.OWNER_TOKEN, "{\"name\": ");
		assertThat(answer.status()).isEqualTo(400);
		assertThat(answer.header("Content-Type")).startsWith("application/problem+json");
		assertThat(answer.json().path("detail").asString()).startsWith("Malformed request body");
	}

	private UUID demoId() {
		return this.organizations.findByName("Demo").orElseThrow().getId();
	}

	private static Arguments bad(String name, Consumer<ObjectNode> edit, int status, String field) {
		ObjectNode body = WireJson.mapper().createObjectNode();
		body.put("name", "Valid " + UUID.randomUUID());
		body.put("url", "https://valid.example.com/health");
		body.putArray("locations").add("local");
		edit.accept(body);
		return Arguments.of(name, body.toString(), status, field);
	}

}
