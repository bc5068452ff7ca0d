package io.pepper.admin.api;

import io.pepper.admin.TestApi;
import io.pepper.testsupport.LocalPostgres;
import io.pepper.testsupport.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

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

}
