package io.pepper.failure.alerting;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.pepper.contracts.v1.NotificationChannelSpec;
import io.pepper.http.SnapshotPoller.Refresh;
import io.pepper.testsupport.LocalPostgres;
import io.pepper.testsupport.TestDatabase;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The client of admin-app's alerting API against a local HTTP server serving a fixed
 * snapshot: ETag and 304, the bearer token, and the last good snapshot kept while
 * admin-app is away, in real PostgreSQL across restarts too. admin-app's own side is
 * tested in admin-app.
 */
class AdminAlertingClientTest {

	static final TestDatabase database = LocalPostgres.fromEnvironment().createDatabase("failure_alerting_client");

	static JdbcClient jdbc;

	static final String TOKEN = "service-token-for-admin";

	static final UUID CHECKOUT = UUID.fromString("11111111-1111-1111-1111-111111111111");

	private HttpServer server;

	private final AtomicInteger status = new AtomicInteger(200);

	private final AtomicReference<byte[]> body = new AtomicReference<>();

	private final List<String> authorizations = new CopyOnWriteArrayList<>();

	private final List<String> ifNoneMatch = new CopyOnWriteArrayList<>();

	private AdminAlertingClient client;

	@BeforeAll
	static void migrate() {
		Flyway.configure()
			.dataSource(database.jdbcUrl(), database.username(), database.password())
			.schemas("failure")
			.defaultSchema("failure")
			.load()
			.migrate();
		DriverManagerDataSource dataSource = new DriverManagerDataSource(database.jdbcUrl(), database.username(),
				database.password());
		dataSource.setSchema("failure");
		jdbc = JdbcClient.create(dataSource);
	}

	@AfterAll
	static void dropDatabase() {
		database.close();
	}

	@BeforeEach
	void startAdmin() throws IOException {
		jdbc.sql("DELETE FROM alerting_snapshot").update();
		try (InputStream json = getClass().getResourceAsStream("alerting-snapshot.json")) {
			this.body.set(json.readAllBytes());
		}
		this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		this.server.createContext("/api/service/v1/alerting", this::answer);
		this.server.start();
		this.client = newClient();
	}

	@AfterEach
	void stopAdmin() {
		this.server.stop(0);
	}

	@Test
	void loadsTheSnapshotWithTheServiceToken() {
		assertThat(this.client.refresh()).isEqualTo(Refresh.UPDATED);

		assertThat(this.authorizations).containsExactly("Bearer " + TOKEN);
		EndpointRules rules = this.client.rulesFor(CHECKOUT);
		assertThat(rules.endpoint()).isNotNull();
		assertThat(rules.locations()).containsExactly("eu-west", "us-east", "ap-south");
		assertThat(rules.policy().failuresToOpen()).isEqualTo(3);
		assertThat(rules.policy().quorum(3)).isEqualTo(2);
		assertThat(rules.policy().reminderIntervalMinutes()).isEqualTo(30);
		assertThat(rules.channels()).extracting(NotificationChannelSpec::name).containsExactly("On-call", "#ops");
		assertThat(rules.maintenanceWindows()).singleElement()
			.satisfies((window) -> assertThat(window.name()).isEqualTo("Release night"));
		// Tuesday 2030-01-01 22:30 in Berlin is inside the weekly window.
		assertThat(rules.activeWindow(Instant.parse("2030-01-01T21:30:00Z"))).isPresent();
		assertThat(rules.activeWindow(Instant.parse("2030-01-02T21:30:00Z"))).isEmpty();
		assertThat(this.client.channel(UUID.fromString("c0000000-0000-0000-0000-000000000002"))).get()
			.isInstanceOf(NotificationChannelSpec.Slack.class);
	}

	@Test
	void keepsTheBasePathOfAdminsUrl() {
		this.server.createContext("/pepper/api/service/v1/alerting", this::answer);
		AdminAlertingClient behindAPrefix = new AdminAlertingClient(
				URI.create("http://127.0.0.1:" + this.server.getAddress().getPort() + "/pepper/"), TOKEN,
				Duration.ofSeconds(2), new PersistedSnapshot(jdbc));

		assertThat(behindAPrefix.refresh()).isEqualTo(Refresh.UPDATED);
		assertThat(behindAPrefix.rulesFor(CHECKOUT).policy().failuresToOpen()).isEqualTo(3);
	}

	@Test
	void neverUsesAChannelOfAnotherOrganization() {
		this.client.refresh();

		assertThat(this.client.rulesFor(CHECKOUT).channels()).extracting(NotificationChannelSpec::id)
			.doesNotContain(UUID.fromString("c0000000-0000-0000-0000-000000000099"));
	}

	@Test
	void asksWithTheEtagAndKeepsTheSnapshotOnNotModified() {
		this.client.refresh();

		assertThat(this.client.refresh()).isEqualTo(Refresh.NOT_MODIFIED);

		assertThat(this.ifNoneMatch).containsExactly("", etag());
		assertThat(this.client.rulesFor(CHECKOUT).policy().failuresToOpen()).isEqualTo(3);
	}

	@Test
	void keepsTheLastGoodSnapshotWhileAdminFails() {
		this.client.refresh();
		this.status.set(503);

		assertThat(this.client.refresh()).isEqualTo(Refresh.FAILED);
		assertThat(this.client.rulesFor(CHECKOUT).policy().failuresToOpen()).isEqualTo(3);

		this.status.set(200);
		this.body.set("{\"generatedAt\": \"broken".getBytes());
		assertThat(this.client.refresh()).isEqualTo(Refresh.FAILED);
		assertThat(this.client.rulesFor(CHECKOUT).policy().failuresToOpen()).isEqualTo(3);

		this.server.stop(0);
		assertThat(this.client.refresh()).isEqualTo(Refresh.FAILED);
		assertThat(this.client.rulesFor(CHECKOUT).policy().failuresToOpen()).isEqualTo(3);
		assertThat(this.client.snapshot()).isNotNull();
	}

	@Test
	void holdsEveryEndpointUntilTheFirstSnapshotArrives() {
		this.status.set(500);

		assertThat(this.client.restore()).isFalse();
		assertThat(this.client.refresh()).isEqualTo(Refresh.FAILED);

		assertThat(this.client.loaded()).isFalse();
		EndpointRules rules = this.client.rulesFor(CHECKOUT);
		assertThat(rules.held()).isTrue();
		assertThat(rules.endpoint()).isNull();
		assertThat(rules.channels()).isEmpty();
		assertThat(rules.contactEmails()).as("nobody is told before admin-app says who may be").isEmpty();
	}

	@Test
	void holdsAnEndpointTheSnapshotDoesNotListYet() {
		this.client.refresh();

		EndpointRules rules = this.client.rulesFor(UUID.randomUUID());

		assertThat(this.client.loaded()).isTrue();
		assertThat(rules.held()).isTrue();
		assertThat(rules.endpoint()).isNull();
		assertThat(rules.contactEmails()).isEmpty();
		assertThat(this.client.rulesFor(CHECKOUT).held()).isFalse();
	}

	@Test
	void restoresTheLastSnapshotAfterARestartWhileAdminIsAway() {
		assertThat(this.client.refresh()).isEqualTo(Refresh.UPDATED);
		this.status.set(503);

		AdminAlertingClient restarted = newClient();
		assertThat(restarted.loaded()).isFalse();
		assertThat(restarted.restore()).isTrue();
		assertThat(restarted.refresh()).isEqualTo(Refresh.FAILED);

		EndpointRules rules = restarted.rulesFor(CHECKOUT);
		assertThat(rules.held()).isFalse();
		assertThat(rules.locations()).containsExactly("eu-west", "us-east", "ap-south");
		assertThat(rules.quorum()).isEqualTo(2);
		assertThat(rules.channels()).extracting(NotificationChannelSpec::name).containsExactly("On-call", "#ops");
		assertThat(restarted.snapshot()).isEqualTo(this.client.snapshot());
	}

	@Test
	void prefersAFetchedSnapshotToTheOneKept() {
		this.client.refresh();
		this.body.set(new String(this.body.get()).replace("\"failuresToOpen\": 3", "\"failuresToOpen\": 4").getBytes());

		AdminAlertingClient restarted = newClient();
		assertThat(restarted.refresh()).isEqualTo(Refresh.UPDATED);
		assertThat(restarted.restore()).isTrue();

		assertThat(restarted.rulesFor(CHECKOUT).policy().failuresToOpen()).isEqualTo(4);
		AdminAlertingClient third = newClient();
		assertThat(third.restore()).isTrue();
		assertThat(third.rulesFor(CHECKOUT).policy().failuresToOpen()).as("the newest kept").isEqualTo(4);
	}

	private AdminAlertingClient newClient() {
		return new AdminAlertingClient(URI.create("http://127.0.0.1:" + this.server.getAddress().getPort()), TOKEN,
				Duration.ofSeconds(2), new PersistedSnapshot(jdbc));
	}

	@Test
	void givesAnEndpointTheContactsOfItsOwnOrganizationOnly() {
		this.client.refresh();

		assertThat(this.client.rulesFor(CHECKOUT).contactEmails()).containsExactly("admin@shop.example.com",
				"owner@shop.example.com");
	}

	/** A strong ETag of the body being served, so a changed body is fetched again. */
	private String etag() {
		return "\"" + Integer.toHexString(Arrays.hashCode(this.body.get())) + "\"";
	}

	private void answer(HttpExchange exchange) throws IOException {
		this.authorizations.add(String.valueOf(exchange.getRequestHeaders().getFirst("Authorization")));
		String condition = exchange.getRequestHeaders().getFirst("If-None-Match");
		this.ifNoneMatch.add((condition != null) ? condition : "");
		int answer = this.status.get();
		if (answer == 200 && etag().equals(condition)) {
			exchange.getResponseHeaders().add("ETag", etag());
			exchange.sendResponseHeaders(304, -1);
			exchange.close();
			return;
		}
		byte[] content = (answer == 200) ? this.body.get() : "{}".getBytes();
		exchange.getResponseHeaders().add("Content-Type", "application/json");
		if (answer == 200) {
			exchange.getResponseHeaders().add("ETag", etag());
		}
		exchange.sendResponseHeaders(answer, content.length);
		exchange.getResponseBody().write(content);
		exchange.close();
	}

}
