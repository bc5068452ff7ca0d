package io.pepper.testsupport;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * One Pepper service started from its runnable jar as a separate JVM, as it runs in
 * production. The jar is {@code -Dpepper.jar.<name>} (set by the build), its log goes to
 * {@code -Dpepper.logs}. It can be killed (SIGKILL) and started again with the same
 * arguments.
 */
public final class ServiceProcess implements AutoCloseable {

	private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

	private final String name;

	private final int port;

	private final Path log;

	private final List<String> command;

	private volatile Process process;

	private ServiceProcess(String name, int port, Path log, List<String> command) throws IOException {
		this.name = name;
		this.port = port;
		this.log = log;
		this.command = List.copyOf(command);
		this.process = launch();
	}

	/**
	 * Starts {@code name}'s jar with Spring Boot arguments ({@code --key=value}) on
	 * {@code port}.
	 */
	public static ServiceProcess start(String name, int port, List<String> arguments) throws IOException {
		Path jar = Path.of(System.getProperty("pepper.jar." + name, "../" + name + "/target/" + name + "-exec.jar"));
		if (!Files.isRegularFile(jar)) {
			throw new IllegalStateException("No runnable jar for " + name + " at " + jar + "; build with mvn verify");
		}
		Path logs = Path.of(System.getProperty("pepper.logs", "target/service-logs"));
		Files.createDirectories(logs);
		Path log = logs.resolve(name + ".log");
		// Each start of the test's service appends, so a restart's log follows its crash.
		Files.deleteIfExists(log);
		List<String> command = new ArrayList<>(
				List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
		// Small and quick to start for tests; a benchmark runs them as in production with
		// -Dpepper.service.jvm-options="-Xmx1g".
		command.addAll(List.of(System.getProperty("pepper.service.jvm-options", "-Xmx384m -XX:TieredStopAtLevel=1")
			.strip()
			.split("\\s+")));
		command.addAll(List.of("-jar", jar.toString(), "--server.port=" + port));
		command.addAll(arguments);
		return new ServiceProcess(name, port, log, command);
	}

	private Process launch() throws IOException {
		return new ProcessBuilder(this.command).redirectErrorStream(true)
			.redirectOutput(ProcessBuilder.Redirect.appendTo(this.log.toFile()))
			.start();
	}

	/** Kills the JVM with SIGKILL, as a crash or the OOM killer would, and waits. */
	public void kill() throws InterruptedException {
		this.process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
	}

	/** Starts the service again, same port, same arguments, after {@link #kill()}. */
	public void restart() throws IOException {
		if (this.process.isAlive()) {
			throw new IllegalStateException(this.name + " is still running");
		}
		this.process = launch();
	}

	public static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

	/** The service's name, as its jar is named. */
	public String name() {
		return this.name;
	}

	public String url() {
		return "http://127.0.0.1:" + this.port;
	}

	/**
	 * Waits until {@code /actuator/health} answers UP, failing early if the process died.
	 */
	public void awaitHealthy(Duration timeout) throws InterruptedException {
		long deadline = System.nanoTime() + timeout.toNanos();
		HttpRequest request = HttpRequest.newBuilder(URI.create(url() + "/actuator/health"))
			.timeout(Duration.ofSeconds(2))
			.build();
		while (System.nanoTime() < deadline) {
			if (!this.process.isAlive()) {
				throw new IllegalStateException(this.name + " exited with " + this.process.exitValue() + "\n" + tail());
			}
			try {
				HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
				if (response.statusCode() == 200 && response.body().contains("\"UP\"")) {
					return;
				}
			}
			catch (IOException ex) {
				// not listening yet
			}
			Thread.sleep(250);
		}
		throw new IllegalStateException(this.name + " was not healthy within " + timeout + "\n" + tail());
	}

	/** The last lines the service logged, for failure messages. */
	public String tail() {
		try {
			List<String> lines = Files.readAllLines(this.log);
			return "--- last lines of " + this.log + " ---\n"
					+ String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
		}
		catch (IOException ex) {
			return "(no log at " + this.log + ")";
		}
	}

	@Override
	public void close() throws InterruptedException {
		this.process.destroy();
		if (!this.process.waitFor(20, TimeUnit.SECONDS)) {
			this.process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
		}
	}

}
