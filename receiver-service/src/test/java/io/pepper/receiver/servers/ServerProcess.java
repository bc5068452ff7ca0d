package io.pepper.receiver.servers;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;

import org.jspecify.annotations.Nullable;

import static org.awaitility.Awaitility.await;

/**
 * A server binary the test starts, kills and starts again on the same port and data
 * directory, so it can fail the way a production server does.
 */
public abstract class ServerProcess implements AutoCloseable {

	private static final Duration STARTUP = Duration.ofSeconds(30);

	private final String name;

	private final Path directory;

	private final int port;

	private @Nullable Process process;

	protected ServerProcess(String binary) {
		if (!onPath(binary)) {
			throw new IllegalStateException(binary + " is not on the PATH; ./scripts/test installs it");
		}
		this.name = binary;
		this.port = freePort();
		try {
			this.directory = Files.createTempDirectory("pepper-" + binary);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		Runtime.getRuntime().addShutdownHook(new Thread(this::kill));
	}

	public final int port() {
		return this.port;
	}

	public final Path directory() {
		return this.directory;
	}

	/** The command line and environment that run the server in the foreground. */
	protected abstract List<String> command();

	protected Map<String, String> environment() {
		return Map.of();
	}

	/** Whether the server answers, ready for work. */
	protected abstract boolean ready();

	/** Starts the server and waits until it is ready. */
	public final synchronized void start() {
		if (this.process != null && this.process.isAlive()) {
			return;
		}
		ProcessBuilder builder = new ProcessBuilder(command()).directory(this.directory.toFile())
			.redirectErrorStream(true)
			.redirectOutput(ProcessBuilder.Redirect.appendTo(this.directory.resolve(this.name + ".log").toFile()));
		builder.environment().putAll(environment());
		try {
			this.process = builder.start();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot start " + this.name, ex);
		}
		Process started = this.process;
		await(this.name + " on port " + this.port).atMost(STARTUP)
			.pollInterval(Duration.ofMillis(50))
			.until(alive(started, this::ready));
	}

	private Callable<Boolean> alive(Process started, BooleanSupplier ready) {
		return () -> {
			if (!started.isAlive()) {
				throw new IllegalStateException(this.name + " exited with " + started.exitValue() + "; see "
						+ this.directory.resolve(this.name + ".log"));
			}
			return ready.getAsBoolean();
		};
	}

	/** Kills the server at once (SIGKILL), as a crash or a lost machine would. */
	public final synchronized void kill() {
		Process running = this.process;
		if (running == null) {
			return;
		}
		running.destroyForcibly();
		try {
			running.waitFor();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		this.process = null;
	}

	@Override
	public void close() {
		kill();
		try (Stream<Path> files = Files.walk(this.directory)) {
			files.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
		}
		catch (IOException ex) {
			// A leftover temporary directory is harmless.
		}
	}

	public static int freePort() {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static boolean onPath(String binary) {
		String path = System.getenv("PATH");
		return path != null && Stream.of(path.split(File.pathSeparator))
			.anyMatch((directory) -> Files.isExecutable(Path.of(directory, binary)));
	}

}
