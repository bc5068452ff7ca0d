package io.pepper.admin.api;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import io.pepper.admin.TestApi;
import io.pepper.testsupport.LocalPostgres;
import io.pepper.testsupport.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * The served OpenAPI description ({@code /v3/api-docs}) against what the API does: names,
 * status codes, problem details, discriminators and examples, and a lint with the pinned
 * Redocly CLI. {@code scripts/test} installs that CLI into the project and names its
 * binary in {@code PEPPER_REDOCLY}; it also sets {@code PEPPER_REQUIRE_REDOCLY=true}, so
 * there a missing CLI fails the lint instead of skipping it. Nothing is downloaded here.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@DirtiesContext
class OpenApiTest {

	static final TestDatabase DATABASE = LocalPostgres.fromEnvironment().createDatabase("admin_openapi");

	@DynamicPropertySource
	static void properties(DynamicPropertyRegistry registry) {
		TestApi.configure(registry, DATABASE);
	}

	@AfterAll
	static void dropDatabase() {
		DATABASE.close();
	}

	@LocalServerPort
	int port;

	@Test
	void describesTheWholeApiWithoutLogin() {
		TestApi.Response answer = new TestApi(this.port).get("/v3/api-docs", null);

		assertThat(answer.status()).as(answer.body()).isEqualTo(200);
		JsonNode paths = answer.json().path("paths");
		assertThat(paths.propertyNames()).contains("/api/v1/endpoints", "/api/v1/endpoints/{id}",
				"/api/v1/endpoints/{id}/pause", "/api/v1/channels/{id}", "/api/v1/policies/{id}",
				"/api/v1/maintenance-windows/{id}", "/api/v1/tokens", "/api/v1/probe-tokens", "/api/v1/locations",
				"/api/v1/config", "/api/probe/v1/endpoints", "/api/service/v1/alerting");
		assertThat(answer.json().path("components").path("schemas").propertyNames()).contains("ChannelRequest",
				"PolicyRequest", "EndpointRequest", "ConfigDocument");
		JsonNode endpoint = answer.json().path("components").path("schemas").path("EndpointRequest");
		assertThat(endpoint.path("properties").propertyNames()).contains("kind", "settings");
		assertThat(endpoint.path("properties").path("kind").path("enum").toString())
			.isEqualTo("[\"HTTP\",\"TCP\",\"DNS\",\"TLS\"]");
		assertThat(answer.json().path("components").path("schemas").toString()).contains("recordType", "expectedRcode",
				"expiryWarningDays", "\"expect\"");
		assertThat(answer.json().path("components").path("securitySchemes").path("bearer").path("scheme").asString())
			.isEqualTo("bearer");
	}

	@Test
	void servesTheApiBrowserWithoutLogin() {
		TestApi.Response answer = new TestApi(this.port).get("/swagger-ui/index.html", null);

		assertThat(answer.status()).isEqualTo(200);
		assertThat(answer.body()).contains("swagger-ui");
	}

	@Test
	void theServedDocumentPassesTheRedoclyLint(@TempDir Path dir) throws IOException, InterruptedException {
		String redocly = System.getenv("PEPPER_REDOCLY");
		if (redocly == null || redocly.isBlank()) {
			if (Boolean.parseBoolean(System.getenv("PEPPER_REQUIRE_REDOCLY"))) {
				fail("PEPPER_REQUIRE_REDOCLY is true but PEPPER_REDOCLY names no Redocly CLI binary");
			}
			Assumptions.abort("PEPPER_REDOCLY is not set; scripts/test installs the Redocly CLI and sets it");
		}
		Path spec = dir.resolve("openapi.json");
		Files.writeString(spec, document().toString(), StandardCharsets.UTF_8);
		Path output = dir.resolve("lint.txt");

		Process lint = new ProcessBuilder(redocly, "lint", "--format=stylish", spec.toString())
			.redirectErrorStream(true)
			.redirectOutput(output.toFile())
			.start();
		boolean finished = lint.waitFor(120, TimeUnit.SECONDS);
		if (!finished) {
			lint.destroyForcibly();
		}
		String report = Files.readString(output, StandardCharsets.UTF_8);

		assertThat(finished).as("redocly lint finished within 120 s").isTrue();
		assertThat(lint.exitValue()).as(report).isZero();
		assertThat(report).as(report).contains("Your API description is valid").doesNotContain(" error ");
	}

	@Test
	void namesSummarizesAndTagsEveryOperation() {
		List<String> ids = new ArrayList<>();
		operations(document()).forEach((where, operation) -> {
			String id = operation.path("operationId").asString("");
			assertThat(id).as(where).matches("[a-z][A-Za-z]+");
			assertThat(operation.path("summary").asString("")).as(where).isNotBlank();
			assertThat(operation.path("description").asString("")).as(where).isNotBlank();
			assertThat(operation.path("tags").size()).as(where).isEqualTo(1);
			ids.add(id);
		});
		assertThat(ids).doesNotHaveDuplicates()
			.contains("listEndpoints", "createEndpoint", "getEndpoint", "updateEndpoint", "deleteEndpoint",
					"pauseEndpoint", "createChannel", "listChannels", "createPolicy", "createMaintenanceWindow",
					"listLocations", "exportConfig", "importConfig", "createApiToken", "revokeProbeToken");
	}

	@Test
	void documentsTheStatusCodesTheApiAnswers() {
		JsonNode document = document();
		operations(document).forEach((where, operation) -> {
			JsonNode responses = operation.path("responses");
			if (where.startsWith("DELETE ")) {
				assertThat(responses.propertyNames()).as(where).contains("204").doesNotContain("200");
			}
			if (where.startsWith("POST ") && operation.path("operationId").asString().startsWith("create")) {
				assertThat(responses.propertyNames()).as(where).contains("201").doesNotContain("200");
				assertThat(responses.path("201").path("headers").has("Location")).as(where).isTrue();
			}
			assertThat(responses.propertyNames()).as(where).contains("401");
			for (String status : responses.propertyNames()) {
				if (status.startsWith("4") || status.startsWith("5")) {
					assertThat(responses.path(status)
						.path("content")
						.path("application/problem+json")
						.path("schema")
						.path("$ref")
						.asString("")).as(where + " " + status).isEqualTo("#/components/schemas/ProblemDetail");
				}
			}
		});
		JsonNode schemas = document.path("components").path("schemas");
		assertThat(schemas.path("ProblemDetail").path("properties").propertyNames()).contains("type", "title", "status",
				"detail", "instance", "errors");
		assertThat(
				schemas.path("ProblemDetail").path("properties").path("errors").path("items").path("$ref").asString())
			.isEqualTo("#/components/schemas/FieldError");
		assertThat(schemas.path("FieldError").path("required").toString()).isEqualTo("[\"field\",\"message\"]");
		JsonNode endpoints = document.path("paths").path("/api/v1/endpoints");
		assertThat(endpoints.path("post").path("responses").propertyNames()).contains("400", "403", "409", "413",
				"415");
		assertThat(endpoints.path("get").path("responses").path("200").path("headers").has("X-Total-Count")).isTrue();
		assertThat(document.path("paths").path("/api/v1/channels/{id}").path("delete").path("responses").has("409"))
			.isTrue();
		assertThat(document.path("paths").path("/api/v1/config").path("post").path("responses").has("503")).isTrue();
		assertThat(document.path("paths").path("/api/v1/endpoints/{id}").path("get").path("responses").has("404"))
			.isTrue();
	}

	@Test
	void mapsTheTypeNamesTheServerAcceptsAndPagesWithIntegers() {
		JsonNode document = document();
		JsonNode schemas = document.path("components").path("schemas");
		assertThat(schemas.path("BodyAssertion").path("discriminator").path("mapping").toString()).isEqualTo(
				"{\"keyword-present\":\"#/components/schemas/KeywordPresent\",\"keyword-absent\":\"#/components/schemas/KeywordAbsent\",\"json-path-equals\":\"#/components/schemas/JsonPathEquals\"}");
		assertThat(schemas.path("CheckSettings").path("discriminator").path("mapping").propertyNames())
			.containsExactly("tcp", "dns", "tls");
		assertThat(schemas.path("Schedule").path("discriminator").path("mapping").propertyNames())
			.containsExactly("one-off", "weekly");
		assertThat(schemas.path("EndpointRequest")
			.path("properties")
			.path("assertions")
			.path("items")
			.path("discriminator")
			.path("mapping")
			.path("keyword-present")
			.asString()).isEqualTo("#/components/schemas/KeywordPresent");
		assertThat(schemas.path("ChannelRequest").path("properties").path("type").path("enum").toString())
			.contains("\"webhook\"", "\"pagerduty\"");
		for (JsonNode parameter : document.path("paths").path("/api/v1/endpoints").path("get").path("parameters")) {
			if (List.of("page", "size").contains(parameter.path("name").asString())) {
				assertThat(parameter.path("schema").path("type").asString()).as(parameter.toString())
					.isEqualTo("integer");
				assertThat(parameter.path("schema").path("maximum").asInt())
					.isEqualTo(parameter.path("name").asString().equals("size") ? 1000 : 1_000_000);
			}
		}
		assertThat(document.path("info").path("license").path("url").asString()).startsWith("https://");
	}

	/**
	 * Each documented request body example is a body the API takes: creating with it
	 * answers 201 with a Location, and deleting that location answers 204, as documented.
	 */
	@Test
	void theRequestExamplesAreAcceptedAsDocumented() {
		JsonNode paths = document().path("paths");
		TestApi api = new TestApi(this.port);
		for (String path : List.of("/api/v1/endpoints", "/api/v1/channels", "/api/v1/policies",
				"/api/v1/maintenance-windows", "/api/v1/tokens", "/api/v1/probe-tokens")) {
			JsonNode example = paths.path(path)
				.path("post")
				.path("requestBody")
				.path("content")
				.path("application/json")
				.path("example");
			assertThat(example.isObject()).as(path).isTrue();

			TestApi.Response created = api.post(path, TestApi.OWNER_TOKEN, example.toString());

			assertThat(created.status()).as(path + ": " + created.body()).isEqualTo(201);
			String location = created.header("Location");
			assertThat(location).as(path).isNotNull().contains(path + "/");
			String relative = location.substring(location.indexOf(path));
			assertThat(api.delete(relative, TestApi.OWNER_TOKEN).status()).as(relative).isEqualTo(204);
		}
	}

	private JsonNode document() {
		TestApi.Response answer = new TestApi(this.port).get("/v3/api-docs", null);
		assertThat(answer.status()).as(answer.body()).isEqualTo(200);
		return answer.json();
	}

	/**
	 * Every operation, keyed by its method and path such as
	 * {@code "POST /api/v1/endpoints"}.
	 */
	private static Map<String, JsonNode> operations(JsonNode document) {
		Map<String, JsonNode> operations = new java.util.LinkedHashMap<>();
		for (Map.Entry<String, JsonNode> path : document.path("paths").properties()) {
			for (Map.Entry<String, JsonNode> operation : path.getValue().properties()) {
				operations.put(operation.getKey().toUpperCase(java.util.Locale.ROOT) + " " + path.getKey(),
						operation.getValue());
			}
		}
		assertThat(operations).hasSizeGreaterThan(30);
		return operations;
	}

}
