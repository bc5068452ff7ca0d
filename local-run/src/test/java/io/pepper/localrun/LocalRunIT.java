package io.pepper.localrun;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import io.pepper.contracts.v1.HistoryPoint;
import io.pepper.contracts.v1.HistorySeries;
import io.pepper.contracts.v1.WireJson;
import io.pepper.testsupport.Browser;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs the launcher as a new user's {@code ./scripts/run} does, from its runnable jar
 * with an empty state folder, every server embedded on ports other than the system's
 * PostgreSQL and Redis (5432, 6379): signs in with the printed login, sees a live check
 * of a demo endpoint in the history, then stops it (SIGTERM, as Ctrl-C) and starts it
 * again and finds the same login, token and checks.
 */
class LocalRunIT {

	private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private static final Duration START = Duration.ofMinutes(5);

	private final Path state = Path.of(System.getProperty("pepper.state", "target/it-state"));

	private final Map<String, Integer> ports = new HashMap<>();

	private Process launcher;

	@AfterEach
	void stop() throws Exception {
		if (this.launcher != null && this.launcher.isAlive()) {
			this.launcher.destroy();
			if (!this.launcher.waitFor(60, TimeUnit.SECONDS)) {
				this.launcher.descendants().forEach(ProcessHandle::destroyForcibly);
				this.launcher.destroyForcibly();
			}
		}
	}

	@Test
	void aNewUsersRunShowsChecksAndKeepsThemAcrossARestart() throws Exception {
		deleteTree(this.state);
		for (String name : List.of("PEPPER_ADMIN_PORT", "PEPPER_RECEIVER_PORT", "PEPPER_FAILURE_PORT",
				"PEPPER_PROBE_PORT", "PEPPER_POSTGRES_PORT", "PEPPER_REDIS_PORT", "PEPPER_SMTP_PORT")) {
			this.ports.put(name, freePort());
		}
		assertThat(this.ports.values()).doesNotContain(5432, 6379).doesNotHaveDuplicates();

		String printed = start(1);
		Map<String, String> tokens = tokens();
		assertThat(printed).contains("http://127.0.0.1:" + port("PEPPER_ADMIN_PORT") + "/login")
			.contains("sign in as demo@pepper.local with password " + tokens.get("OWNER_PASSWORD"))
			.contains(tokens.get("API_TOKEN"));
		Instant running = Instant.now().truncatedTo(ChronoUnit.SECONDS);

		Browser browser = new Browser("http://127.0.0.1:" + port("PEPPER_ADMIN_PORT"));
		assertThat(browser.signIn("demo@pepper.local", tokens.get("OWNER_PASSWORD")).redirectPath()).isEqualTo("/");
		assertThat(browser.get("/").body()).contains("admin-app health");

		String endpointId = endpointId(tokens.get("API_TOKEN"), "admin-app health");
		Instant since = running.minus(Duration.ofDays(2));
		assertThat(checks(tokens, endpointId, since, running)).as("demo history before the run").isPositive();
		// A check the probe makes now lands (the probe checks each endpoint every
		// minute).
		long before = checks(tokens, endpointId, since, Instant.now().plusSeconds(60));
		awaitChecks(tokens, endpointId, since, before + 1, Duration.ofSeconds(150));
		Instant seen = Instant.now().truncatedTo(ChronoUnit.SECONDS);
		long kept = checks(tokens, endpointId, since, seen);
		// The checks are in the embedded PostgreSQL, not in the system's.
		assertThat(storedChecks()).isGreaterThanOrEqualTo(kept);
		assertThat(this.state.resolve("redis").resolve("appendonly.aof")).isNotEmptyFile();
		assertThat(this.state.resolve("demo-history-sent")).exists();
		assertThat(Files.getPosixFilePermissions(this.state.resolve("config").resolve("admin-app.properties")))
			.hasSize(2);

		this.launcher.destroy();
		assertThat(this.launcher.waitFor(90, TimeUnit.SECONDS)).as("stops on SIGTERM").isTrue();
		for (int port : this.ports.values()) {
			assertThat(listening(port)).as("port " + port + " is free after the stop").isFalse();
		}

		start(2);
		assertThat(tokens()).isEqualTo(tokens);
		// The web session lives in Redis: still signed in, so Redis kept its data (AOF).
		Browser.Page home = browser.get("/");
		assertThat(home.status()).as("signed in after the restart").isEqualTo(200);
		assertThat(home.body()).contains("admin-app health");
		Browser again = new Browser("http://127.0.0.1:" + port("PEPPER_ADMIN_PORT"));
		assertThat(again.signIn("demo@pepper.local", tokens.get("OWNER_PASSWORD")).redirectPath()).isEqualTo("/");
		assertThat(endpointId(tokens.get("API_TOKEN"), "admin-app health")).isEqualTo(endpointId);
		assertThat(checks(tokens, endpointId, since, seen)).as("the first run's checks are kept").isEqualTo(kept);
		assertThat(Files.readString(Path.of("target", "local-run-2.out"))).doesNotContain("sending 1 days of demo");
	}

	/** Starts the launcher and waits until it prints that it runs; what it printed. */
	private String start(int run) throws IOException, InterruptedException {
		Path jar = Path.of(System.getProperty("pepper.jar.local-run", "target/local-run-exec.jar"));
		assertThat(jar).as("the launcher's runnable jar; build with mvn verify").isRegularFile();
		Path out = Path.of("target", "local-run-" + run + ".out");
		List<String> command = new ArrayList<>(
				List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx256m", "-jar",
						jar.toString(), "--root=" + System.getProperty("pepper.root", ".."),
						"--project-version=" + System.getProperty("pepper.version")));
		ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(out.toFile());
		builder.environment().put("PEPPER_STATE", this.state.toAbsolutePath().toString());
		builder.environment().put("PEPPER_DEMO_DAYS", "1");
		// Faster starts on a small CI machine, as the system tests start the services.
		builder.environment().put("PEPPER_SERVICE_JVM_OPTS", "-XX:TieredStopAtLevel=1");
		builder.environment().put("PEPPER_PROBE_TLS_PROVIDER", "jsse");
		this.ports.forEach((name, port) -> builder.environment().put(name, Integer.toString(port)));
		this.launcher = builder.start();
		Instant deadline = Instant.now().plus(START);
		while (true) {
			String printed = Files.readString(out);
			if (printed.contains(LocalRun.READY)) {
				return printed;
			}
			assertThat(this.launcher.isAlive()).as("the launcher runs: " + printed).isTrue();
			assertThat(Instant.now()).as("started within " + START + ": " + printed).isBefore(deadline);
			Thread.sleep(500);
		}
	}

	private long awaitChecks(Map<String, String> tokens, String endpointId, Instant from, long atLeast,
			Duration timeout) throws Exception {
		Instant deadline = Instant.now().plus(timeout);
		while (true) {
			long checks = checks(tokens, endpointId, from, Instant.now().plusSeconds(60));
			if (checks >= atLeast || Instant.now().isAfter(deadline)) {
				assertThat(checks).as("checks of admin-app health since " + from).isGreaterThanOrEqualTo(atLeast);
				return checks;
			}
			Thread.sleep(2000);
		}
	}

	private long checks(Map<String, String> tokens, String endpointId, Instant from, Instant to) throws Exception {
		String query = "/v1/history/" + endpointId + "?from=" + from + "&to=" + to.truncatedTo(ChronoUnit.SECONDS)
				+ "&step=3600&resolution=raw";
		HttpResponse<String> response = HTTP
			.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port("PEPPER_RECEIVER_PORT") + query))
				.header("Authorization", "Bearer " + tokens.get("QUERY_TOKEN"))
				.timeout(Duration.ofSeconds(30))
				.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).as(query + ": " + response.body()).isEqualTo(200);
		HistorySeries series = WireJson.mapper().readValue(response.body(), HistorySeries.class);
		return series.points().stream().mapToLong(HistoryPoint::checks).sum();
	}

	private String endpointId(String apiToken, String name) throws Exception {
		HttpResponse<String> response = HTTP.send(HttpRequest
			.newBuilder(URI.create("http://127.0.0.1:" + port("PEPPER_ADMIN_PORT") + "/api/v1/endpoints"))
			.header("Authorization", "Bearer " + apiToken)
			.timeout(Duration.ofSeconds(30))
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		for (JsonNode endpoint : WireJson.mapper().readTree(response.body())) {
			if (endpoint.get("name").asString().equals(name)) {
				return endpoint.get("id").asString();
			}
		}
		throw new AssertionError("no endpoint " + name + " in " + response.body());
	}

	private long storedChecks() throws Exception {
		try (Connection connection = DriverManager.getConnection(
				"jdbc:postgresql://127.0.0.1:" + port("PEPPER_POSTGRES_PORT") + "/pepper_receiver", "postgres", "");
				ResultSet rows = connection.createStatement().executeQuery("SELECT count(*) FROM receiver.checks")) {
			rows.next();
			return rows.getLong(1);
		}
	}

	private Map<String, String> tokens() throws IOException {
		Map<String, String> tokens = new HashMap<>();
		for (String line : Files.readAllLines(this.state.resolve("tokens"))) {
			int eq = line.indexOf('=');
			tokens.put(line.substring(0, eq), line.substring(eq + 1));
		}
		return tokens;
	}

	private int port(String name) {
		return this.ports.get(name);
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

	private static boolean listening(int port) {
		try (Socket socket = new Socket()) {
			socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
			return true;
		}
		catch (IOException ex) {
			return false;
		}
	}

	private static void deleteTree(Path root) throws IOException {
		if (!Files.exists(root)) {
			return;
		}
		try (Stream<Path> paths = Files.walk(root)) {
			for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
				Files.delete(path);
			}
		}
	}

}
