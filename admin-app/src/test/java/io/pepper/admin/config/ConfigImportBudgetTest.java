package io.pepper.admin.config;

import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import io.pepper.admin.AdminProperties;
import io.pepper.admin.TestApi;
import io.pepper.admin.TestTenants;
import io.pepper.admin.bootstrap.Bootstrap;
import io.pepper.contracts.auth.BearerTokens;
import io.pepper.testsupport.LocalPostgres;
import io.pepper.testsupport.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

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
 * An import is bounded in time as a whole, database work included: while another session
 * holds the endpoints table, an import gives up after its budget with 503 and changes
 * nothing, and the same import succeeds once the table is free.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@DirtiesContext
class ConfigImportBudgetTest {

	static final TestDatabase DATABASE = LocalPostgres.fromEnvironment().createDatabase("admin_config_budget");

	static final String DOCUMENT = """
			endpoints:
			  - name: Shop
			    url: https://shop.example.com/health
			    locations: [local]
			""";

	@DynamicPropertySource
	static void properties(DynamicPropertyRegistry registry) {
		TestApi.configure(registry, DATABASE);
		registry.add("pepper.admin.secrets.key", () -> TestTenants.SECRETS_KEY);
		registry.add("pepper.admin.config.import-budget", () -> "2s");
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

	@Autowired
	Bootstrap bootstrap;

	@LocalServerPort
	int port;

	String token;

	@BeforeEach
	void emptyOrganization() {
		String name = "Org " + UUID.randomUUID();
		this.token = "token-" + UUID.randomUUID();
		this.bootstrap.run(new AdminProperties.Bootstrap(name, name.replace(" ", "-") + "@example.com", null,
				BearerTokens.sha256Hex(this.token), null, List.of()));
	}

	@Test
	void anImportHeldUpByTheDatabaseGivesUpAfterItsBudgetAndChangesNothing() throws Exception {
		long before = endpoints();
		TestApi.Response answer;
		long started = System.nanoTime();
		try (Connection holder = DATABASE.connect(); Statement statement = holder.createStatement()) {
			holder.setAutoCommit(false);
			statement.execute("LOCK TABLE endpoints IN ACCESS EXCLUSIVE MODE");
			answer = post(false);
			holder.rollback();
		}
		Duration took = Duration.ofNanos(System.nanoTime() - started);

		assertThat(answer.status()).as(answer.body()).isEqualTo(503);
		assertThat(answer.json().path("detail").asString()).contains("budget of 2 s", "changed nothing");
		assertThat(took).isLessThan(Duration.ofSeconds(30));
		assertThat(endpoints()).isEqualTo(before);

		TestApi.Response free = post(false);
		assertThat(free.status()).as(free.body()).isEqualTo(200);
		assertThat(endpoints()).isEqualTo(before + 1);
	}

	@Test
	void aDryRunHasTheSameBudget() throws Exception {
		TestApi.Response answer;
		try (Connection holder = DATABASE.connect(); Statement statement = holder.createStatement()) {
			holder.setAutoCommit(false);
			statement.execute("LOCK TABLE endpoints IN ACCESS EXCLUSIVE MODE");
			answer = post(true);
			holder.rollback();
		}

		assertThat(answer.status()).as(answer.body()).isEqualTo(503);
		assertThat(post(true).status()).isEqualTo(200);
	}

	private long endpoints() {
		return this.jdbc.sql("SELECT count(*) FROM endpoints").query(Long.class).single();
	}

	private TestApi.Response post(boolean dryRun) {
		return new TestApi(this.port).send("POST", "/api/v1/config" + (dryRun ? "?dryRun=true" : ""), this.token,
				"application/yaml", DOCUMENT);
	}

}
