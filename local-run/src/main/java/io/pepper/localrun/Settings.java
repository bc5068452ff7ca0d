package io.pepper.localrun;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * What the launcher runs with: ports and the state folder from the environment (the
 * {@code PEPPER_*} variables the README lists), the servers to use from the command line.
 * Without {@code --influx} every server is embedded; with it, {@code scripts/run} has
 * prepared PostgreSQL, Redis and InfluxDB and passes where they are.
 *
 * @param root the repository root, where each service's {@code target/} folder is
 * @param version the project version, part of each runnable jar's name
 * @param state the state folder ({@code .pepper} at the root)
 * @param adminPort admin-app's port
 * @param receiverPort receiver-service's port
 * @param failurePort failure-service's port
 * @param probePort the probe's port
 * @param postgresPort the embedded PostgreSQL's port
 * @param redisPort the embedded Redis's port
 * @param smtpPort the mail sink's port
 * @param location the demo probe's location
 * @param tlsProvider the probe's TLS provider
 * @param demoDays days of demo history sent on a fresh state
 * @param serviceJvmOptions more options for each service's JVM
 * @param external the servers {@code scripts/run --influx} prepared; none for embedded
 */
record Settings(Path root, String version, Path state, int adminPort, int receiverPort, int failurePort, int probePort,
		int postgresPort, int redisPort, int smtpPort, String location, String tlsProvider, int demoDays,
		List<String> serviceJvmOptions, @Nullable External external) {

	/**
	 * Servers the user runs: PostgreSQL (trust or password-less user), Redis and
	 * InfluxDB.
	 *
	 * @param postgresUrl JDBC URL without a database, e.g.
	 * {@code jdbc:postgresql://127.0.0.1:5432}
	 * @param postgresUser the PostgreSQL user
	 * @param redisHost Redis's host
	 * @param redisPort Redis's port
	 * @param influxUrl InfluxDB 1.x
	 */
	record External(String postgresUrl, String postgresUser, String redisHost, int redisPort, String influxUrl) {
	}

	static Settings from(String[] args, Map<String, String> env) {
		Map<String, String> options = new java.util.HashMap<>();
		for (String arg : args) {
			if (!arg.startsWith("--")) {
				throw new IllegalArgumentException("unexpected argument " + arg + "; options are --name=value");
			}
			int eq = arg.indexOf('=');
			options.put(eq < 0 ? arg.substring(2) : arg.substring(2, eq), eq < 0 ? "" : arg.substring(eq + 1));
		}
		Path root = Path.of(options.getOrDefault("root", ".")).toAbsolutePath().normalize();
		String version = require(options, "project-version");
		External external = null;
		if (options.containsKey("influx")) {
			String redis = require(options, "redis");
			int colon = redis.lastIndexOf(':');
			if (colon < 0) {
				throw new IllegalArgumentException("--redis must be host:port but was " + redis);
			}
			external = new External(require(options, "postgres"), options.getOrDefault("postgres-user", "postgres"),
					redis.substring(0, colon), port(redis.substring(colon + 1), "--redis"), require(options, "influx"));
		}
		Path state = root.resolve(env.getOrDefault("PEPPER_STATE", ".pepper")).normalize();
		return new Settings(root, version, state, port(env, "PEPPER_ADMIN_PORT", 8080),
				port(env, "PEPPER_RECEIVER_PORT", 8081), port(env, "PEPPER_FAILURE_PORT", 8082),
				port(env, "PEPPER_PROBE_PORT", 8083), port(env, "PEPPER_POSTGRES_PORT", 15432),
				port(env, "PEPPER_REDIS_PORT", 16379), port(env, "PEPPER_SMTP_PORT", 1025),
				env.getOrDefault("PEPPER_LOCATION", "local"),
				env.getOrDefault("PEPPER_PROBE_TLS_PROVIDER", "conscrypt"),
				days(env.getOrDefault("PEPPER_DEMO_DAYS", "7")),
				List.of(env.getOrDefault("PEPPER_SERVICE_JVM_OPTS", "").trim().split("\\s+"))
					.stream()
					.filter((option) -> !option.isEmpty())
					.toList(),
				external);
	}

	boolean embedded() {
		return this.external == null;
	}

	/**
	 * The servers {@code scripts/run --influx} prepared; only when not
	 * {@link #embedded()}.
	 */
	External servers() {
		return Objects.requireNonNull(this.external, "an embedded run has no external servers");
	}

	Path logs() {
		return this.state.resolve("logs");
	}

	private static String require(Map<String, String> options, String name) {
		String value = options.get(name);
		if (value == null || value.isBlank()) {
			throw new IllegalArgumentException("--" + name + "=... is required");
		}
		return value;
	}

	private static int days(String value) {
		try {
			int days = Integer.parseInt(value.trim());
			if (days >= 0 && days <= 400) {
				return days;
			}
		}
		catch (NumberFormatException ex) {
			// reported below
		}
		throw new IllegalArgumentException("PEPPER_DEMO_DAYS must be a number of days (0-400) but was " + value);
	}

	private static int port(Map<String, String> env, String name, int fallback) {
		String value = env.get(name);
		return (value == null || value.isBlank()) ? fallback : port(value, name);
	}

	private static int port(String value, String name) {
		try {
			int port = Integer.parseInt(value.trim());
			if (port >= 1 && port <= 65535) {
				return port;
			}
		}
		catch (NumberFormatException ex) {
			// reported below
		}
		throw new IllegalArgumentException(name + " must be a port (1-65535) but was " + value);
	}

}
