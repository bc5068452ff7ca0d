package io.pepper.admin.security;

import io.pepper.admin.TestApi;
import io.pepper.contracts.auth.BearerTokens;
import io.pepper.testsupport.LocalPostgres;
import io.pepper.testsupport.PrometheusText;
import io.pepper.testsupport.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * admin-app's {@code /actuator/prometheus}: 200 for the scrape token, 401 for anything
 * else (an API or probe token included), never 403.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@DirtiesContext
class ScrapeEndpointTest {

	static final TestDatabase DATABASE = LocalPostgres.fromEnvironment().createDatabase("admin_scrape");

	static final String SCRAPE_TOKEN = "scrape-token-for-admin-test";

	@DynamicPropertySource
	static void properties(DynamicPropertyRegistry registry) {
		TestApi.configure(registry, DATABASE);
		registry.add("pepper.metrics.scrape-token-sha256", () -> BearerTokens.sha256Hex(SCRAPE_TOKEN));
	}

	@AfterAll
	static void dropDatabase() {
		DATABASE.close();
	}

	@LocalServerPort
	int port;

	@Test
	void answersTheScrapeTokenWith200AndAnyOtherWith401NeverWith403() {
		var served = PrometheusText.scrape(this.port, SCRAPE_TOKEN);
		assertThat(served.statusCode()).isEqualTo(200);
		assertThat(served.body()).contains("jvm_memory_used_bytes");
		for (String wrong : new String[] { null, TestApi.OWNER_TOKEN, TestApi.PROBE_TOKEN, "not-a-token" }) {
			var refused = PrometheusText.scrape(this.port, wrong);
			assertThat(refused.statusCode()).as("token %s", wrong).isEqualTo(401);
			assertThat(refused.headers().firstValue("WWW-Authenticate"))
				.hasValueSatisfying((challenge) -> assertThat(challenge).startsWith("Bearer"));
			assertThat(refused.body()).doesNotContain("jvm_");
		}
	}

	@Test
	void keepsHealthOpenAndTheRestOfTheActuatorBehindTheScrapeToken() {
		TestApi api = new TestApi(this.port);
		assertThat(api.get("/actuator/health", null).status()).isEqualTo(200);
		assertThat(api.get("/actuator/info", null).status()).isEqualTo(401);
		assertThat(api.get("/actuator/info", TestApi.OWNER_TOKEN).status()).isEqualTo(401);
		assertThat(api.get("/actuator/info", SCRAPE_TOKEN).status()).isEqualTo(200);
		assertThat(api.get("/actuator/env", null).status()).isEqualTo(401);
	}

	@Test
	void servesPeppersMetricsSoPromtoolReportsNothing() {
		String text = PrometheusText.scrape(this.port, SCRAPE_TOKEN).body();
		assertThat(PrometheusText.promtoolProblemsIfPresent(text)).isEmpty();
	}

	@Test
	void servesPeppersMetricsByTheTextFormatsRules() {
		String text = PrometheusText.scrape(this.port, SCRAPE_TOKEN).body();
		assertThat(PrometheusText.problems(text)).isEmpty();
	}

}
