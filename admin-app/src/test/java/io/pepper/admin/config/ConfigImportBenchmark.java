package io.pepper.admin.config;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;

import io.pepper.admin.TestApi;
import io.pepper.testsupport.LocalPostgres;
import io.pepper.testsupport.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Config as code at scale, through the API: a dry run and an apply of documents of 1,000,
 * 5,000 and 10,000 endpoints in one organization, unchanged and changed, beside the
 * export of the same organization (one read of everything, the floor a plan cannot beat)
 * measured in the same run.
 */
@Tag("benchmark")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@DirtiesContext
class ConfigImportBenchmark {

	static final TestDatabase DATABASE = LocalPostgres.fromEnvironment().createDatabase("admin_config_bench");

	static final int RUNS = Integer.getInteger("bench.runs", 3);

	static final int[] SIZES = Arrays.stream(System.getProperty("bench.sizes", "1000,5000,10000").split(","))
		.mapToInt(Integer::parseInt)
		.toArray();

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

	private final HttpClient http = HttpClient.newHttpClient();

	@Test
	void dryRunAndApplyBesideTheExport() throws Exception {
		StringBuilder report = new StringBuilder(
				String.format(Locale.ROOT, "%-8s %9s %13s %11s %13s %13s %13s %9s%n", "endpoints", "export",
						"dry unchanged", "dry changed", "apply create", "apply change", "apply delete", "dry/exp"));
		for (int size : SIZES) {
			String original = document(size, 10_000);
			String changed = document(size, 9_000);
			double create = time(() -> post(original, false), 1);
			double export = time(this::export, RUNS);
			double dryUnchanged = time(() -> assertThat(post(original, true)).contains("\"changes\":[]"), RUNS);
			double dryChanged = time(() -> assertThat(post(changed, true)).contains("\"UPDATE\""), RUNS);
			double change = time(() -> post(changed, false), 1);
			assertThat(post(changed, true)).contains("\"changes\":[]");
			double delete = time(() -> post("endpoints: []\n", false), 1);
			report
				.append(String.format(Locale.ROOT, "%-8d %7.2f s %11.2f s %9.2f s %11.2f s %11.2f s %11.2f s %8.1fx%n",
						size, export, dryUnchanged, dryChanged, create, change, delete, dryUnchanged / export));
		}
		report.append("(medians of ").append(RUNS).append(" runs for export and dry runs; applies run once)\n");
		System.out.print(report);
		Files.writeString(Path.of("target", "admin-config-import-benchmark.txt"), report);
	}

	private static String document(int size, int timeoutMs) {
		StringBuilder yaml = new StringBuilder("endpoints:\n");
		for (int i = 0; i < size; i++) {
			yaml.append(String.format(Locale.ROOT, """
					  - name: "Service %05d"
					    url: "https://service-%d.example.com/health"
					    timeoutMs: %d
					    locations: ["local", "eu-west"]
					    tags: ["bench", "team-%d"]
					""", i, i, timeoutMs, i % 20));
		}
		return yaml.toString();
	}

	private String post(String yaml, boolean dryRun) {
		HttpResponse<String> response = send(
				HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + "/api/v1/config?dryRun=" + dryRun))
					.header("Content-Type", "application/yaml")
					.POST(HttpRequest.BodyPublishers.ofString(yaml)));
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		return response.body();
	}

	private void export() {
		HttpResponse<String> response = send(
				HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + "/api/v1/config")).GET());
		assertThat(response.statusCode()).isEqualTo(200);
	}

	private HttpResponse<String> send(HttpRequest.Builder request) {
		try {
			return this.http.send(request.header("Authorization", "Bearer " + TestApi.OWNER_TOKEN)
				.timeout(Duration.ofMinutes(10))
				.build(), HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/** The median wall time of {@code runs} runs, in seconds. */
	private static double time(Runnable work, int runs) {
		double[] seconds = new double[runs];
		for (int i = 0; i < runs; i++) {
			long start = System.nanoTime();
			work.run();
			seconds[i] = (System.nanoTime() - start) / 1e9;
		}
		Arrays.sort(seconds);
		return seconds[runs / 2];
	}

}
