package io.pepper.admin.probe;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.function.LongSupplier;

import io.pepper.admin.TestApi;
import io.pepper.admin.organization.Organizations;
import io.pepper.contracts.v1.EndpointSpec;
import io.pepper.contracts.v1.ProbeEndpointList;
import io.pepper.contracts.v1.WireJson;
import io.pepper.testsupport.LocalPostgres;
import io.pepper.testsupport.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The probe feed with 10,000 endpoints at one location: a full answer after a change
 * (cold), a full answer while nothing changed, and a 304 with the ETag, over HTTP to the
 * running app. Printed beside the limit (1 s) and beside peers measured in the
 * same run: the feed's own SQL read over JDBC, and serializing the list to JSON.
 */
@Tag("benchmark")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@DirtiesContext
class ProbeFeedBenchmark {

	static final TestDatabase DATABASE = LocalPostgres.fromEnvironment().createDatabase("admin_feed_bench");

	static final int ENDPOINTS = Integer.getInteger("bench.endpoints", 10_000);

	static final int COLD = Integer.getInteger("bench.cold", 30);

	static final int WARM = Integer.getInteger("bench.warm", 200);

	static final double LIMIT_MS = 1000;

	@DynamicPropertySource
	static void properties(DynamicPropertyRegistry registry) {
		TestApi.configure(registry, DATABASE);
	}

	@AfterAll
	static void dropDatabase() {
		DATABASE.close();
	}

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Organizations organizations;

	@Autowired
	ProbeFeed feed;

	@LocalServerPort
	int port;

	private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	@Test
	void probeFeedFor10000Endpoints() throws Exception {
		UUID demo = this.organizations.findByName("Demo").orElseThrow().getId();
		long seeding = System.nanoTime();
		seed(demo);
		double seedMs = (System.nanoTime() - seeding) / 1e6;

		// Warm up the JIT and the connection pool before measuring.
		for (int i = 0; i < 20; i++) {
			get(null);
			touch(i);
		}

		HttpResponse<byte[]> first = get(null);
		assertThat(first.statusCode()).isEqualTo(200);
		List<EndpointSpec> endpoints = WireJson.mapper().readValue(first.body(), ProbeEndpointList.class).endpoints();
		assertThat(endpoints).hasSize(ENDPOINTS);
		String etag = first.headers().firstValue("ETag").orElseThrow();

		long[] cold = new long[COLD];
		for (int i = 0; i < COLD; i++) {
			touch(i);
			cold[i] = timed(() -> status(get(null), 200));
		}
		String current = get(null).headers().firstValue("ETag").orElseThrow();
		long[] warm = new long[WARM];
		for (int i = 0; i < WARM; i++) {
			warm[i] = timed(() -> status(get(null), 200));
		}
		long[] notModified = new long[WARM];
		for (int i = 0; i < WARM; i++) {
			notModified[i] = timed(() -> status(get(current), 304));
		}
		long[] sql = new long[COLD];
		for (int i = 0; i < COLD; i++) {
			sql[i] = timed(() -> this.feed.enabledAt("local", null).size());
		}
		long[] json = new long[COLD];
		for (int i = 0; i < COLD; i++) {
			json[i] = timed(() -> WireJson.mapper().writeValueAsBytes(endpoints).length);
		}

		double sqlP50 = percentile(sql, 50);
		StringBuilder out = new StringBuilder();
		out.append(String.format(Locale.ROOT,
				"Probe feed, %,d endpoints at one location, answer %,d bytes (seeded in %.0f ms; etag %s)%n", ENDPOINTS,
				first.body().length, seedMs, etag.equals(current) ? "unchanged?" : "changes with the data"));
		out.append(String.format(Locale.ROOT, "%-42s %8s %8s %8s %10s %12s%n", "", "p50 ms", "p95 ms", "max ms",
				"p95/limit", "p50/SQL p50"));
		row(out, "GET after a change (cold), n=" + COLD, cold, sqlP50);
		row(out, "GET, nothing changed, n=" + WARM, warm, sqlP50);
		row(out, "GET with If-None-Match (304), n=" + WARM, notModified, sqlP50);
		row(out, "peer: the feed's SQL over JDBC, n=" + COLD, sql, sqlP50);
		row(out, "peer: JSON serialization of the list, n=" + COLD, json, sqlP50);
		out.append(String.format(Locale.ROOT,
				"limit: %.0f ms (\"well under a second\"); loopback HTTP, %d cores, load average at the end %.2f%n",
				LIMIT_MS, Runtime.getRuntime().availableProcessors(),
				java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage()));
		System.out.print(out);
		Path report = Path.of("target", "admin-probe-api-benchmark.txt");
		Files.writeString(report, out.toString());
	}

	private void seed(UUID organization) {
		this.jdbc
			.sql("""
					INSERT INTO endpoints (organization_id, name, url, method, headers, expected_status, assertions,
						timeout_ms, follow_redirects, apdex_threshold_ms, interval_seconds, enabled, locations, tags)
					SELECT :organization, 'Endpoint ' || n, 'https://service-' || n || '.example.com/health?deep=true', 'GET',
						'{"X-Probe": "pepper", "Accept": "application/json"}', '[{"from": 200, "to": 299}]',
						'[{"type": "keyword-present", "keyword": "ok"}]', 10000, false, 500, 60, true,
						ARRAY['local', 'eu-west'], ARRAY['team-' || (n % 20)]
					FROM generate_series(1, :count) AS n
					""")
			.param("organization", organization)
			.param("count", ENDPOINTS)
			.update();
		this.jdbc.sql("ANALYZE endpoints").update();
	}

	/** A change a probe must see: one endpoint's timeout. */
	private void touch(int i) {
		this.jdbc.sql("UPDATE endpoints SET timeout_ms = :timeout, updated_at = now() WHERE name = 'Endpoint 1'")
			.param("timeout", 5000 + i)
			.update();
	}

	private HttpResponse<byte[]> get(String etag) {
		HttpRequest.Builder request = HttpRequest
			.newBuilder(URI.create("http://127.0.0.1:" + this.port + ProbeEndpointList.PATH + "?location=local"))
			.header("Authorization", "Bearer " + TestApi.PROBE_TOKEN)
			.timeout(Duration.ofSeconds(30));
		if (etag != null) {
			request.header("If-None-Match", etag);
		}
		try {
			return this.client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private static long status(HttpResponse<byte[]> response, int expected) {
		assertThat(response.statusCode()).isEqualTo(expected);
		return response.body().length;
	}

	private static long timed(LongSupplier action) {
		long start = System.nanoTime();
		action.getAsLong();
		return System.nanoTime() - start;
	}

	private static void row(StringBuilder out, String name, long[] nanos, double sqlP50) {
		double p50 = percentile(nanos, 50);
		double p95 = percentile(nanos, 95);
		double max = Arrays.stream(nanos).max().orElse(0) / 1e6;
		out.append(String.format(Locale.ROOT, "%-42s %8.2f %8.2f %8.2f %10.3f %12.2f%n", name, p50, p95, max,
				p95 / LIMIT_MS, p50 / sqlP50));
	}

	private static double percentile(long[] nanos, int percentile) {
		long[] sorted = nanos.clone();
		Arrays.sort(sorted);
		int index = (int) Math.ceil(percentile / 100.0 * sorted.length) - 1;
		return sorted[Math.max(0, index)] / 1e6;
	}

}
