package io.pepper.admin.api;

import java.util.List;
import java.util.UUID;

import io.pepper.admin.TestApi;
import io.pepper.admin.TestTenants;
import io.pepper.contracts.v1.EndpointSpec;
import io.pepper.contracts.v1.ProbeEndpointList;
import io.pepper.contracts.v1.WireJson;
import io.pepper.testsupport.LocalPostgres;
import io.pepper.testsupport.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@DirtiesContext
class EndpointLifecycleTest {

	static final TestDatabase DATABASE = LocalPostgres.fromEnvironment().createDatabase("admin_lifecycle");

	static final String PATH = "/api/v1/endpoints";

	@DynamicPropertySource
	static void properties(DynamicPropertyRegistry registry) {
		TestApi.configure(registry, DATABASE);
	}

	@BeforeAll
	static void tenants(@Autowired ApplicationContext context) {
		TestTenants.create(context);
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

	@Test
	void replacesEverySettingAndRefusesATakenName() {
		String id = create("Replace me", "asia", "[\"a\"]");
		create("Taken by another", "asia", "[]");

		TestApi.Response replaced = api().put(PATH + "/" + id, TestApi.OWNER_TOKEN, """
				{"name": "Replaced", "url": "https://replaced.example.com/v2", "method": "HEAD", "timeoutMs": 3000,
				 "intervalSeconds": 300, "locations": ["eu-west", "asia"], "tags": ["b"]}
				""");
		TestApi.Response taken = api().put(PATH + "/" + id, TestApi.OWNER_TOKEN, """
				{"name": "Taken by another", "url": "https://x.example.com/", "locations": ["asia"]}
				""");

		assertThat(replaced.status()).as(replaced.body()).isEqualTo(200);
		JsonNode endpoint = api().get(PATH + "/" + id, TestApi.OWNER_TOKEN).json();
		assertThat(endpoint.path("name").asString()).isEqualTo("Replaced");
		assertThat(endpoint.path("method").asString()).isEqualTo("HEAD");
		assertThat(endpoint.path("intervalSeconds").asInt()).isEqualTo(300);
		assertThat(endpoint.path("locations").toString()).isEqualTo("[\"eu-west\",\"asia\"]");
		assertThat(endpoint.path("tags").toString()).isEqualTo("[\"b\"]");
		assertThat(taken.status()).isEqualTo(409);
		assertThat(taken.problemFields()).containsExactly("name");
		assertThat(api().get(PATH + "/" + id, TestApi.OWNER_TOKEN).json().path("name").asString())
			.isEqualTo("Replaced");
	}

	@Test
	void pausedEndpointsLeaveTheProbeFeedUntilResumed() {
		String id = create("Pausable", "local", "[]");
		assertThat(feed("local")).contains(UUID.fromString(id));

		TestApi.Response paused = api().post(PATH + "/" + id + "/pause", TestTenants.ADMIN_TOKEN, "");
		assertThat(paused.status()).isEqualTo(200);
		assertThat(paused.json().path("enabled").asBoolean()).isFalse();
		assertThat(feed("local")).doesNotContain(UUID.fromString(id));
		assertThat(api().post(PATH + "/" + id + "/pause", TestTenants.ADMIN_TOKEN, "").status()).isEqualTo(200);

		TestApi.Response resumed = api().post(PATH + "/" + id + "/resume", TestTenants.ADMIN_TOKEN, "");
		assertThat(resumed.json().path("enabled").asBoolean()).isTrue();
		assertThat(feed("local")).contains(UUID.fromString(id));
	}

	@Test
	void deletedEndpointsAreGoneEverywhere() {
		String id = create("Doomed", "local", "[]");
		String window = api().post("/api/v1/maintenance-windows", TestApi.OWNER_TOKEN, """
				{"name": "Doomed window", "endpointIds": ["%s"],
				 "schedule": {"type": "one-off", "start": "2030-01-01T00:00:00Z", "end": "2030-01-01T01:00:00Z"}}
				""".formatted(id)).json().path("id").asString();
		api().post("/api/v1/policies", TestApi.OWNER_TOKEN, """
				{"name": "Doomed policy", "endpointId": "%s"}
				""".formatted(id));

		assertThat(api().delete(PATH + "/" + id, TestApi.OWNER_TOKEN).status()).isEqualTo(204);

		assertThat(api().get(PATH + "/" + id, TestApi.OWNER_TOKEN).status()).isEqualTo(404);
		assertThat(api().delete(PATH + "/" + id, TestApi.OWNER_TOKEN).status()).isEqualTo(404);
		assertThat(feed("local")).doesNotContain(UUID.fromString(id));
		assertThat(api().get("/api/v1/maintenance-windows/" + window, TestApi.OWNER_TOKEN).json().path("endpointIds"))
			.isEmpty();
		assertThat(api().get("/api/v1/policies", TestApi.OWNER_TOKEN).body()).doesNotContain("Doomed policy");
	}

	@Test
	void searchesFiltersByTagAndPages() {
		for (int i = 0; i < 5; i++) {
			create("Search-" + i + " 100%_done", "local", (i % 2 == 0) ? "[\"even\"]" : "[\"odd\"]");
		}
		create("Search-x other", "local", "[]");

		TestApi.Response firstPage = api().get(PATH + "?q=100%25_done&size=2", TestTenants.VIEWER_TOKEN);
		TestApi.Response lastPage = api().get(PATH + "?q=100%25_done&size=2&page=2", TestTenants.VIEWER_TOKEN);
		TestApi.Response even = api().get(PATH + "?q=search-&tag=even", TestTenants.VIEWER_TOKEN);
		TestApi.Response byUrl = api().get(PATH + "?q=SEARCH-X-OTHER.example", TestTenants.VIEWER_TOKEN);

		assertThat(names(firstPage)).containsExactly("Search-0 100%_done", "Search-1 100%_done");
		assertThat(firstPage.header("X-Total-Count")).isEqualTo("5");
		assertThat(names(lastPage)).containsExactly("Search-4 100%_done");
		assertThat(names(even)).containsExactly("Search-0 100%_done", "Search-2 100%_done", "Search-4 100%_done");
		assertThat(names(byUrl)).containsExactly("Search-x other");
		for (String bad : List.of("page=-1", "size=0", "size=1001", "page=x")) {
			TestApi.Response answer = api().get(PATH + "?" + bad, TestTenants.VIEWER_TOKEN);
			assertThat(answer.status()).as(bad).isEqualTo(400);
			assertThat(answer.problemFields()).containsExactly(bad.substring(0, bad.indexOf('=')));
		}
	}

	@Test
	void personalTokensAreShownOnceWorkAndCanBeRevoked() {
		TestApi.Response created = api().post("/api/v1/tokens", TestApi.OWNER_TOKEN, "{\"name\": \"CI\"}");
		assertThat(created.status()).isEqualTo(201);
		String token = created.json().path("token").asString();
		String id = created.json().path("id").asString();
		assertThat(token).startsWith("pep_").hasSizeGreaterThan(40);

		assertThat(api().get(PATH, token).status()).isEqualTo(200);
		String listed = api().get("/api/v1/tokens", TestApi.OWNER_TOKEN).body();
		assertThat(listed).contains(id, "••••" + token.substring(token.length() - 4)).doesNotContain(token);
		assertThat(this.jdbc.sql("SELECT count(*) FROM api_tokens WHERE token_sha256 = :t OR name = :t")
			.param("t", token)
			.query(Long.class)
			.single()).isZero();

		assertThat(api().delete("/api/v1/tokens/" + id, TestApi.OWNER_TOKEN).status()).isEqualTo(204);
		assertThat(api().get(PATH, token).status()).isEqualTo(401);
		assertThat(api().get("/api/v1/tokens", TestTenants.ADMIN_TOKEN).body()).doesNotContain(id);
	}

	@Test
	void anOrganizationsProbeTokenSeesOnlyItsEndpointsUntilRevoked() {
		String demo = create("Demo at eu-west", "eu-west", "[]");
		String other = api().post(PATH, TestTenants.OTHER_TOKEN, """
				{"name": "Other at eu-west", "url": "https://other.example.com/", "locations": ["eu-west"]}
				""").json().path("id").asString();
		TestApi.Response created = api().post("/api/v1/probe-tokens", TestApi.OWNER_TOKEN, "{\"name\": \"Own probe\"}");
		String token = created.json().path("token").asString();

		TestApi.Response own = api().get(ProbeEndpointList.PATH + "?location=eu-west", token);
		assertThat(ids(own)).contains(UUID.fromString(demo)).doesNotContain(UUID.fromString(other));
		assertThat(feed("eu-west")).contains(UUID.fromString(demo), UUID.fromString(other));
		assertThat(api().get("/api/v1/probe-tokens", TestApi.OWNER_TOKEN).body()).doesNotContain(token)
			.contains("Own probe");

		api().delete("/api/v1/probe-tokens/" + created.json().path("id").asString(), TestApi.OWNER_TOKEN);
		assertThat(api().get(ProbeEndpointList.PATH + "?location=eu-west", token).status()).isEqualTo(401);
	}

	@Test
	void onlyOperatorsAddAndRetireLocationsWhichOrganizationsChooseAmong() {
		String location = "{\"name\": \"us-east\"}";
		for (String token : List.of(TestApi.OWNER_TOKEN, TestTenants.ADMIN_TOKEN, TestTenants.OTHER_TOKEN)) {
			TestApi.Response refused = api().post("/api/v1/locations", token, location);
			assertThat(refused.status()).as(refused.body()).isEqualTo(403);
			assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
		}
		assertThat(api().get("/api/v1/locations", TestTenants.VIEWER_TOKEN).body()).doesNotContain("us-east");

		assertThat(api().post("/api/v1/locations", TestTenants.OPERATOR_TOKEN, location).status()).isEqualTo(201);
		assertThat(api().post("/api/v1/locations", TestTenants.OPERATOR_TOKEN, location).status()).isEqualTo(409);
		assertThat(api().get("/api/v1/locations", TestTenants.VIEWER_TOKEN).body()).contains("us-east");
		String endpoint = create("In us-east", "us-east", "[]");

		assertThat(api().delete("/api/v1/locations/us-east", TestApi.OWNER_TOKEN).status()).isEqualTo(403);
		TestApi.Response inUse = api().delete("/api/v1/locations/us-east", TestTenants.OPERATOR_TOKEN);
		assertThat(inUse.status()).isEqualTo(409);
		assertThat(inUse.problemFields()).containsExactly("name");
		api().delete(PATH + "/" + endpoint, TestApi.OWNER_TOKEN);
		assertThat(api().delete("/api/v1/locations/us-east", TestTenants.OPERATOR_TOKEN).status()).isEqualTo(204);

		assertThat(api().get("/api/v1/locations", TestTenants.VIEWER_TOKEN).body()).doesNotContain("us-east")
			.contains("eu-west");
		TestApi.Response retired = api().post(PATH, TestApi.OWNER_TOKEN,
				"{\"name\": \"Retired\", \"url\": \"https://r.example.com/\", \"locations\": [\"us-east\"]}");
		assertThat(retired.status()).isEqualTo(400);
		assertThat(retired.problemFields()).containsExactly("locations");
		assertThat(api().delete("/api/v1/locations/us-east", TestTenants.OPERATOR_TOKEN).status()).isEqualTo(404);
		assertThat(api().post("/api/v1/locations", TestTenants.OPERATOR_TOKEN, location).status()).isEqualTo(409);
	}

	private List<UUID> feed(String location) {
		return ids(api().get(ProbeEndpointList.PATH + "?location=" + location, TestApi.PROBE_TOKEN));
	}

	private static List<UUID> ids(TestApi.Response answer) {
		assertThat(answer.status()).as(answer.body()).isEqualTo(200);
		return WireJson.mapper()
			.readValue(answer.body(), ProbeEndpointList.class)
			.endpoints()
			.stream()
			.map(EndpointSpec::id)
			.toList();
	}

	private static List<String> names(TestApi.Response answer) {
		assertThat(answer.status()).as(answer.body()).isEqualTo(200);
		return answer.json().valueStream().map((e) -> e.path("name").asString()).toList();
	}

	private String create(String name, String location, String tags) {
		TestApi.Response answer = api().post(PATH, TestApi.OWNER_TOKEN, """
				{"name": "%s", "url": "https://%s.example.com/", "locations": ["%s"], "tags": %s}
				""".formatted(name, name.toLowerCase().replaceAll("[^a-z0-9-]", "-"), location, tags));
		assertThat(answer.status()).as(answer.body()).isEqualTo(201);
		return answer.json().path("id").asString();
	}

}
