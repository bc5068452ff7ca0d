package io.pepper.localrun;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.lang.ProcessBuilder.Redirect;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayDeque;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;
import java.util.stream.Stream;

import org.jspecify.annotations.Nullable;

import io.lettuce.core.KeyScanCursor;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.ScanArgs;
import io.lettuce.core.ScanCursor;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import redis.embedded.RedisServer;

/**
 * The servers the services need: PostgreSQL and Redis, embedded (child processes of this
 * JVM with their data in the state folder) or the user's own, and the mail sink. Made
 * ready for the services: their databases exist, and a fresh state starts empty.
 */
final class Servers implements AutoCloseable {

	/** The databases of admin-app and failure-service. */
	static final List<String> DATABASES = List.of("pepper_admin", "pepper_failure");

	/** receiver-service's, when it keeps the checks in PostgreSQL (embedded runs). */
	static final String RECEIVER_DATABASE = "pepper_receiver";

	private final Deque<AutoCloseable> running = new ArrayDeque<>();

	private volatile String postgresUrl = "";

	private volatile String postgresUser = "";

	private volatile String redisHost = "";

	private volatile int redisPort;

	private volatile @Nullable MailSink mail;

	/**
	 * Starts what {@code settings} asks for. {@code fresh}: the state folder had no
	 * tokens, so the databases and keys of an earlier state go, or the owner kept there
	 * would not match the new password.
	 */
	void start(Settings settings, boolean fresh) throws IOException, SQLException {
		Path logs = settings.logs();
		Files.createDirectories(logs);
		Deque<AutoCloseable> started = this.running;
		String postgresUrl;
		String postgresUser;
		String redisHost;
		int redisPort;
		{
			if (settings.embedded()) {
				Path pgData = settings.state().resolve("postgres");
				Path redisData = settings.state().resolve("redis");
				if (fresh) {
					deleteTree(pgData);
					deleteTree(redisData);
				}
				Files.createDirectories(redisData);
				Path pgBinaries = settings.state().resolve("postgres-binaries");
				Files.createDirectories(pgBinaries);
				Redirect pgLog = Redirect.appendTo(logs.resolve("postgres.log").toFile());
				EmbeddedPostgres postgres = EmbeddedPostgres.builder()
					.setDataDirectory(pgData)
					.setCleanDataDirectory(false)
					.setOverrideWorkingDirectory(pgBinaries.toFile())
					.setPort(settings.postgresPort())
					.setRegisterShutdownHook(false)
					.setPGStartupWait(java.time.Duration.ofSeconds(60))
					// The library's test defaults trade durability for speed; this is
					// real data.
					.setServerConfig("fsync", "on")
					.setServerConfig("synchronous_commit", "on")
					.setOutputRedirector(pgLog)
					.setErrorRedirector(pgLog)
					.start();
				started.push(postgres);
				LocalRun.log("PostgreSQL on 127.0.0.1:" + settings.postgresPort() + " (data in " + pgData + ")");
				postgresUrl = "jdbc:postgresql://127.0.0.1:" + settings.postgresPort();
				postgresUser = "postgres";
				// Every write is on disk before Redis answers it, so a result answered
				// 201
				// survives a crash of the launcher or the machine.
				PrintStream redisLog = new PrintStream(Files.newOutputStream(logs.resolve("redis.log"),
						StandardOpenOption.CREATE, StandardOpenOption.APPEND), true, StandardCharsets.UTF_8);
				started.push(redisLog::close);
				RedisServer redis = RedisServer.newRedisServer()
					.bind("127.0.0.1")
					.port(settings.redisPort())
					.setting("dir " + redisData.toAbsolutePath())
					.setting("appendonly yes")
					.setting("appendfsync always")
					.setting("save \"\"")
					.soutListener(redisLog::println)
					.serrListener(redisLog::println)
					.build();
				redis.start();
				started.push(redis::stop);
				LocalRun.log("Redis on 127.0.0.1:" + settings.redisPort() + " (AOF, appendfsync always, data in "
						+ redisData + ")");
				redisHost = "127.0.0.1";
				redisPort = settings.redisPort();
			}
			else {
				Settings.External external = settings.servers();
				postgresUrl = external.postgresUrl();
				postgresUser = external.postgresUser();
				redisHost = external.redisHost();
				redisPort = external.redisPort();
				if (fresh) {
					deleteKeys(redisHost, redisPort, "pepper:*");
				}
			}
			prepareDatabases(postgresUrl, postgresUser, fresh && !settings.embedded(),
					settings.embedded() ? List.of(DATABASES.get(0), DATABASES.get(1), RECEIVER_DATABASE) : DATABASES);
			MailSink mail = MailSink.start(settings.smtpPort(), logs.resolve("mail.log"));
			started.push(mail);
			this.postgresUrl = postgresUrl;
			this.postgresUser = postgresUser;
			this.redisHost = redisHost;
			this.redisPort = redisPort;
			this.mail = mail;
		}
	}

	String jdbcUrl(String database) {
		return this.postgresUrl + "/" + database;
	}

	String postgresUser() {
		return this.postgresUser;
	}

	String redisHost() {
		return this.redisHost;
	}

	int redisPort() {
		return this.redisPort;
	}

	MailSink mail() {
		MailSink sink = this.mail;
		if (sink == null) {
			throw new IllegalStateException("the servers are not started");
		}
		return sink;
	}

	/** Stops what was started, the last first; what a failed start had started too. */
	@Override
	public synchronized void close() {
		while (!this.running.isEmpty()) {
			closeQuietly(this.running.pop());
		}
	}

	private static void prepareDatabases(String url, String user, boolean drop, List<String> databases)
			throws SQLException {
		try (Connection connection = DriverManager.getConnection(url + "/postgres", user, "");
				Statement statement = connection.createStatement()) {
			for (String database : databases) {
				if (drop) {
					statement.execute("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
				}
				boolean exists;
				try (ResultSet rows = statement
					.executeQuery("SELECT 1 FROM pg_database WHERE datname = '" + database + "'")) {
					exists = rows.next();
				}
				if (!exists) {
					statement.execute("CREATE DATABASE " + database);
				}
			}
		}
	}

	private static void deleteKeys(String host, int port, String pattern) {
		RedisClient client = RedisClient.create(RedisURI.create(host, port));
		try (StatefulRedisConnection<String, String> connection = client.connect()) {
			RedisCommands<String, String> redis = connection.sync();
			ScanCursor cursor = ScanCursor.INITIAL;
			do {
				KeyScanCursor<String> page = redis.scan(cursor, ScanArgs.Builder.matches(pattern).limit(500));
				if (!page.getKeys().isEmpty()) {
					redis.del(page.getKeys().toArray(String[]::new));
				}
				cursor = page;
			}
			while (!cursor.isFinished());
		}
		finally {
			client.shutdown();
		}
	}

	private static void deleteTree(Path root) throws IOException {
		if (!Files.exists(root)) {
			return;
		}
		try (Stream<Path> paths = Files.walk(root)) {
			paths.sorted(Comparator.reverseOrder()).forEach((path) -> {
				try {
					Files.delete(path);
				}
				catch (IOException ex) {
					throw new UncheckedIOException(ex);
				}
			});
		}
	}

	private static void closeQuietly(AutoCloseable server) {
		try {
			server.close();
		}
		catch (Exception ex) {
			LocalRun.log("stopping a server failed: " + ex.getMessage());
		}
	}

}
