package io.pepper.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import io.pepper.admin.AdminApplication;
import io.pepper.contracts.auth.BearerTokens;
import io.pepper.testsupport.LocalPostgres;
import io.pepper.testsupport.LocalRedis;
import io.pepper.testsupport.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The pepper command end to end: against admin-app running in this JVM on real PostgreSQL
 * and Redis, through its REST API.
 */
class PepperCliTest {

	static final String TOKEN = "cli-owner-token-0123456789abcdef0123456789abcdef";

	static TestDatabase database;

	static ConfigurableApplicationContext admin;

	static String url;

	@TempDir
	Path dir;

	@BeforeAll
	static void startAdminApp() {
		database = LocalPostgres.fromEnvironment().createDatabase("cli_e2e");
		LocalRedis redis = LocalRedis.fromEnvironment();
		String prefix = "pepper-test:" + database.name() + ":";
		admin = new SpringApplicationBuilder(AdminApplication.class).run("--server.port=0",
				"--spring.datasource.url=" + database.jdbcUrl(), "--spring.datasource.username=" + database.username(),
				"--spring.datasource.password=" + database.password(), "--spring.data.redis.host=" + redis.host(),
				"--spring.data.redis.port=" + redis.port(),
				"--spring.session.data.redis.namespace=" + prefix + "session",
				"--pepper.admin.ui.redis-key-prefix=" + prefix + "admin:", "--pepper.admin.bootstrap.organization=Demo",
				"--pepper.admin.bootstrap.owner-email=owner@example.com",
				"--pepper.admin.bootstrap.owner-password=correct horse battery staple",
				"--pepper.admin.bootstrap.api-token-sha256=" + BearerTokens.sha256Hex(TOKEN),
				"--pepper.admin.bootstrap.locations=eu-west,us-east");
		url = "http://127.0.0.1:" + admin.getEnvironment().getRequiredProperty("local.server.port");
	}

	@AfterAll
	static void stop() {
		admin.close();
		database.close();
	}

	@Test
	void diffsAppliesAndListsAConfigDocument() throws Exception {
		Path file = this.dir.resolve("pepper.yaml");
		Files.writeString(file, """
				endpoints:
				  - name: CLI checkout
				    url: https://checkout.example.com/health
				    locations: [eu-west]
				  - name: CLI search
				    url: https://search.example.com/health
				    locations: [eu-west, us-east]
				""");

		Run diff = pepper("diff", "-f", file.toString());
		assertThat(diff.code()).as(diff.err()).isEqualTo(Pepper.CHANGES);
		assertThat(diff.out()).contains("+ endpoint \"CLI checkout\"", "+ endpoint \"CLI search\"",
				"2 changes planned");

		Run apply = pepper("apply", "-f", file.toString());
		assertThat(apply.code()).as(apply.err()).isZero();
		assertThat(apply.out()).contains("2 changes applied");

		Run again = pepper("diff", "-f", file.toString());
		assertThat(again.code()).isZero();
		assertThat(again.out()).contains("No changes");

		Run list = pepper("endpoints", "list");
		assertThat(list.code()).isZero();
		assertThat(list.out())
			.containsPattern("CLI search\\s+active\\s+eu-west,us-east\\s+https://search.example.com/health");

		Run export = pepper("export");
		assertThat(export.code()).isZero();
		assertThat(export.out()).contains("CLI checkout", "https://checkout.example.com/health");
		Path exported = this.dir.resolve("exported.yaml");
		Files.writeString(exported, export.out());
		assertThat(pepper("diff", "-f", exported.toString()).code()).as("export then diff is a no-op").isZero();

		Files.writeString(file, """
				endpoints:
				  - name: CLI checkout
				    url: https://checkout.example.com/v2/health
				    locations: [eu-west]
				""");
		Run changed = pepper("diff", "-f", file.toString());
		assertThat(changed.code()).isEqualTo(Pepper.CHANGES);
		assertThat(changed.out()).contains("~ endpoint \"CLI checkout\"", "- endpoint \"CLI search\"");
	}

	@Test
	void takesTheTokenFromAFile() throws Exception {
		Path token = this.dir.resolve("token");
		Files.writeString(token, TOKEN + "\n");
		Map<String, String> env = Map.of("PEPPER_URL", url, "PEPPER_TOKEN_FILE", token.toString());
		Run list = run(env, "endpoints", "list");
		assertThat(list.code()).as(list.err()).isZero();
		assertThat(list.out()).startsWith("NAME");
	}

	@Test
	void failsWithAdminAppsProblemAndExitCode1() throws Exception {
		Path bad = this.dir.resolve("bad.yaml");
		Files.writeString(bad, """
				endpoints:
				  - name: Nowhere
				    url: https://nowhere.example.com/
				    locations: [mars]
				""");
		Run refused = pepper("diff", "-f", bad.toString());
		assertThat(refused.code()).isEqualTo(1);
		assertThat(refused.err()).contains("admin-app answered 400", "endpoints[0].locations",
				"unknown location(s): mars");

		Run wrongToken = run(Map.of("PEPPER_URL", url, "PEPPER_TOKEN", "not-a-token"), "export");
		assertThat(wrongToken.code()).isEqualTo(1);
		assertThat(wrongToken.err()).contains("admin-app answered 401");

		Run noToken = run(Map.of("PEPPER_URL", url), "export");
		assertThat(noToken.code()).isEqualTo(1);
		assertThat(noToken.err()).contains("no API token");

		// This admin-app has no failure-service to ask: the API's 503 reaches the user.
		Run incidents = pepper("incidents", "list");
		assertThat(incidents.code()).isEqualTo(1);
		assertThat(incidents.err()).contains("admin-app answered 503", "incidents are unavailable");
		Run badState = pepper("incidents", "list", "--state", "closed");
		assertThat(badState.code()).isEqualTo(1);
		assertThat(badState.err()).contains("admin-app answered 400", "state: must be OPEN or RESOLVED");

		Run usage = pepper("diff");
		assertThat(usage.code()).as("bad usage is not mistaken for changes").isEqualTo(Pepper.USAGE);
		assertThat(usage.err()).contains("Missing required option");
	}

	private Run pepper(String... args) {
		return run(Map.of("PEPPER_URL", url, "PEPPER_TOKEN", TOKEN), args);
	}

	private static Run run(Map<String, String> env, String... args) {
		StringWriter out = new StringWriter();
		StringWriter err = new StringWriter();
		int code = Pepper.run(args, new HashMap<>(env), new PrintWriter(out, true), new PrintWriter(err, true));
		return new Run(code, out.toString(), err.toString());
	}

	private record Run(int code, String out, String err) {

	}

}
