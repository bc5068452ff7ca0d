package io.pepper.probe.round;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.pepper.contracts.v1.CheckResult;
import io.pepper.contracts.v1.EndpointSpec;
import io.pepper.contracts.v1.FailureBatch;
import io.pepper.contracts.v1.FailureReport;
import io.pepper.contracts.v1.OutcomeKind;
import io.pepper.contracts.v1.ProbeEndpointList;
import io.pepper.contracts.v1.ResultBatch;
import io.pepper.contracts.v1.WireJson;
import io.pepper.probe.LocalServer;
import io.pepper.probe.Specs;
import io.pepper.probe.check.Checkers;
import io.pepper.probe.check.http.HttpChecker;
import io.pepper.probe.dns.DeadlineResolver;
import io.pepper.probe.tls.TlsProvider;
import io.pepper.probe.tls.TlsSockets;
import io.pepper.net.TargetPolicy;
import io.pepper.probe.ProbeProperties;
import io.pepper.testsupport.CheckUrlCases;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.boot.DefaultApplicationArguments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

/**
 * Rounds against real local servers standing in for admin-app, the receiver,
 * failure-service and the monitored endpoints.
 */
class ProbeRoundTest {

	private static final Instant SLOT = Instant.parse("2026-01-01T12:00:00Z");

	private static final Duration MINUTE = Duration.ofSeconds(60);

	private final LocalServer targets = LocalServer.http().answer("/ok", 200, "fine").answer("/down", 500, "broken");

	private final LocalServer admin = LocalServer.http();

	private final LocalServer receiver = LocalServer.http();

	private final LocalServer failureService = LocalServer.http().answer("/v1/failures", 202, "");

	private final AtomicInteger adminStatus = new AtomicInteger(200);

	private EndpointSpec up;

	private EndpointSpec down;

	private volatile byte[] list;

	@BeforeEach
	void serveEndpointList() {
		this.up = Specs.get(this.targets.url("/ok"));
		this.down = Specs.get(this.targets.url("/down"));
		this.list = WireJson.mapper()
			.writeValueAsBytes(new ProbeEndpointList("local", SLOT, List.of(this.up, this.down)));
		this.admin.on(ProbeEndpointList.PATH, (exchange) -> {
			byte[] list = this.list;
			if (!"Bearer admin-secret".equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
				LocalServer.respond(exchange, 401, "");
			}
			else if (this.adminStatus.get() != 200) {
				LocalServer.respond(exchange, this.adminStatus.get(), "");
			}
			else if ("\"v1\"".equals(exchange.getRequestHeaders().getFirst("If-None-Match"))) {
				exchange.sendResponseHeaders(304, -1);
			}
			else {
				exchange.getResponseHeaders().add("ETag", "\"v1\"");
				exchange.getResponseHeaders().add("Content-Type", "application/json");
				exchange.sendResponseHeaders(200, list.length);
				exchange.getResponseBody().write(list);
			}
		});
	}

	private final List<Delivery> deliveries = new ArrayList<>();

	private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

	private final ProbeMetrics metrics = new ProbeMetrics(this.registry);

	private Delivery delivery;

	@AfterEach
	void stopServers() {
		this.deliveries.forEach(Delivery::close);
		List.of(this.targets, this.admin, this.receiver, this.failureService).forEach(LocalServer::close);
	}

	@Test
	void checksEveryValidEntryAndReportsEachInvalidOneAsAFailedCheck() {
		this.receiver.answer(ResultBatch.PATH, 201, "");
		ObjectNode sent = WireJson.mapper().valueToTree(new ProbeEndpointList("local", SLOT, List.of(this.up)));
		ArrayNode endpoints = (ArrayNode) sent.get("endpoints");
		ObjectNode hostless = entry(this.up, "hostless").put("url", "http://exa_mple.com/");
		ObjectNode ftp = entry(this.up, "ftp").put("url", "ftp://files.example.com/");
		ObjectNode unknownMethod = entry(this.up, "unknown method").put("method", "FETCH");
		ObjectNode anonymous = entry(this.up, "anonymous").put("method", "FETCH");
		anonymous.remove("id");
		endpoints.add(hostless).add(ftp).add(unknownMethod).add(anonymous);
		this.list = WireJson.mapper().writeValueAsBytes(sent);

		RoundReport report = round(4).run(SLOT, MINUTE, ProbeRound.Pacing.IMMEDIATE);

		assertThat(report).extracting(RoundReport::endpoints, RoundReport::checks, RoundReport::up, RoundReport::failed)
			.containsExactly(4, 4, 1, 3);
		assertThat(exitCode(report)).isEqualTo(OnceRunner.DONE);
		assertThat(WireJson.mapper().readValue(this.receiver.received().getFirst().body(), ResultBatch.class).results())
			.singleElement()
			.satisfies((result) -> assertThat(result.endpointId()).isEqualTo(this.up.id()));
		List<FailureReport> failures = this.failureService.received()
			.stream()
			.flatMap((received) -> WireJson.mapper().readValue(received.body(), FailureBatch.class).failures().stream())
			.toList();
		// the order Jackson lists an enum's values in varies
		assertThat(failures)
			.extracting(FailureReport::endpointName,
					(failure) -> failure.result().outcome().reason().replaceAll(" for Enum class: \\[.*]", ""))
			.containsExactlyInAnyOrder(
					tuple("hostless",
							"the probe cannot check this endpoint: url must name a host in letters, digits, "
									+ "'-' and '.' but was http://exa_mple.com/"),
					tuple("ftp",
							"the probe cannot check this endpoint: url must be an absolute http or https URL but was "
									+ "ftp://files.example.com/"),
					tuple("unknown method", "the probe cannot check this endpoint: method: Cannot deserialize value of "
							+ "type `io.pepper.contracts.v1.HttpMethod` from String \"FETCH\": not one of the values "
							+ "accepted"));
		assertThat(failures).allSatisfy((failure) -> {
			assertThat(failure.result().outcome().kind()).isEqualTo(OutcomeKind.INVALID_SPEC);
			assertThat(failure.result().scheduledAt()).isEqualTo(SLOT);
			assertThat(failure.result().organizationId()).isEqualTo(this.up.organizationId());
			assertThat(failure.result().location()).isEqualTo("local");
		});
		assertThat(failures).extracting((failure) -> failure.result().endpointId())
			.containsExactlyInAnyOrder(UUID.fromString(hostless.get("id").asString()),
					UUID.fromString(ftp.get("id").asString()), UUID.fromString(unknownMethod.get("id").asString()));
		assertThat(this.registry.get("pepper.probe.checks").tag("outcome", "invalid_spec").counter().count())
			.isEqualTo(3);
	}

	static List<CheckUrlCases.Case> checkUrls() {
		return CheckUrlCases.ALL;
	}

	/** The table admin-app's creation is tested against too. */
	@ParameterizedTest(name = "{0}")
	@MethodSource("checkUrls")
	void readsAnEntryExactlyWhenItsUrlCanBeChecked(CheckUrlCases.Case url) {
		ObjectNode entry = entry(this.up, "case").put("url", url.url());
		EndpointListClient.ListAsSent sent = new EndpointListClient.ListAsSent("local", SLOT, List.of(entry));

		EndpointListClient.Read read = EndpointListClient.read(sent);

		if (url.accepted()) {
			assertThat(read.invalid()).isEmpty();
			assertThat(read.list().endpoints()).singleElement()
				.satisfies((spec) -> assertThat(spec.url()).hasToString(url.url()));
		}
		else {
			assertThat(read.list().endpoints()).isEmpty();
			assertThat(read.invalid()).singleElement()
				.satisfies((invalid) -> assertThat(invalid.reason()).startsWith("url").contains(url.refusal()));
		}
	}

	static List<CheckUrlCases.KindCase> kindTargets() {
		return CheckUrlCases.OTHER_KINDS;
	}

	/** The table of other kinds' targets admin-app's creation is tested against too. */
	@ParameterizedTest(name = "{0}")
	@MethodSource("kindTargets")
	void readsAnEntryOfAnotherKindExactlyWhenItsTargetCanBeChecked(CheckUrlCases.KindCase target) {
		ObjectNode entry = entry(this.up, "case").put("url", target.url()).put("kind", target.kind());
		entry.remove("settings");
		EndpointListClient.ListAsSent sent = new EndpointListClient.ListAsSent("local", SLOT, List.of(entry));

		EndpointListClient.Read read = EndpointListClient.read(sent);

		if (target.accepted()) {
			assertThat(read.invalid()).isEmpty();
			assertThat(read.list().endpoints()).singleElement().satisfies((spec) -> {
				assertThat(spec.url()).hasToString(target.url());
				assertThat(spec.kind().name()).isEqualTo(target.kind());
			});
		}
		else {
			assertThat(read.list().endpoints()).isEmpty();
			assertThat(read.invalid()).singleElement()
				.satisfies((invalid) -> assertThat(invalid.reason()).startsWith("url").contains(target.refusal()));
		}
	}

	/** A copy of {@code spec}'s entry with an id and name of its own. */
	private static ObjectNode entry(EndpointSpec spec, String name) {
		ObjectNode entry = WireJson.mapper().valueToTree(spec);
		return entry.put("id", UUID.randomUUID().toString()).put("name", name);
	}

	@Test
	void deliversSuccessesToTheReceiverAndFailuresToFailureService() {
		this.receiver.answer(ResultBatch.PATH, 201, "");

		RoundReport report = round(4).run(SLOT, MINUTE, ProbeRound.Pacing.IMMEDIATE);

		assertThat(report)
			.extracting(RoundReport::list, RoundReport::endpoints, RoundReport::checks, RoundReport::up,
					RoundReport::failed)
			.containsExactly(ListStatus.FRESH, 2, 2, 1, 1);
		assertThat(exitCode(report)).isEqualTo(OnceRunner.DONE);
		assertThat(this.admin.received().getFirst().uri().getQuery()).isEqualTo("location=local");

		LocalServer.Received results = this.receiver.received().getFirst();
		assertThat(results.authorization()).isEqualTo("Bearer receiver-secret");
		ResultBatch batch = WireJson.mapper().readValue(results.body(), ResultBatch.class);
		assertThat(batch.probe()).isEqualTo("test-probe");
		assertThat(batch.results()).singleElement().satisfies((result) -> {
			assertThat(result.endpointId()).isEqualTo(this.up.id());
			assertThat(result.location()).isEqualTo("local");
			assertThat(result.scheduledAt()).isEqualTo(SLOT);
			assertThat(result.outcome().kind()).isEqualTo(OutcomeKind.UP);
		});

		LocalServer.Received failures = this.failureService.received().getFirst();
		assertThat(failures.authorization()).isEqualTo("Bearer failure-secret");
		FailureBatch failureBatch = WireJson.mapper().readValue(failures.body(), FailureBatch.class);
		assertThat(failureBatch.failures()).singleElement().satisfies((failure) -> {
			assertThat(failure.endpointName()).isEqualTo(this.down.name());
			assertThat(failure.url()).isEqualTo(this.down.url());
			assertThat(failure.result().outcome().reason()).isEqualTo("expected 200-299 but got 500");
			assertThat(failure.result().scheduledAt()).isEqualTo(SLOT);
		});
	}

	@Test
	void countsChecksByOutcomeAndTimesEveryPhase() {
		this.receiver.answer(ResultBatch.PATH, 201, "");

		RoundReport report = round(4).run(SLOT, MINUTE, ProbeRound.Pacing.IMMEDIATE);
		assertThat(exitCode(report)).isEqualTo(OnceRunner.DONE);

		assertThat(this.registry.get("pepper.probe.checks").tag("outcome", "up").counter().count()).isEqualTo(1);
		assertThat(this.registry.get("pepper.probe.checks").tag("outcome", "unexpected_status").counter().count())
			.isEqualTo(1);
		assertThat(this.registry.get("pepper.probe.checks").tag("outcome", "timeout").counter().count()).isZero();
		assertThat(this.registry.get("pepper.probe.check.duration").tag("phase", "total").timer().count()).isEqualTo(2);
		assertThat(this.registry.get("pepper.probe.check.duration").tag("phase", "connect").timer().count())
			.isEqualTo(2);
		assertThat(this.registry.get("pepper.probe.check.duration").tag("phase", "tls").timer().count()).isZero();
		assertThat(this.registry.get("pepper.probe.round.duration").timer().count()).isEqualTo(1);
		assertThat(this.registry.get("pepper.probe.delivery.delivered")
			.tag("service", "receiver")
			.functionCounter()
			.count()).isEqualTo(1);
		assertThat(this.registry.get("pepper.probe.delivery.delivered")
			.tag("service", "failure-service")
			.functionCounter()
			.count()).isEqualTo(1);
		assertThat(this.registry.get("pepper.probe.delivery.buffered").tag("service", "receiver").gauge().value())
			.isZero();
	}

	@Test
	void logsOneSummaryLineWithItsFiguresAsFields() {
		this.receiver.answer(ResultBatch.PATH, 201, "");
		Logger logger = (Logger) LoggerFactory.getLogger(ProbeRound.class);
		ListAppender<ILoggingEvent> appender = new ListAppender<>();
		appender.start();
		logger.addAppender(appender);
		try {
			round(4).run(SLOT, MINUTE, ProbeRound.Pacing.IMMEDIATE);
		}
		finally {
			logger.detachAppender(appender);
		}

		assertThat(appender.list).singleElement().satisfies((event) -> {
			assertThat(event.getFormattedMessage()).startsWith(
					"round 2026-01-01T12:00:00Z: 2 endpoints (fresh list, shard 0/1), 2 checks, 1 up, 1 failed");
			assertThat(event.getKeyValuePairs()).extracting((pair) -> pair.key + "=" + pair.value)
				.contains("endpoints=2", "checks=2", "up=1", "failed=1", "list=FRESH", "shard=0/1");
		});
	}

	@Test
	void reusesTheListWhenAdminAnswersNotModified() {
		this.receiver.answer(ResultBatch.PATH, 201, "");
		ProbeRound round = round(4);

		round.run(SLOT, MINUTE, ProbeRound.Pacing.IMMEDIATE);
		RoundReport second = round.run(SLOT.plusSeconds(60), MINUTE, ProbeRound.Pacing.IMMEDIATE);

		assertThat(this.admin.received()).extracting(LocalServer.Received::ifNoneMatch).containsExactly(null, "\"v1\"");
		assertThat(second.list()).isEqualTo(ListStatus.NOT_MODIFIED);
		assertThat(second.endpoints()).isEqualTo(2);
		assertThat(exitCode(second)).isEqualTo(OnceRunner.DONE);
		assertThat(this.receiver.received()
			.stream()
			.mapToInt((received) -> WireJson.mapper().readValue(received.body(), ResultBatch.class).results().size())
			.sum()).isEqualTo(2);
	}

	@Test
	void keepsCheckingTheLastListWhileAdminIsDown() {
		this.receiver.answer(ResultBatch.PATH, 201, "");
		ProbeRound round = round(4);
		round.run(SLOT, MINUTE, ProbeRound.Pacing.IMMEDIATE);
		this.adminStatus.set(503);

		RoundReport report = round.run(SLOT.plusSeconds(60), MINUTE, ProbeRound.Pacing.IMMEDIATE);

		assertThat(report.list()).isEqualTo(ListStatus.STALE);
		assertThat(report.endpoints()).isEqualTo(2);
		assertThat(exitCode(report)).isEqualTo(OnceRunner.DONE);
	}

	@Test
	void retriesAReceiverThatIsBrieflyUnavailableAndDeliversTheBatchOnce() {
		AtomicInteger calls = new AtomicInteger();
		this.receiver.on(ResultBatch.PATH,
				(exchange) -> LocalServer.respond(exchange, (calls.incrementAndGet() <= 2) ? 503 : 201, ""));

		RoundReport report = round(4).run(SLOT, MINUTE, ProbeRound.Pacing.IMMEDIATE);

		assertThat(exitCode(report)).isEqualTo(OnceRunner.DONE);
		List<ResultBatch> attempts = this.receiver.received()
			.stream()
			.map((received) -> WireJson.mapper().readValue(received.body(), ResultBatch.class))
			.toList();
		assertThat(attempts).hasSize(3);
		assertThat(attempts).extracting(ResultBatch::batchId)
			.as("a retried batch keeps its id")
			.containsOnly(attempts.getFirst().batchId());
	}

	@Test
	void exitsWith3WhenABatchCannotBeDelivered() {
		this.receiver.answer(ResultBatch.PATH, 503, "");

		RoundReport report = round(2).run(SLOT, MINUTE, ProbeRound.Pacing.IMMEDIATE);

		assertThat(exitCode(report)).isEqualTo(OnceRunner.DELIVERY_FAILED);
		assertThat(this.receiver.received()).hasSize(2);
		assertThat(
				this.registry.get("pepper.probe.delivery.errors").tag("service", "receiver").functionCounter().count())
			.isEqualTo(2);
		assertThat(this.registry.get("pepper.probe.delivery.dropped")
			.tags("service", "receiver", "reason", "gave_up")
			.functionCounter()
			.count()).isEqualTo(1);
	}

	@Test
	void exitsWith2WhenTheEndpointListIsUnavailable() throws IOException {
		int closedPort;
		try (ServerSocket socket = new ServerSocket(0)) {
			closedPort = socket.getLocalPort();
		}
		ProbeRound round = round("http://127.0.0.1:" + closedPort, 4);

		RoundReport report = round.run(SLOT, MINUTE, ProbeRound.Pacing.IMMEDIATE);

		assertThat(report.list()).isEqualTo(ListStatus.UNAVAILABLE);
		assertThat(report.endpoints()).isZero();
		assertThat(exitCode(report)).isEqualTo(OnceRunner.LIST_UNAVAILABLE);
		assertThat(this.targets.received()).isEmpty();
	}

	@Test
	void exitsWith2WhenAdminRefusesTheToken() {
		ProbeRound round = new ProbeRound(
				new EndpointListClient(this.admin.url("/").toString(), "local", "wrong-token"), checker(), delivery(4),
				"local", 10, Shard.ALL, Clock.systemUTC(), Sleeper.on(Clock.systemUTC()), this.metrics);

		assertThat(exitCode(round.run(SLOT, MINUTE, ProbeRound.Pacing.IMMEDIATE)))
			.isEqualTo(OnceRunner.LIST_UNAVAILABLE);
	}

	@Test
	void spreadsChecksOverTheRoundAtEachEndpointsOffsetAndReportsTheSlotAsScheduledTime() {
		this.receiver.answer(ResultBatch.PATH, 201, "");
		List<Instant> waits = new CopyOnWriteArrayList<>();
		ProbeRound round = round(this.admin.url("/").toString(), 4, waits::add);

		RoundReport report = round.run(SLOT, MINUTE, ProbeRound.Pacing.SPREAD);

		assertThat(report.checks()).isEqualTo(2);
		assertThat(waits)
			.containsExactlyElementsOf(List.of(startAt(this.up), startAt(this.down)).stream().sorted().toList());
		assertThat(this.delivery.drain(Duration.ofSeconds(10))).isTrue();
		ResultBatch batch = WireJson.mapper().readValue(this.receiver.received().getFirst().body(), ResultBatch.class);
		assertThat(batch.results()).singleElement()
			.satisfies((result) -> assertThat(result.scheduledAt()).isEqualTo(SLOT));
	}

	@Test
	void countsChecksThatStartMoreThanTheirIntervalAfterTheirPlannedStartAsLate() {
		this.receiver.answer(ResultBatch.PATH, 201, "");
		Sleeper now = (instant) -> {
		};

		// Planned for a slot long past: both checks start months after their plan.
		round(this.admin.url("/").toString(), 4, now).run(SLOT, MINUTE, ProbeRound.Pacing.SPREAD);

		assertThat(this.registry.get("pepper.probe.checks.late").counter().count()).isEqualTo(2);
		assertThat(this.registry.get("pepper.probe.check.start.delay").timer().count()).isEqualTo(2);
	}

	@Test
	void checksThatStartOnTimeAreNotLate() {
		this.receiver.answer(ResultBatch.PATH, 201, "");

		round(this.admin.url("/").toString(), 4).run(SLOT, MINUTE, ProbeRound.Pacing.IMMEDIATE);

		assertThat(this.registry.get("pepper.probe.check.start.delay").timer().count()).isEqualTo(2);
		assertThat(this.registry.get("pepper.probe.checks.late").counter().count()).isZero();
	}

	@Test
	void probesOnTwoShardsCheckEachEndpointOfTheListOnce() {
		this.receiver.answer(ResultBatch.PATH, 201, "");
		Sleeper now = (instant) -> {
		};

		RoundReport first = round(this.admin.url("/").toString(), 4, now, new Shard(0, 2)).run(SLOT, MINUTE,
				ProbeRound.Pacing.IMMEDIATE);
		RoundReport second = round(this.admin.url("/").toString(), 4, now, new Shard(1, 2)).run(SLOT, MINUTE,
				ProbeRound.Pacing.IMMEDIATE);

		assertThat(first.endpoints() + second.endpoints()).isEqualTo(2);
		assertThat(this.targets.received()).extracting((received) -> received.uri().getPath())
			.containsExactlyInAnyOrder("/ok", "/down");
	}

	@Test
	void aReceiverThatHangsDelaysNeitherTheRoundNorTheNext() throws InterruptedException {
		CountDownLatch receiverHangs = new CountDownLatch(1);
		this.receiver.on(ResultBatch.PATH, (exchange) -> {
			try {
				receiverHangs.await();
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
			LocalServer.respond(exchange, 201, "");
		});
		ProbeRound round = round(4);
		AtomicInteger roundsDone = new AtomicInteger();
		Thread rounds = Thread.ofVirtual().start(() -> {
			round.run(SLOT, MINUTE, ProbeRound.Pacing.IMMEDIATE);
			roundsDone.incrementAndGet();
			round.run(SLOT.plus(MINUTE), MINUTE, ProbeRound.Pacing.IMMEDIATE);
			roundsDone.incrementAndGet();
		});
		try {
			await().atMost(Duration.ofSeconds(10)).until(() -> roundsDone.get() == 2);
			assertThat(this.targets.received()).hasSize(4);
			assertThat(this.delivery.state().resultsBuffered()).as("results held while the receiver hangs")
				.isPositive();
		}
		finally {
			receiverHangs.countDown();
			rounds.join();
		}

		assertThat(this.delivery.drain(Duration.ofSeconds(10))).isTrue();
		assertThat(this.receiver.received()
			.stream()
			.flatMap((received) -> WireJson.mapper().readValue(received.body(), ResultBatch.class).results().stream())
			.map(CheckResult::scheduledAt)).containsExactlyInAnyOrder(SLOT, SLOT.plus(MINUTE));
	}

	@Test
	void schedulerStartsARoundAtEveryMultipleOfTheInterval() {
		this.receiver.answer(ResultBatch.PATH, 201, "");
		RoundScheduler scheduler = new RoundScheduler(round(4), Duration.ofMillis(200), Clock.systemUTC(),
				new DefaultApplicationArguments());
		scheduler.start();
		try {
			await().atMost(Duration.ofSeconds(10)).until(() -> this.admin.received().size() >= 3);
		}
		finally {
			scheduler.stop();
		}
	}

	private static Instant startAt(EndpointSpec endpoint) {
		return SLOT.plus(CheckPlan.offset(endpoint.id(), MINUTE));
	}

	private ProbeRound round(int deliveryAttempts) {
		return round(this.admin.url("/").toString(), deliveryAttempts);
	}

	private ProbeRound round(String adminUrl, int deliveryAttempts) {
		return round(adminUrl, deliveryAttempts, Sleeper.on(Clock.systemUTC()));
	}

	private ProbeRound round(String adminUrl, int deliveryAttempts, Sleeper sleeper) {
		return round(adminUrl, deliveryAttempts, sleeper, Shard.ALL);
	}

	private ProbeRound round(String adminUrl, int deliveryAttempts, Sleeper sleeper, Shard shard) {
		return new ProbeRound(new EndpointListClient(adminUrl, "local", "admin-secret"), checker(),
				delivery(deliveryAttempts), "local", 10, shard, Clock.systemUTC(), sleeper, this.metrics);
	}

	private Delivery delivery(int attempts) {
		this.delivery = new Delivery(new Delivery.Target(this.receiver.url("").toString(), "receiver-secret"),
				new Delivery.Target(this.failureService.url("").toString(), "failure-secret"), "test-probe",
				new Delivery.Settings(1000, attempts, Duration.ofMillis(20), Duration.ofMillis(100), Duration.ZERO));
		this.deliveries.add(this.delivery);
		this.metrics.watch(this.delivery);
		return this.delivery;
	}

	private int exitCode(RoundReport report) {
		return OnceRunner.exitCode(report, this.delivery.drain(Duration.ofSeconds(10)));
	}

	private static Checkers checker() {
		TargetPolicy loopback = TargetPolicy.allowing(ProbeProperties.ALLOWED_TARGETS, List.of("127.0.0.1/32"));
		return new Checkers(
				List.of(new HttpChecker(TlsSockets.create(TlsProvider.CONSCRYPT, TlsSockets.systemTrust()),
						DeadlineResolver.system(), loopback, HttpChecker.DEFAULT_MAX_BODY_BYTES, Clock.systemUTC())),
				Clock.systemUTC());
	}

}
