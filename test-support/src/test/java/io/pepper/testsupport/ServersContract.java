package io.pepper.testsupport;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;

import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * What every test relies on: isolated, real, and cleaned up. Runs against local servers
 * and containers.
 */
abstract class ServersContract {

	abstract PostgresServer postgres();

	abstract RedisServer redis();

	abstract InfluxServer influx();

	@Test
	void postgresDatabaseIsPrivateAndDroppedOnClose() throws Exception {
		String name;
		try (TestDatabase database = postgres().createDatabase("contract")) {
			name = database.name();
			try (Connection connection = database.connect(); Statement statement = connection.createStatement()) {
				statement.execute("CREATE TABLE t (v int)");
				statement.execute("INSERT INTO t VALUES (42)");
				ResultSet rows = statement.executeQuery("SELECT current_database(), v FROM t");
				assertThat(rows.next()).isTrue();
				assertThat(rows.getString(1)).isEqualTo(name);
				assertThat(rows.getInt(2)).isEqualTo(42);
			}
		}
		try (Connection connection = java.sql.DriverManager.getConnection(postgres().jdbcUrl("postgres"),
				postgres().username(), postgres().password()); Statement statement = connection.createStatement()) {
			ResultSet rows = statement.executeQuery("SELECT count(*) FROM pg_database WHERE datname = '" + name + "'");
			rows.next();
			assertThat(rows.getInt(1)).isZero();
		}
	}

	@Test
	void redisNamespaceDeletesOnlyItsOwnKeys() {
		RedisClient client = RedisClient.create(redis().url());
		try (StatefulRedisConnection<String, String> connection = client.connect();
				TestRedisNamespace other = redis().createNamespace("other")) {
			var commands = connection.sync();
			commands.set(other.prefix() + "kept", "1");
			try (TestRedisNamespace mine = redis().createNamespace("mine")) {
				commands.set(mine.prefix() + "a", "1");
				commands.xadd(mine.prefix() + "stream", java.util.Map.of("f", "v"));
				assertThat(mine.prefix()).isNotEqualTo(other.prefix());
			}
			assertThat(commands.keys("*" + "mine_*")).noneMatch((key) -> key.startsWith(other.prefix()));
			assertThat(commands.get(other.prefix() + "kept")).isEqualTo("1");
			assertThat(redis().deleteKeys(other.prefix())).isEqualTo(1);
		}
		finally {
			client.shutdown();
		}
	}

	@Test
	void influxDatabaseAcceptsLineProtocolAndAnswersInfluxQl() throws Exception {
		String name;
		try (TestInfluxDatabase database = influx().createDatabase("contract")) {
			name = database.name();
			HttpRequest write = HttpRequest
				.newBuilder(URI.create(influx().url() + "/write?db=" + name + "&precision=s"))
				.POST(HttpRequest.BodyPublishers.ofString("probe_check,endpoint=e1 total_ms=42.5 1700000000"))
				.build();
			try (HttpClient client = HttpClient.newHttpClient()) {
				assertThat(client.send(write, HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(204);
			}
			String csv = database.query("SELECT total_ms FROM probe_check WHERE endpoint = 'e1'");
			assertThat(csv).contains("42.5");
		}
		assertThat(influx().query("SHOW DATABASES", null)).doesNotContain(name);
	}

	@Test
	void influxErrorsAreReportedNotSwallowed() {
		try (TestInfluxDatabase database = influx().createDatabase("errors")) {
			assertThatIllegalStateException().isThrownBy(() -> database.query("SELEKT nonsense"))
				.withMessageContaining("error");
		}
	}

}
