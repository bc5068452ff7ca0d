package io.pepper.demo;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;

import io.pepper.contracts.auth.BearerTokens;
import io.pepper.contracts.v1.EndpointSpec;
import io.pepper.contracts.v1.HistoryPoint;
import io.pepper.contracts.v1.HistoryResolution;
import io.pepper.contracts.v1.LocationHistory;
import io.pepper.contracts.v1.OutcomeKind;
import io.pepper.contracts.v1.RecentChecks;
import io.pepper.http.ServiceClient;
import io.pepper.receiver.ReceiverApplication;
import io.pepper.receiver.queue.ResultWorker;
import io.pepper.testsupport.LocalInflux;
import io.pepper.testsupport.LocalRedis;
import io.pepper.testsupport.TestInfluxDatabase;
import io.pepper.testsupport.TestRedisNamespace;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The demo history goes through a real receiver-service (ingest API, Redis queue, worker,
 * InfluxDB) and its history API then shows it.
 */
@SpringBootTest(classes = ReceiverApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DemoHistoryTest {

	private static final LocalRedis REDIS = LocalRedis.fromEnvironment();

	private static final TestRedisNamespace KEYS = REDIS.createNamespace("demo_history");

	private static final TestInfluxDatabase INFLUX = LocalInflux.fromEnvironment().createDatabase("demo_history");

	@DynamicPropertySource
	static void receiver(DynamicPropertyRegistry registry) {
		registry.add("spring.data.redis.host", REDIS::host);
		registry.add("spring.data.redis.port", REDIS::port);
		registry.add("pepper.receiver.redis-key-prefix", KEYS::prefix);
		registry.add("pepper.receiver.ingest-token-sha256", () -> BearerTokens.sha256Hex("ingest"));
		registry.add("pepper.receiver.query-token-sha256", () -> BearerTokens.sha256Hex("query"));
		registry.add("pepper.receiver.influx.url", () -> INFLUX.server().url());
		registry.add("pepper.receiver.influx.database", INFLUX::name);
		registry.add("pepper.receiver.influx.v1-compat", () -> "true");
	}

	@LocalServerPort
	private int port;

	@Autowired
	private ResultWorker worker;

	@AfterAll
	void closeAll() {
		this.worker.stop();
		KEYS.close();
		INFLUX.close();
	}

	@Test
	void sendsAWeekOfPastChecksThatTheHistoryApiThenShowsAndNeverSendsThemTwice() {
		URI receiver = URI.create("http://127.0.0.1:" + this.port);
		ServiceClient query = ServiceClient.builder("receiver-service", receiver).token("query").build();
		DemoHistory demo = new DemoHistory(ServiceClient.builder("receiver-service", receiver).token("ingest").build(),
				query, new HistoryGenerator(7));
		EndpointSpec healthy = HistoryGeneratorTest.endpoint("receiver-service health",
				"http://127.0.0.1:" + this.port + "/actuator/health");
		EndpointSpec broken = HistoryGeneratorTest.endpoint("Always failing (demo)",
				"http://127.0.0.1:" + this.port + "/nope");
		Instant to = Instant.now();
		Instant from = to.minus(Duration.ofDays(7));

		DemoHistory.Report report = demo.seed(List.of(healthy, broken), "local", from, to, Set.of(broken.id()));

		assertThat(report).isEqualTo(new DemoHistory.Report(2, 0, 2 * 7 * 24 * 60, 0));
		Instant lastSlot = Instant.ofEpochSecond(Math.floorDiv(to.getEpochSecond() - 1, 60) * 60);
		await().atMost(Duration.ofMinutes(2)).untilAsserted(() -> {
			RecentChecks recent = query.get(RecentChecks.PATH + "?limit=1", RecentChecks.class, broken.id());
			assertThat(recent.checks()).singleElement().satisfies((check) -> {
				assertThat(check.scheduledAt()).isEqualTo(lastSlot);
				assertThat(check.outcome().kind()).isEqualTo(OutcomeKind.UNEXPECTED_STATUS);
			});
		});
		await().atMost(Duration.ofMinutes(2)).untilAsserted(() -> {
			LocationHistory week = query.get(LocationHistory.PATH + "?from={from}&to={to}", LocationHistory.class,
					healthy.id(), from.toString(), to.toString());
			assertThat(week.resolution()).isEqualTo(HistoryResolution.HOURLY);
			assertThat(week.all().stream().mapToLong(HistoryPoint::checks).sum()).isEqualTo(7 * 24 * 60);
			assertThat(week.all()).hasSizeBetween(168, 169);
			assertThat(week.locations()).extracting(LocationHistory.Series::location).containsExactly("local");
			assertThat(week.all()).allSatisfy((point) -> assertThat(point.p95Ms()).isPositive());
		});

		DemoHistory.Report again = demo.seed(List.of(healthy, broken), "local", from, to, Set.of(broken.id()));

		assertThat(again).isEqualTo(new DemoHistory.Report(0, 2, 0, 0));
	}

}
