package io.pepper.receiver.servers;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.pepper.testsupport.InfluxServer;

/**
 * A private {@code influxd} (1.x) on loopback, configured like scripts/lib.sh's
 * start_influx, with its data in a directory that survives a kill.
 */
public final class InfluxProcess extends ServerProcess implements InfluxServer {

	private final int rpcPort = freePort();

	public InfluxProcess() {
		super("influxd");
	}

	@Override
	public String url() {
		return "http://127.0.0.1:" + port();
	}

	@Override
	protected List<String> command() {
		return List.of("influxd", "run");
	}

	@Override
	protected Map<String, String> environment() {
		return Map.of("INFLUXDB_REPORTING_DISABLED", "true", "INFLUXDB_BIND_ADDRESS", "127.0.0.1:" + this.rpcPort,
				"INFLUXDB_HTTP_BIND_ADDRESS", "127.0.0.1:" + port(), "INFLUXDB_HTTP_LOG_ENABLED", "false",
				"INFLUXDB_META_DIR", directory().resolve("meta").toString(), "INFLUXDB_DATA_DIR",
				directory().resolve("data").toString(), "INFLUXDB_DATA_WAL_DIR", directory().resolve("wal").toString(),
				"INFLUXDB_DATA_QUERY_LOG_ENABLED", "false", "INFLUXDB_MONITOR_STORE_ENABLED", "false");
	}

	@Override
	protected boolean ready() {
		try (HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofMillis(200)).build()) {
			HttpResponse<Void> response = http.send(
					HttpRequest.newBuilder(URI.create(url() + "/ping")).timeout(Duration.ofMillis(500)).build(),
					HttpResponse.BodyHandlers.discarding());
			return response.statusCode() == 204;
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
