package io.pepper.systemtests;

import io.pepper.testsupport.ServiceProcess;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A server binary of the machine (redis-server, influxd) run by a test on a free loopback
 * port with its data in a folder of its own, so the test may kill, stop and start it
 * without touching the servers other tests share. Closing it stops it and removes its
 * data.
 */
final class LocalDaemon implements AutoCloseable {

	private final String name;

	private final int port;

	private final Path directory;

	private final List<String> command;

	private final Map<String, String> environment;

	private Process process;

	private LocalDaemon(String name, int port, Path directory, List<String> command, Map<String, String> environment) {
		this.name = name;
		this.port = port;
		this.directory = directory;
		this.command = List.copyOf(command);
		this.environment = Map.copyOf(environment);
	}

	/**
	 * A private redis-server with the append-only file on and fsynced on every write, as
	 * receiver-service requires.
	 */
	static LocalDaemon redis() throws IOException {
		int port = ServiceProcess.freePort();
		Path directory = Files.createTempDirectory("pepper-redis-");
		return new LocalDaemon("redis-server", port, directory,
				List.of("redis-server", "--bind", "127.0.0.1", "--port", Integer.toString(port), "--dir",
						directory.toString(), "--appendonly", "yes", "--appendfsync", "always", "--save", ""),
				Map.of())
			.start();
	}

	/** A private InfluxDB 1.x, configured as scripts/lib.sh starts the test one. */
	static LocalDaemon influx() throws IOException {
		int port = ServiceProcess.freePort();
		int rpc = ServiceProcess.freePort();
		Path directory = Files.createTempDirectory("pepper-influx-");
		return new LocalDaemon("influxd", port, directory, List.of("influxd", "run"),
				Map.of("INFLUXDB_REPORTING_DISABLED", "true", "INFLUXDB_BIND_ADDRESS", "127.0.0.1:" + rpc,
						"INFLUXDB_HTTP_BIND_ADDRESS", "127.0.0.1:" + port, "INFLUXDB_HTTP_LOG_ENABLED", "false",
						"INFLUXDB_META_DIR", directory.resolve("meta").toString(), "INFLUXDB_DATA_DIR",
						directory.resolve("data").toString(), "INFLUXDB_DATA_WAL_DIR",
						directory.resolve("wal").toString(), "INFLUXDB_DATA_QUERY_LOG_ENABLED", "false",
						"INFLUXDB_MONITOR_STORE_ENABLED", "false"))
			.start();
	}

	int port() {
		return this.port;
	}

	/** Starts the server and waits until it accepts connections. */
	synchronized LocalDaemon start() throws IOException {
		if (this.process != null && this.process.isAlive()) {
			throw new IllegalStateException(this.name + " is running already");
		}
		ProcessBuilder builder = new ProcessBuilder(this.command).redirectErrorStream(true)
			.redirectOutput(ProcessBuilder.Redirect.appendTo(this.directory.resolve("server.log").toFile()));
		builder.environment().putAll(this.environment);
		this.process = builder.start();
		long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
		while (!listening()) {
			if (!this.process.isAlive() || System.nanoTime() > deadline) {
				throw new IllegalStateException(this.name + " did not start on port " + this.port + ": "
						+ Files.readString(this.directory.resolve("server.log")));
			}
			sleep(Duration.ofMillis(100));
		}
		return this;
	}

	/** SIGKILL: the server gets no chance to flush anything it has not yet. */
	synchronized void kill() {
		if (this.process != null) {
			this.process.destroyForcibly();
			waitForExit();
		}
	}

	/** SIGTERM, waiting for a clean shutdown. */
	synchronized void stop() {
		if (this.process != null) {
			this.process.destroy();
			waitForExit();
		}
	}

	@Override
	public void close() throws IOException {
		kill();
		try (Stream<Path> files = Files.walk(this.directory)) {
			files.sorted(Comparator.reverseOrder()).forEach((file) -> file.toFile().delete());
		}
	}

	private void waitForExit() {
		try {
			if (!this.process.waitFor(30, TimeUnit.SECONDS)) {
				this.process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private boolean listening() {
		try (Socket socket = new Socket()) {
			socket.connect(new InetSocketAddress("127.0.0.1", this.port), 200);
			return true;
		}
		catch (IOException ex) {
			return false;
		}
	}

	private static void sleep(Duration duration) {
		try {
			Thread.sleep(duration);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new UncheckedIOException(new IOException("interrupted", ex));
		}
	}

}
