package io.pepper.testsupport;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * An InfluxDB server (1.x API: {@code /query}, {@code /write}) on which tests create
 * databases of their own.
 */
public interface InfluxServer {

	/** The base URL, e.g. {@code http://127.0.0.1:8086}. */
	String url();

	/** Creates a fresh, uniquely named database; closing it drops it. */
	default TestInfluxDatabase createDatabase(String purpose) {
		String name = Names.unique(purpose);
		query("CREATE DATABASE " + name, null);
		return new TestInfluxDatabase(this, name);
	}

	/**
	 * Runs InfluxQL and returns the CSV answer ({@code Accept: application/csv}).
	 * @param influxQl the statement
	 * @param database the database, or null for server-level statements
	 */
	default String query(String influxQl, @org.jspecify.annotations.Nullable String database) {
		String params = "q=" + URLEncoder.encode(influxQl, StandardCharsets.UTF_8)
				+ ((database != null) ? "&db=" + URLEncoder.encode(database, StandardCharsets.UTF_8) : "");
		HttpRequest request = HttpRequest.newBuilder(URI.create(url() + "/query"))
			.timeout(Duration.ofSeconds(30))
			.header("Accept", "application/csv")
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(params))
			.build();
		try (HttpClient client = HttpClient.newHttpClient()) {
			HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
			if (response.statusCode() / 100 != 2 || response.body().contains("\"error\"")) {
				throw new IllegalStateException(
						"InfluxDB at " + url() + " answered " + response.statusCode() + ": " + response.body());
			}
			return response.body();
		}
		catch (IOException ex) {
			throw new IllegalStateException("Cannot reach InfluxDB at " + url()
					+ " (set PEPPER_TEST_INFLUX_URL, or run ./scripts/test which starts it): " + ex.getMessage(), ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while querying InfluxDB", ex);
		}
	}

}
