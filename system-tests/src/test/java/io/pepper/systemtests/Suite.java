package io.pepper.systemtests;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import io.pepper.contracts.v1.WireJson;
import io.pepper.testsupport.Browser;
import io.pepper.testsupport.LocalInflux;
import io.pepper.testsupport.LocalPostgres;
import io.pepper.testsupport.LocalRedis;
import io.pepper.testsupport.TestDatabase;
import io.pepper.testsupport.TestInfluxDatabase;
import io.pepper.testsupport.TestRedisNamespace;
import io.pepper.testsupport.ServiceProcess;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The four services as separate processes on random ports, wired to each other as in
 * production, against real PostgreSQL, Redis, InfluxDB and SMTP (GreenMail), with a
 * healthy, a broken and a flaky local target. Started once per test JVM and shared by the
 * system tests that take it as a parameter ({@code @ExtendWith(Suite.Shared.class)});
 * each test works in an organization of its own. Stopped when the tests are done.
 */
final class Suite implements AutoCloseable {

	// Four JVMs start at once; on a busy 2-core machine admin-app alone can take two
	// minutes.
	private static final Duration START_TIMEOUT = Duration.ofSeconds(300);

	static final Duration FLOW_TIMEOUT = Duration.ofSeconds(90);

	static final String PASSWORD = "a long enough password for e2e";

	/**
	 * Locations no probe serves: endpoints there are never checked, e.g. the benchmark's.
	 */
	static final List<String> OTHER_LOCATIONS = List.of("eu-west", "us-east", "ap-south");

	/** The bootstrapped organization's owner. */
	static final String OWNER = "owner@e2e.example";

	private static final Pattern CONFIRM_LINK = Pattern.compile("https?://[^\\s/]+(/signup/confirm/[A-Za-z0-9_-]+)");

	private static final Pattern NEW_TOKEN = Pattern.compile("id=\"new-token\".*?<code[^>]*>([^<]+)</code>",
			Pattern.DOTALL);

	private final HttpClient http = HttpClient.newHttpClient();

	private final List<AutoCloseable> resources = new ArrayList<>();

	private final List<ServiceProcess> services = new ArrayList<>();

	/** The bootstrapped organization's API token. */
	final String apiToken = Tokens.random();

	/** What admin-app reads history with. */
	final String queryToken = Tokens.random();

	/** What admin-app and receiver-service read incidents with. */
	final String failureServiceToken = Tokens.random();

	/** What the probe posts results with; the demo history too. */
	final String probeToReceiver = Tokens.random();

	/** What the probe reads its endpoint list with. */
	final String probeToken = Tokens.random();

	final GreenMail smtp;

	final Targets targets;

	final TestInfluxDatabase influx;

	final ServiceProcess admin;

	final ServiceProcess receiver;

	final ServiceProcess failure;

	final ServiceProcess probe;

	/** What Prometheus scrapes every service's /actuator/prometheus with. */
	final String scrapeToken = Tokens.random();

	/**
	 * How the suite is wired where tests differ: the receiver's store ({@code influx} or
	 * {@code postgres}, then in a database of its own), the probe's interval, and
	 * arguments added to the receiver's and the probe's.
	 */
	record Setup(String store, String probeInterval, List<String> receiverArgs, List<String> probeArgs) {

		static final Setup SYSTEM_TESTS = new Setup("influx", "5s", List.of(), List.of());

	}

	private Suite() throws Exception {
		this(Setup.SYSTEM_TESTS);
	}

	/** A suite of its own, not the shared one: a benchmark's, closed by its caller. */
	Suite(Setup setup) throws Exception {
		LocalPostgres postgres = LocalPostgres.fromEnvironment();
		TestDatabase adminDb = own(postgres.createDatabase("e2e_admin"));
		TestDatabase failureDb = own(postgres.createDatabase("e2e_failure"));
		LocalRedis redis = LocalRedis.fromEnvironment();
		TestRedisNamespace keys = own(redis.createNamespace("e2e"));
		LocalInflux influxServer = LocalInflux.fromEnvironment();
		this.influx = own(influxServer.createDatabase("e2e"));
		this.smtp = new GreenMail(new ServerSetup(ServiceProcess.freePort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
		this.smtp.start();
		this.targets = own(new Targets());

		// Each caller has its own token; each service is given only the digests it
		// accepts.
		String probeToFailure = Tokens.random();
		String adminServiceToken = Tokens.random();
		String failureToReceiver = Tokens.random();
		int adminPort = ServiceProcess.freePort();
		int receiverPort = ServiceProcess.freePort();
		int failurePort = ServiceProcess.freePort();
		int probePort = ServiceProcess.freePort();
		String adminUrl = "http://127.0.0.1:" + adminPort;
		String receiverUrl = "http://127.0.0.1:" + receiverPort;
		String failureUrl = "http://127.0.0.1:" + failurePort;
		List<String> redisArgs = List.of("--spring.data.redis.host=" + redis.host(),
				"--spring.data.redis.port=" + redis.port());

		List<String> adminArgs = new ArrayList<>(List.of("--spring.datasource.url=" + adminDb.jdbcUrl(),
				"--spring.datasource.username=" + adminDb.username(),
				"--spring.datasource.password=" + adminDb.password(),
				"--spring.session.data.redis.namespace=" + keys.prefix() + "admin:session",
				"--pepper.admin.ui.redis-key-prefix=" + keys.prefix() + "admin:",
				"--pepper.admin.bootstrap.organization=E2E", "--pepper.admin.bootstrap.owner-email=" + OWNER,
				"--pepper.admin.bootstrap.api-token-sha256=" + Tokens.sha256(this.apiToken),
				"--pepper.admin.bootstrap.probe-token-sha256=" + Tokens.sha256(this.probeToken),
				"--pepper.admin.bootstrap.locations=local," + String.join(",", OTHER_LOCATIONS),
				"--pepper.admin.service-token-sha256=" + Tokens.sha256(adminServiceToken),
				"--pepper.admin.secrets.key=" + Tokens.secretKey(), "--spring.mail.host=127.0.0.1",
				"--spring.mail.port=" + this.smtp.getSmtp().getPort(), "--pepper.admin.ui.base-url=" + adminUrl,
				"--pepper.admin.ui.mail-from=pepper@e2e.example",
				"--pepper.admin.monitoring.receiver-url=" + receiverUrl,
				"--pepper.admin.monitoring.receiver-token=" + this.queryToken,
				"--pepper.admin.monitoring.failure-url=" + failureUrl,
				"--pepper.admin.monitoring.failure-token=" + this.failureServiceToken));
		adminArgs.addAll(redisArgs);
		List<String> receiverArgs = ServiceArgs.receiver(redis.host(), redis.port(), keys.prefix(), influxServer.url(),
				this.influx.name(), List.of(this.probeToReceiver, failureToReceiver), this.queryToken);
		if ("postgres".equals(setup.store())) {
			TestDatabase receiverDb = own(postgres.createDatabase("e2e_receiver"));
			receiverArgs
				.addAll(List.of("--pepper.receiver.store=postgres", "--spring.datasource.url=" + receiverDb.jdbcUrl(),
						"--spring.datasource.username=" + receiverDb.username(),
						"--spring.datasource.password=" + receiverDb.password()));
		}
		String scrape = "--pepper.metrics.scrape-token-sha256=" + Tokens.sha256(this.scrapeToken);
		receiverArgs.add(scrape);
		receiverArgs.addAll(setup.receiverArgs());
		receiverArgs.addAll(List.of("--pepper.receiver.admin-url=" + adminUrl,
				"--pepper.receiver.admin-token=" + adminServiceToken, "--pepper.receiver.failure-url=" + failureUrl,
				"--pepper.receiver.failure-token=" + this.failureServiceToken,
				"--pepper.receiver.recovery.poll-interval=1s"));
		List<String> failureArgs = List.of("--spring.datasource.url=" + failureDb.jdbcUrl(),
				"--spring.datasource.username=" + failureDb.username(),
				"--spring.datasource.password=" + failureDb.password(), "--spring.mail.host=127.0.0.1",
				"--spring.mail.port=" + this.smtp.getSmtp().getPort(),
				"--pepper.failure.ingest-token-sha256=" + Tokens.sha256(probeToFailure),
				"--pepper.failure.service-token-sha256=" + Tokens.sha256(this.failureServiceToken),
				"--pepper.failure.admin-url=" + adminUrl, "--pepper.failure.admin-token=" + adminServiceToken,
				"--pepper.failure.admin-poll-interval=1s", "--pepper.failure.admin-public-url=" + adminUrl,
				"--pepper.failure.receiver-url=" + receiverUrl, "--pepper.failure.receiver-token=" + failureToReceiver,
				"--pepper.failure.mail.from=pepper@e2e.example");
		List<String> probeArgs = new ArrayList<>(List.of("--pepper.probe.name=e2e-probe",
				"--pepper.probe.location=local", "--pepper.probe.interval=" + setup.probeInterval(), scrape,
				"--pepper.probe.admin-url=" + adminUrl, "--pepper.probe.admin-token=" + this.probeToken,
				"--pepper.probe.receiver-url=" + receiverUrl, "--pepper.probe.receiver-token=" + this.probeToReceiver,
				"--pepper.probe.failure-url=" + failureUrl, "--pepper.probe.failure-token=" + probeToFailure,
				"--pepper.probe.allowed-targets=127.0.0.1/32"));
		probeArgs.addAll(setup.probeArgs());

		try (ExecutorService starter = Executors.newVirtualThreadPerTaskExecutor()) {
			List<Callable<ServiceProcess>> starts = List.of(
					() -> ServiceProcess.start("admin-app", adminPort, adminArgs),
					() -> ServiceProcess.start("receiver-service", receiverPort, receiverArgs),
					() -> ServiceProcess.start("failure-service", failurePort, failureArgs),
					() -> ServiceProcess.start("probe", probePort, probeArgs));
			for (Future<ServiceProcess> started : starter.invokeAll(starts)) {
				this.services.add(started.get());
			}
			List<Callable<Void>> health = this.services.stream().<Callable<Void>>map((service) -> () -> {
				service.awaitHealthy(START_TIMEOUT);
				return null;
			}).toList();
			for (Future<Void> healthy : starter.invokeAll(health)) {
				healthy.get();
			}
		}
		catch (Exception | Error ex) {
			close();
			throw ex;
		}
		this.admin = this.services.get(0);
		this.receiver = this.services.get(1);
		this.failure = this.services.get(2);
		this.probe = this.services.get(3);
	}

	/**
	 * Signs up through the web UI and the mailed link, as a new organization's owner
	 * would, and makes a personal API token on the tokens page.
	 */
	String signUpWithApiToken(String email, String organization) {
		Browser browser = new Browser(this.admin.url());
		browser.get("/signup");
		Browser.Page sent = browser.post("/signup", "email", email, "password", PASSWORD, "organization", organization);
		assertThat(sent.status()).as(sent.body()).isEqualTo(302);
		String link = await("the sign-up mail to " + email).atMost(FLOW_TIMEOUT)
			.until(() -> Arrays.stream(this.smtp.getReceivedMessages())
				.filter((message) -> recipients(message).anyMatch(email::equals))
				.map(GreenMailUtil::getBody)
				.map((body) -> body.replace("=\r\n", "").replace("=\n", "").replace("=3D", "="))
				.map(CONFIRM_LINK::matcher)
				.filter(Matcher::find)
				.map((matcher) -> matcher.group(1))
				.findFirst(), Optional::isPresent)
			.orElseThrow();
		browser.get(link);
		assertThat(browser.post(link).redirectPath()).isEqualTo("/login");
		assertThat(browser.signIn(email, PASSWORD).redirectPath()).isEqualTo("/");
		browser.get("/tokens");
		Browser.Page tokens = browser.post("/tokens", "name", "e2e");
		Matcher token = NEW_TOKEN.matcher(tokens.body());
		assertThat(token.find()).as(tokens.body()).isTrue();
		return token.group(1).strip();
	}

	static Stream<String> recipients(MimeMessage message) {
		try {
			return Arrays.stream(message.getAllRecipients()).map(Object::toString);
		}
		catch (MessagingException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** An endpoint checked from the suite's one location every 10 s, with T = 500 ms. */
	JsonNode createEndpoint(String token, String name, String url) throws Exception {
		return post(this.admin, "/api/v1/endpoints", token, Map.of("name", name, "url", url, "locations",
				List.of("local"), "timeoutMs", 5000, "apdexThresholdMs", 500, "intervalSeconds", 10));
	}

	/** POSTs JSON with a bearer token and expects 201. */
	JsonNode post(ServiceProcess service, String path, String token, Object body) throws Exception {
		HttpRequest request = HttpRequest.newBuilder(URI.create(service.url() + path))
			.header("Authorization", "Bearer " + token)
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(WireJson.mapper().writeValueAsString(body)))
			.build();
		HttpResponse<String> response = this.http.send(request, HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).as(path + ": " + response.body()).isEqualTo(201);
		return WireJson.mapper().readTree(response.body());
	}

	/** GETs with a bearer token and expects 200. */
	String get(ServiceProcess service, String pathAndQuery, String token) throws Exception {
		HttpRequest request = HttpRequest.newBuilder(URI.create(service.url() + pathAndQuery))
			.header("Authorization", "Bearer " + token)
			.build();
		HttpResponse<String> response = this.http.send(request, HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).as(pathAndQuery + ": " + response.body()).isEqualTo(200);
		return response.body();
	}

	private <T extends AutoCloseable> T own(T resource) {
		this.resources.add(resource);
		return resource;
	}

	@Override
	public void close() throws Exception {
		StringBuilder logs = new StringBuilder();
		for (ServiceProcess service : this.services.reversed()) {
			service.close();
			logs.append(service.tail()).append('\n');
		}
		if (this.smtp != null) {
			this.smtp.stop();
		}
		for (AutoCloseable resource : this.resources.reversed()) {
			resource.close();
		}
		this.http.close();
		System.out.println(logs);
	}

	/**
	 * Resolves a {@link Suite} parameter to the one suite of this test run, started on
	 * first use and closed when all tests are done.
	 */
	static final class Shared implements ParameterResolver {

		@Override
		public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
			return parameter.getParameter().getType() == Suite.class;
		}

		@Override
		public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
			return context.getRoot()
				.getStore(ExtensionContext.Namespace.GLOBAL)
				.computeIfAbsent(Suite.class, (key) -> start(), Suite.class);
		}

		private static Suite start() {
			try {
				return new Suite();
			}
			catch (RuntimeException ex) {
				throw ex;
			}
			catch (Exception ex) {
				throw new IllegalStateException("The suite did not start: " + ex.getMessage(), ex);
			}
		}

	}

}
