package io.pepper.receiver.store.influx;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.pepper.contracts.v1.CheckResult;
import io.pepper.receiver.Checks;
import io.pepper.receiver.ReceiverProperties;
import io.pepper.receiver.store.MetricStoreException;
import io.pepper.testsupport.LocalInflux;
import io.pepper.testsupport.Names;
import io.pepper.testsupport.TestInfluxDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/** Against a real InfluxDB 1.x, through the 1.x compatibility rewrite. */
class InfluxMetricStoreTest {

	private final LocalInflux influx = LocalInflux.fromEnvironment();

	private TestInfluxDatabase database;

	private InfluxMetricStore store;

	@BeforeEach
	void createStore() {
		this.database = this.influx.createDatabase("store");
		this.store = new InfluxMetricStore(settings(URI.create(this.influx.url()), this.database.name(), false));
	}

	@AfterEach
	void closeStore() {
		this.store.close();
		this.database.close();
	}

	static ReceiverProperties.Influx settings(URI url, String database, boolean createDatabase) {
		return new ReceiverProperties.Influx(url, database, "autogen", null, true, createDatabase,
				Duration.ofSeconds(5));
	}

	@Test
	void readsTheTagsOfASeriesKeyWithEscapedCharacters() {
		assertThat(InfluxMetricStore.seriesTags("checks,endpoint=a-1,location=eu\\ west\\,2\\=x,organization=o"))
			.containsExactlyInAnyOrderEntriesOf(
					java.util.Map.of("endpoint", "a-1", "location", "eu west,2=x", "organization", "o"));
	}

	@Test
	void writesOnePointPerCheckWithEveryMeasuredField() {
		UUID endpoint = UUID.randomUUID();
		this.store.write(List.of(Checks.up(endpoint, "eu-west", 120.5)));

		List<Map<String, String>> rows = pointsOf(endpoint);
		assertThat(rows).hasSize(1);
		assertThat(rows.getFirst()).containsEntry("name", "checks")
			.containsEntry("time", String.valueOf(Checks.SCHEDULED_AT.toEpochMilli() * 1_000_000))
			.containsEntry("endpoint", endpoint.toString())
			.containsEntry("location", "eu-west")
			.containsEntry("organization", Checks.ORGANIZATION.toString())
			.containsEntry("total_ms", "120.5")
			.containsEntry("dns_ms", "1.5")
			.containsEntry("connect_ms", "2.25")
			.containsEntry("tls_ms", "10")
			.containsEntry("ttfb_ms", "40.5")
			.containsEntry("status", "200")
			.containsEntry("bytes", "1234")
			.containsEntry("outcome", "UP")
			.containsEntry("apdex", "SATISFIED")
			.containsEntry("apdex_t_ms", "500")
			.containsEntry("up", "true");
	}

	@Test
	void leavesOutPhasesThatDidNotHappenAndAMissingStatus() {
		UUID endpoint = UUID.randomUUID();
		this.store.write(List.of(Checks.refused(endpoint, "us-east")));

		Map<String, String> row = pointsOf(endpoint).getFirst();
		assertThat(row).containsEntry("dns_ms", "0.5")
			.containsEntry("total_ms", "3")
			.containsEntry("outcome", "CONNECTION_REFUSED")
			.containsEntry("apdex", "FRUSTRATED")
			.containsEntry("up", "false")
			.containsEntry("bytes", "0");
		assertThat(row.get("connect_ms")).isNullOrEmpty();
		assertThat(row.get("tls_ms")).isNullOrEmpty();
		assertThat(row.get("ttfb_ms")).isNullOrEmpty();
		assertThat(row.get("status")).isNullOrEmpty();
	}

	@Test
	void replayOverwritesThePointOfTheSameEndpointLocationAndTime() {
		UUID endpoint = UUID.randomUUID();
		this.store.write(List.of(Checks.up(endpoint, "eu-west", 100), Checks.up(endpoint, "us-east", 300)));
		this.store.write(List.of(Checks.up(endpoint, "eu-west", 150)));
		this.store.write(List.of(Checks.up(endpoint, "eu-west", 150)));

		List<Map<String, String>> rows = pointsOf(endpoint);
		assertThat(rows).hasSize(2);
		assertThat(rows).filteredOn("location", "eu-west")
			.singleElement()
			.extracting((row) -> row.get("total_ms"))
			.isEqualTo("150");
		assertThat(rows).filteredOn("location", "us-east")
			.singleElement()
			.extracting((row) -> row.get("total_ms"))
			.isEqualTo("300");
	}

	@Test
	void createsItsDatabaseWhenTheFirstWriteFindsNone() {
		String name = Names.unique("store_created");
		try (InfluxMetricStore creating = new InfluxMetricStore(settings(URI.create(this.influx.url()), name, true))) {
			UUID endpoint = UUID.randomUUID();
			creating.write(List.of(Checks.up(endpoint, "eu-west", 42)));
			String csv = this.influx.query("SELECT total_ms FROM checks WHERE endpoint = '" + endpoint + "'", name);
			assertThat(Checks.rows(csv)).singleElement().extracting((row) -> row.get("total_ms")).isEqualTo("42");
		}
		finally {
			this.influx.query("DROP DATABASE " + name, null);
		}
	}

	@Test
	void prepareCreatesTheDatabase() {
		String name = Names.unique("store_prepared");
		try (InfluxMetricStore creating = new InfluxMetricStore(settings(URI.create(this.influx.url()), name, true))) {
			creating.prepare();
			assertThat(this.influx.query("SHOW DATABASES", null)).contains(name);
		}
		finally {
			this.influx.query("DROP DATABASE " + name, null);
		}
	}

	@Test
	void reportsAServerThatDoesNotAnswerAsAFailedWrite() throws IOException {
		try (InfluxMetricStore unreachable = new InfluxMetricStore(settings(closedPort(), "pepper", true))) {
			List<CheckResult> results = List.of(Checks.up(UUID.randomUUID(), "eu-west", 42));
			assertThatExceptionOfType(MetricStoreException.class).isThrownBy(() -> unreachable.write(results))
				.withMessageContaining("did not confirm 1 points");
		}
	}

	/** A local URL nothing listens on. */
	static URI closedPort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return URI.create("http://127.0.0.1:" + socket.getLocalPort());
		}
	}

	private List<Map<String, String>> pointsOf(UUID endpoint) {
		return Checks.rows(this.database.query("SELECT * FROM checks WHERE endpoint = '" + endpoint + "'"));
	}

}
