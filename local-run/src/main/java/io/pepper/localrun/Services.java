package io.pepper.localrun;

import java.io.IOException;
import java.lang.ProcessBuilder.Redirect;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The four services, each a JVM of its own started from its runnable jar as in
 * production. Settings, tokens among them, go to each in a properties file only the user
 * can read ({@code state/config/<service>.properties}), so that no secret shows on a
 * command line.
 */
final class Services implements AutoCloseable {

	private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

	private final Settings settings;

	private final Map<String, Process> processes = new LinkedHashMap<>();

	private boolean closed;

	Services(Settings settings) {
		this.settings = settings;
	}

	/** Starts the four services, configured for {@code servers} and {@code tokens}. */
	void start(Servers servers, Tokens tokens) throws IOException {
		Settings s = this.settings;
		String admin = "http://127.0.0.1:" + s.adminPort();
		String receiver = "http://127.0.0.1:" + s.receiverPort();
		String failure = "http://127.0.0.1:" + s.failurePort();
		Map<String, String> redis = Map.of("spring.data.redis.host", servers.redisHost(), "spring.data.redis.port",
				Integer.toString(servers.redisPort()));

		Map<String, String> adminApp = new LinkedHashMap<>();
		adminApp.put("server.port", Integer.toString(s.adminPort()));
		adminApp.put("pepper.admin.monitoring.receiver-url", receiver);
		adminApp.put("pepper.admin.monitoring.receiver-token", tokens.get("QUERY_TOKEN"));
		adminApp.put("pepper.admin.monitoring.failure-url", failure);
		adminApp.put("pepper.admin.monitoring.failure-token", tokens.get("FAILURE_SERVICE_TOKEN"));
		adminApp.putAll(database(servers, "pepper_admin"));
		adminApp.putAll(redis);
		adminApp.putAll(mail(servers));
		adminApp.put("pepper.admin.ui.base-url", admin);
		adminApp.put("pepper.admin.ui.mail-from", "pepper@pepper.local");
		adminApp.put("pepper.admin.bootstrap.organization", "Demo");
		adminApp.put("pepper.admin.bootstrap.owner-email", LocalRun.OWNER_EMAIL);
		adminApp.put("pepper.admin.bootstrap.owner-password", tokens.get("OWNER_PASSWORD"));
		adminApp.put("pepper.admin.bootstrap.api-token-sha256", tokens.sha256("API_TOKEN"));
		adminApp.put("pepper.admin.bootstrap.probe-token-sha256", tokens.sha256("PROBE_TOKEN"));
		adminApp.put("pepper.admin.bootstrap.locations", s.location());
		adminApp.put("pepper.admin.service-token-sha256", tokens.sha256("ADMIN_SERVICE_TOKEN"));
		adminApp.put("pepper.admin.secrets.key", tokens.get("SECRETS_KEY"));
		launch("admin-app", adminApp);

		Map<String, String> receiverService = new LinkedHashMap<>();
		receiverService.put("server.port", Integer.toString(s.receiverPort()));
		receiverService.put("pepper.receiver.ingest-token-sha256",
				tokens.sha256("RECEIVER_TOKEN") + "," + tokens.sha256("FAILURE_TO_RECEIVER_TOKEN"));
		receiverService.put("pepper.receiver.query-token-sha256", tokens.sha256("QUERY_TOKEN"));
		receiverService.putAll(redis);
		if (s.embedded()) {
			receiverService.put("pepper.receiver.store", "postgres");
			receiverService.putAll(database(servers, Servers.RECEIVER_DATABASE));
		}
		else {
			receiverService.put("pepper.receiver.influx.url", s.servers().influxUrl());
			receiverService.put("pepper.receiver.influx.database", "pepper");
			receiverService.put("pepper.receiver.influx.v1-compat", "true");
		}
		receiverService.put("pepper.receiver.admin-url", admin);
		receiverService.put("pepper.receiver.admin-token", tokens.get("ADMIN_SERVICE_TOKEN"));
		receiverService.put("pepper.receiver.failure-url", failure);
		receiverService.put("pepper.receiver.failure-token", tokens.get("FAILURE_SERVICE_TOKEN"));
		launch("receiver-service", receiverService);

		Map<String, String> failureService = new LinkedHashMap<>();
		failureService.put("server.port", Integer.toString(s.failurePort()));
		failureService.putAll(database(servers, "pepper_failure"));
		failureService.putAll(mail(servers));
		failureService.put("pepper.failure.ingest-token-sha256", tokens.sha256("FAILURE_TOKEN"));
		failureService.put("pepper.failure.service-token-sha256", tokens.sha256("FAILURE_SERVICE_TOKEN"));
		failureService.put("pepper.failure.admin-url", admin);
		failureService.put("pepper.failure.admin-token", tokens.get("ADMIN_SERVICE_TOKEN"));
		failureService.put("pepper.failure.admin-public-url", admin);
		failureService.put("pepper.failure.receiver-url", receiver);
		failureService.put("pepper.failure.receiver-token", tokens.get("FAILURE_TO_RECEIVER_TOKEN"));
		failureService.put("pepper.failure.mail.from", "pepper@pepper.local");
		launch("failure-service", failureService);

		Map<String, String> probe = new LinkedHashMap<>();
		probe.put("server.port", Integer.toString(s.probePort()));
		probe.put("pepper.probe.name", "local-probe");
		probe.put("pepper.probe.location", s.location());
		probe.put("pepper.probe.admin-url", admin);
		probe.put("pepper.probe.admin-token", tokens.get("PROBE_TOKEN"));
		probe.put("pepper.probe.receiver-url", receiver);
		probe.put("pepper.probe.receiver-token", tokens.get("RECEIVER_TOKEN"));
		probe.put("pepper.probe.failure-url", failure);
		probe.put("pepper.probe.failure-token", tokens.get("FAILURE_TOKEN"));
		probe.put("pepper.probe.allowed-targets", "127.0.0.1/32");
		probe.put("pepper.probe.tls-provider", s.tlsProvider());
		launch("probe", probe);
	}

	/** Waits until every service's health answers, or one of them exits. */
	void awaitHealthy(Duration timeout) throws InterruptedException {
		Instant deadline = Instant.now().plus(timeout);
		Map<String, Integer> ports = Map.of("admin-app", this.settings.adminPort(), "receiver-service",
				this.settings.receiverPort(), "failure-service", this.settings.failurePort(), "probe",
				this.settings.probePort());
		for (Map.Entry<String, Process> service : running().entrySet()) {
			URI health = URI.create("http://127.0.0.1:" + ports.get(service.getKey()) + "/actuator/health");
			while (!healthy(health)) {
				if (!service.getValue().isAlive()) {
					throw new IllegalStateException(service.getKey() + " exited with " + service.getValue().exitValue()
							+ "; see " + log(service.getKey()));
				}
				if (Instant.now().isAfter(deadline)) {
					throw new IllegalStateException(service.getKey() + " did not become healthy in " + timeout
							+ "; see " + log(service.getKey()));
				}
				Thread.sleep(500);
			}
		}
	}

	/** Whether {@link #close()} was called: services exit because they were asked to. */
	synchronized boolean stopping() {
		return this.closed;
	}

	/** The first service that exited, waiting for one. */
	String awaitExit() throws InterruptedException {
		Map<String, Process> running = running();
		while (true) {
			for (Map.Entry<String, Process> service : running.entrySet()) {
				if (service.getValue().waitFor(200, TimeUnit.MILLISECONDS)) {
					return service.getKey();
				}
			}
		}
	}

	Path log(String service) {
		return this.settings.logs().resolve(service + ".log");
	}

	/** Runs {@code name}'s jar to its end, with {@code environment}; its exit code. */
	int run(String name, Map<String, String> environment) throws IOException, InterruptedException {
		ProcessBuilder builder = new ProcessBuilder(java(), "-Xmx256m", "-jar", jar(name).toString())
			.redirectErrorStream(true)
			.redirectOutput(Redirect.to(log(name).toFile()));
		builder.environment().putAll(environment);
		return builder.start().waitFor();
	}

	/** Stops the services (SIGTERM, so they shut down gracefully), the probe first. */
	@Override
	public synchronized void close() {
		this.closed = true;
		List<Map.Entry<String, Process>> reversed = new ArrayList<>(this.processes.entrySet()).reversed();
		for (Map.Entry<String, Process> service : reversed) {
			service.getValue().destroy();
		}
		for (Map.Entry<String, Process> service : reversed) {
			try {
				if (!service.getValue().waitFor(30, TimeUnit.SECONDS)) {
					LocalRun.log(service.getKey() + " did not stop in 30 s; killing it");
					service.getValue().destroyForcibly().waitFor(10, TimeUnit.SECONDS);
				}
			}
			catch (InterruptedException ex) {
				service.getValue().destroyForcibly();
				Thread.currentThread().interrupt();
			}
		}
		this.processes.clear();
	}

	private void launch(String name, Map<String, String> properties) throws IOException {
		Path config = this.settings.state().resolve("config");
		Files.createDirectories(config);
		Path file = config.resolve(name + ".properties");
		Files.deleteIfExists(file);
		Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
		StringBuilder text = new StringBuilder();
		properties.forEach((key, value) -> text.append(key).append('=').append(escape(value)).append('\n'));
		Files.writeString(file, text);
		List<String> command = new ArrayList<>(List.of(java(), "-Xmx384m"));
		command.addAll(this.settings.serviceJvmOptions());
		command.addAll(List.of("-jar", jar(name).toString(),
				"--spring.config.additional-location=file:" + file.toAbsolutePath()));
		ProcessBuilder process = new ProcessBuilder(command).redirectErrorStream(true)
			.redirectOutput(Redirect.to(log(name).toFile()));
		synchronized (this) {
			if (this.closed) {
				throw new IllegalStateException("stopping; " + name + " is not started");
			}
			this.processes.put(name, process.start());
		}
	}

	private synchronized Map<String, Process> running() {
		return new LinkedHashMap<>(this.processes);
	}

	private Path jar(String name) {
		Path jar = this.settings.root()
			.resolve(name)
			.resolve("target")
			.resolve(name + "-" + this.settings.version() + "-exec.jar");
		if (!Files.isRegularFile(jar)) {
			throw new IllegalStateException("no runnable jar " + jar + "; build first (scripts/run does)");
		}
		return jar;
	}

	private static Map<String, String> database(Servers servers, String name) {
		return Map.of("spring.datasource.url", servers.jdbcUrl(name), "spring.datasource.username",
				servers.postgresUser(), "spring.datasource.password", "");
	}

	private static Map<String, String> mail(Servers servers) {
		return Map.of("spring.mail.host", "127.0.0.1", "spring.mail.port", Integer.toString(servers.mail().port()));
	}

	private static String java() {
		return Path.of(System.getProperty("java.home"), "bin", "java").toString();
	}

	/** A properties value: backslashes doubled, a leading blank kept. */
	private static String escape(String value) {
		String escaped = value.replace("\\", "\\\\").replace("\n", "\\n");
		return escaped.startsWith(" ") ? "\\" + escaped : escaped;
	}

	private static boolean healthy(URI health) {
		try {
			HttpResponse<Void> response = HTTP.send(
					HttpRequest.newBuilder(health).timeout(Duration.ofSeconds(2)).build(),
					HttpResponse.BodyHandlers.discarding());
			return response.statusCode() == 200;
		}
		catch (IOException ex) {
			return false;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return false;
		}
	}

}
