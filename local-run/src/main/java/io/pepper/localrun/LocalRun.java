package io.pepper.localrun;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;

/**
 * Runs the whole suite on one machine with nothing but a JDK: embedded PostgreSQL and
 * Redis (AOF, {@code appendfsync always}) and a mail sink, all state in the state folder,
 * then admin-app, receiver-service (PostgreSQL metric store), failure-service and a probe
 * as separate processes, the demo organization and its history. With {@code --influx} it
 * uses the PostgreSQL, Redis and InfluxDB {@code scripts/run --influx} prepared instead.
 * Prints the URL and login; SIGINT or SIGTERM stops everything, services first.
 */
public final class LocalRun {

	static final String OWNER_EMAIL = "demo@pepper.local";

	/** Printed once everything is up; the test waits for it. */
	static final String READY = "Pepper is running.";

	private LocalRun() {
	}

	public static void main(String[] args) throws Exception {
		Settings settings;
		try {
			settings = Settings.from(args, System.getenv());
		}
		catch (IllegalArgumentException ex) {
			log("error: " + ex.getMessage());
			System.exit(2);
			return;
		}
		List<Integer> ports = settings.embedded()
				? List.of(settings.adminPort(), settings.receiverPort(), settings.failurePort(), settings.probePort(),
						settings.postgresPort(), settings.redisPort(), settings.smtpPort())
				: List.of(settings.adminPort(), settings.receiverPort(), settings.failurePort(), settings.probePort(),
						settings.smtpPort());
		for (int port : ports) {
			if (listening(port)) {
				log("error: port " + port + " is taken; set PEPPER_ADMIN_PORT, PEPPER_RECEIVER_PORT, "
						+ "PEPPER_FAILURE_PORT, PEPPER_PROBE_PORT, PEPPER_POSTGRES_PORT, PEPPER_REDIS_PORT or PEPPER_SMTP_PORT");
				System.exit(2);
			}
		}
		Files.createDirectories(settings.logs());
		Tokens tokens = Tokens.load(settings.state());
		Servers servers = new Servers();
		Services services = new Services(settings);
		Runtime.getRuntime().addShutdownHook(new Thread(() -> {
			log("stopping");
			services.close();
			servers.close();
		}, "stop"));
		int exit = 0;
		try {
			servers.start(settings, tokens.fresh());
			services.start(servers, tokens);
			services.awaitHealthy(Duration.ofMinutes(5));
			Demo.endpoints(settings, tokens);
			Demo.history(settings, tokens, services);
			System.out.println(info(settings, tokens));
			System.out.flush();
			String exited = services.awaitExit();
			if (!services.stopping()) {
				log(exited + " exited; see " + services.log(exited) + "; stopping the rest");
				exit = 1;
			}
		}
		catch (IllegalStateException | IOException | java.sql.SQLException ex) {
			log("error: " + ex.getMessage());
			exit = 1;
		}
		// Stopping runs in the shutdown hook, for a signal and for this exit alike.
		System.exit(exit);
	}

	static String info(Settings s, Tokens tokens) {
		String store = s.embedded() ? "PostgreSQL        jdbc:postgresql://127.0.0.1:" + s.postgresPort()
				+ " (user postgres; databases pepper_admin, pepper_failure, pepper_receiver)\n"
				+ "    Redis             redis://127.0.0.1:" + s.redisPort() + " (AOF in " + s.state() + "/redis)"
				: "InfluxDB          " + s.servers().influxUrl() + "  (database pepper, measurement checks)";
		return """

				  %s
				    admin-app         http://127.0.0.1:%d/login
				                      sign in as %s with password %s
				    API token         %s
				                      curl -H "Authorization: Bearer $TOKEN" http://127.0.0.1:%d/api/v1/endpoints
				                      API reference: http://127.0.0.1:%d/swagger-ui.html
				    receiver-service  http://127.0.0.1:%d   (history API token: %s)
				    failure-service   http://127.0.0.1:%d   (incident API token: %s)
				    probe (%s)      http://127.0.0.1:%d
				    %s
				    mail sink         smtp://127.0.0.1:%d, messages in %s
				    logs              %s/
				  Ctrl-C stops everything.
				""".formatted(READY, s.adminPort(), OWNER_EMAIL, tokens.get("OWNER_PASSWORD"), tokens.get("API_TOKEN"),
				s.adminPort(), s.adminPort(), s.receiverPort(), tokens.get("QUERY_TOKEN"), s.failurePort(),
				tokens.get("FAILURE_SERVICE_TOKEN"), s.location(), s.probePort(), store, s.smtpPort(),
				s.logs().resolve("mail.log"), s.logs());
	}

	static void log(String message) {
		System.err.println("[pepper] " + message);
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

}
