package io.pepper.probe.check.http;

import java.io.IOException;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;

import javax.net.ssl.X509TrustManager;

import io.pepper.contracts.v1.ApdexClass;
import io.pepper.contracts.v1.BodyAssertion;
import io.pepper.contracts.v1.CheckResult;
import io.pepper.contracts.v1.EndpointSpec;
import io.pepper.contracts.v1.HttpVersion;
import io.pepper.contracts.v1.OutcomeKind;
import io.pepper.contracts.v1.Phase;
import io.pepper.contracts.v1.StatusRange;
import io.pepper.probe.LocalDnsServer;
import io.pepper.probe.LocalServer;
import io.pepper.probe.Specs;
import io.pepper.probe.Tls;
import io.pepper.probe.dns.DeadlineResolver;
import io.pepper.probe.tls.TlsProvider;
import io.pepper.probe.tls.TlsSockets;
import io.pepper.net.TargetPolicy;
import io.pepper.probe.ProbeProperties;
import okhttp3.Protocol;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.tls.HeldCertificate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class HttpCheckerTest {

	private static final Instant SLOT = Instant.parse("2026-01-01T12:00:00Z");

	private static final TargetPolicy LOOPBACK_ALLOWED = TargetPolicy.allowing(ProbeProperties.ALLOWED_TARGETS,
			List.of("127.0.0.1/32", "::1/128"));

	private final HttpChecker checker = checker(TlsProvider.CONSCRYPT, TlsSockets.systemTrust(),
			DeadlineResolver.system());

	private LocalServer server = LocalServer.http();

	@AfterEach
	void stopServer() {
		this.server.close();
	}

	@Test
	void reportsUpWithStatusBytesAndTimingsForAnAcceptedAnswer() {
		this.server.answer("/ok", 200, "hello");
		EndpointSpec spec = Specs.get(this.server.url("/ok"));

		CheckResult result = this.checker.check(spec, "local", SLOT);

		assertThat(result.outcome().kind()).isEqualTo(OutcomeKind.UP);
		assertThat(result.status()).isEqualTo(200);
		assertThat(result.bytes()).isEqualTo(5);
		assertThat(result.endpointId()).isEqualTo(spec.id());
		assertThat(result.organizationId()).isEqualTo(spec.organizationId());
		assertThat(result.location()).isEqualTo("local");
		assertThat(result.scheduledAt()).isEqualTo(SLOT);
		assertThat(result.startedAt()).isCloseTo(Instant.now(), within(10, ChronoUnit.SECONDS));
		assertThat(result.timings().dnsMs()).as("an IP literal needs no DNS").isNull();
		assertThat(result.timings().tlsMs()).as("plain HTTP has no TLS").isNull();
		assertThat(result.timings().connectMs()).isNotNull().isGreaterThanOrEqualTo(0.0);
		assertThat(result.timings().firstByteMs()).isNotNull()
			.isGreaterThanOrEqualTo(result.timings().connectMs())
			.isLessThanOrEqualTo(result.timings().totalMs());
		assertThat(result.tlsCertExpiresAt()).isNull();
		assertThat(result.apdexThresholdMs()).isEqualTo(500);
		assertThat(result.apdex()).isEqualTo(ApdexClass.SATISFIED);
	}

	@Test
	void measuresTheServersDelayAsTimeToFirstByte() {
		this.server.on("/slow", (exchange) -> {
			sleep(200);
			LocalServer.respond(exchange, 200, "late");
		});

		CheckResult result = this.checker.check(Specs.get(this.server.url("/slow")), "local", SLOT);

		assertThat(result.outcome().kind()).isEqualTo(OutcomeKind.UP);
		assertThat(result.timings().firstByteMs()).isGreaterThanOrEqualTo(200.0);
		assertThat(result.timings().totalMs()).isGreaterThanOrEqualTo(result.timings().firstByteMs());
		assertThat(result.timings().totalMs()).isLessThan(2_000.0);
	}

	@Test
	void resolvesHostNamesAndTimesTheLookup() {
		this.server.answer("/ok", 200, "hello");
		TargetPolicy localhost = TargetPolicy.allowing(ProbeProperties.ALLOWED_TARGETS, List.of("localhost"));
		HttpChecker localhostAllowed = new HttpChecker(TlsSockets.create(TlsProvider.JSSE, TlsSockets.systemTrust()),
				DeadlineResolver.system(), localhost, HttpChecker.DEFAULT_MAX_BODY_BYTES, Clock.systemUTC());

		CheckResult result = localhostAllowed
			.check(Specs.get(URI.create("http://localhost:" + this.server.port() + "/ok")), "local", SLOT);

		assertThat(result.outcome().kind()).isEqualTo(OutcomeKind.UP);
		assertThat(result.timings().dnsMs()).isNotNull().isGreaterThanOrEqualTo(0.0);
	}

	@Test
	void reportsUnexpectedStatusWithTheExpectedRange() {
		this.server.answer("/broken", 500, "oops");

		CheckResult result = this.checker.check(Specs.get(this.server.url("/broken")), "local", SLOT);

		assertThat(result.outcome().kind()).isEqualTo(OutcomeKind.UNEXPECTED_STATUS);
		assertThat(result.outcome().reason()).isEqualTo("expected 200-299 but got 500");
		assertThat(result.status()).isEqualTo(500);
		assertThat(result.apdex()).isEqualTo(ApdexClass.FRUSTRATED);
	}

	@Test
	void acceptsTheConfiguredStatusRanges() {
		this.server.answer("/gone", 410, "");

		CheckResult accepted = this.checker.check(
				Specs.withStatus(Specs.get(this.server.url("/gone")), StatusRange.SUCCESS, StatusRange.of(410)),
				"local", SLOT);
		CheckResult refused = this.checker.check(
				Specs.withStatus(Specs.get(this.server.url("/gone")), StatusRange.of(200), new StatusRange(300, 399)),
				"local", SLOT);

		assertThat(accepted.outcome().kind()).isEqualTo(OutcomeKind.UP);
		assertThat(refused.outcome().reason()).isEqualTo("expected 200, 300-399 but got 410");
	}

	@Test
	void resolvesThroughARealDnsServerAndTimesTheLookup() {
		this.server.answer("/ok", 200, "hello");
		try (LocalDnsServer dns = LocalDnsServer.answering().add("status.pepper.test", "127.0.0.1")) {
			HttpChecker checker = checker(TlsProvider.CONSCRYPT, TlsSockets.systemTrust(),
					DeadlineResolver.using(List.of(dns.address())));

			CheckResult result = checker
				.check(Specs.get(URI.create("http://status.pepper.test:" + this.server.port() + "/ok")), "local", SLOT);

			assertThat(result.outcome().kind()).isEqualTo(OutcomeKind.UP);
			assertThat(result.timings().dnsMs()).isNotNull().isGreaterThan(0.0);
			assertThat(dns.queries()).contains("status.pepper.test. A", "status.pepper.test. AAAA");
		}
	}

	@Test
	void endsAsATimeoutInTheDnsPhaseWhenTheNameServerStaysSilent() {
		try (LocalDnsServer silent = LocalDnsServer.silent()) {
			HttpChecker checker = checker(TlsProvider.CONSCRYPT, TlsSockets.systemTrust(),
					DeadlineResolver.using(List.of(silent.address())));
			long started = System.nanoTime();

			CheckResult result = checker
				.check(Specs.withTimeout(Specs.get(URI.create("http://status.pepper.test/")), 400), "local", SLOT);

			double tookMs = (System.nanoTime() - started) / 1e6;
			assertThat(result.outcome().kind()).isEqualTo(OutcomeKind.TIMEOUT);
			assertThat(result.outcome().phase()).isEqualTo(Phase.DNS);
			assertThat(result.outcome().reason()).isEqualTo("no answer within 400 ms (resolving the host name)");
			assertThat(silent.queries()).isNotEmpty();
			assertThat(tookMs).as("the check's timeout plus a small margin").isBetween(390.0, 400.0 + 250.0);
			assertThat(result.timings().totalMs()).isBetween(390.0, 400.0 + 250.0);
		}
	}

	@Test
	void reportsDnsFailureForAHostThatDoesNotResolve() {
		CheckResult result;
		try (LocalDnsServer dns = LocalDnsServer.answering()) {
			result = checker(TlsProvider.CONSCRYPT, TlsSockets.systemTrust(),
					DeadlineResolver.using(List.of(dns.address())))
				.check(Specs.get(URI.create("http://no-such-host.invalid/")), "local", SLOT);
		}

		assertThat(result.outcome().kind()).isEqualTo(OutcomeKind.DNS_FAILURE);
		assertThat(result.outcome().phase()).isEqualTo(Phase.DNS);
		assertThat(result.outcome().reason()).contains("no-such-host.invalid").contains("NXDOMAIN");
		assertThat(result.status()).isNull();
	}

	@Test
	void reportsConnectionRefusedForAClosedPort() throws IOException {
		int closedPort;
		try (ServerSocket socket = new ServerSocket(0)) {
			closedPort = socket.getLocalPort();
		}

		CheckResult result = this.checker.check(Specs.get(URI.create("http://127.0.0.1:" + closedPort + "/")), "local",
				SLOT);

		assertThat(result.outcome().kind()).isEqualTo(OutcomeKind.CONNECTION_REFUSED);
		assertThat(result.outcome().phase()).isEqualTo(Phase.CONNECT);
	}

	@Test
	void reportsConnectionErrorWhenTheServerHangsUp() throws Exception {
		try (ServerSocket hangUp = new ServerSocket(0, 50, java.net.InetAddress.getLoopbackAddress())) {
			Thread.ofVirtual().start(() -> {
				while (!hangUp.isClosed()) {
					try (Socket accepted = hangUp.accept()) {
						accepted.getInputStream().read();
					}
					catch (IOException ex) {
						return;
					}
				}
			});

			CheckResult result = this.checker
				.check(Specs.get(URI.create("http://127.0.0.1:" + hangUp.getLocalPort() + "/")), "local", SLOT);

			assertThat(result.outcome().kind()).isEqualTo(OutcomeKind.CONNECTION_ERROR);
			assertThat(result.outcome().reason()).startsWith("connection failed");
		}
	}

	@Test
	void reportsTimeoutWhileWaitingForTheFirstByte() {
		this.server.on("/hang", (exchange) -> {
			sleep(3_000);
			LocalServer.respond(exchange, 200, "too late");
		});

		CheckResult result = this.checker.check(Specs.withTimeout(Specs.get(this.server.url("/hang")), 300), "local",
				SLOT);

		assertThat(result.outcome().kind()).isEqualTo(OutcomeKind.TIMEOUT);
		assertThat(result.outcome().phase()).isEqualTo(Phase.FIRST_BYTE);
		assertThat(result.outcome().reason()).isEqualTo("no answer within 300 ms (waiting for the response)");
		assertThat(result.timings().totalMs()).isBetween(250.0, 2_500.0);
	}

	@ParameterizedTest
	@EnumSource(TlsProvider.class)
	void reportsTimeoutDuringTheTlsHandshake(TlsProvider provider) throws Exception {
		// Accepts the connection, then never says a word of TLS.
		try (ServerSocket silent = new ServerSocket(0, 50, java.net.InetAddress.getLoopbackAddress())) {
			Thread.ofVirtual().start(() -> {
				while (!silent.isClosed()) {
					try (Socket accepted = silent.accept()) {
						accepted.getInputStream().readAllBytes();
					}
					catch (IOException ex) {
						return;
					}
				}
			});

			CheckResult result = checker(provider, TlsSockets.systemTrust(), DeadlineResolver.system()).check(
					Specs.withTimeout(Specs.get(URI.create("https://127.0.0.1:" + silent.getLocalPort() + "/")), 300),
					"local", SLOT);

			assertThat(result.outcome().kind()).isEqualTo(OutcomeKind.TIMEOUT);
			assertThat(result.outcome().phase()).isEqualTo(Phase.TLS);
			assertThat(result.outcome().reason()).isEqualTo("no answer within 300 ms (during the TLS handshake)");
		}
	}

	@Test
	void reportsTimeoutWhileReadingTheBody() {
		this.server.on("/trickle", (exchange) -> {
			exchange.sendResponseHeaders(200, 0);
			OutputStream out = exchange.getResponseBody();
			out.write("first part".getBytes());
			out.flush();
			sleep(3_000);
			out.write("rest".getBytes());
			out.close();
		});

		CheckResult result = this.checker.check(Specs.withTimeout(Specs.get(this.server.url("/trickle")), 400), "local",
				SLOT);

		assertThat(result.outcome().kind()).isEqualTo(OutcomeKind.TIMEOUT);
		assertThat(result.outcome().phase()).isEqualTo(Phase.BODY);
		assertThat(result.timings().firstByteMs()).isNotNull();
		assertThat(result.timings().totalMs()).isBetween(350.0, 2_500.0);
	}

	@Test
	void stopsReadingABodyLargerThanTheCap() {
		byte[] chunk = new byte[64 * 1024];
		this.server.on("/huge", (exchange) -> {
			exchange.sendResponseHeaders(200, 0);
			try (OutputStream out = exchange.getResponseBody()) {
				for (int i = 0; i < 64; i++) {
					out.write(chunk);
				}
			}
			catch (IOException ex) {
				// The probe hangs up once it has read enough.
			}
		});

		CheckResult result = this.checker.check(Specs.get(this.server.url("/huge")), "local", SLOT);

		assertThat(result.outcome().kind()).isEqualTo(OutcomeKind.RESPONSE_TOO_LARGE);
		assertThat(result.bytes()).isEqualTo(HttpChecker.DEFAULT_MAX_BODY_BYTES);
		assertThat(result.status()).isEqualTo(200);
	}

	static Stream<Arguments> assertions() {
		String json = "{\"status\":\"ok\",\"a\":{\"b\":42},\"items\":[{\"name\":\"first\"}]}";
		return Stream.of(Arguments.of(json, new BodyAssertion.KeywordPresent("\"ok\""), null),
				Arguments.of(json, new BodyAssertion.KeywordPresent("degraded"), "body does not contain \"degraded\""),
				Arguments.of(json, new BodyAssertion.KeywordAbsent("error"), null),
				Arguments.of(json, new BodyAssertion.KeywordAbsent("status"), "body contains \"status\""),
				Arguments.of(json, new BodyAssertion.JsonPathEquals("$.status", "ok"), null),
				Arguments.of(json, new BodyAssertion.JsonPathEquals("$.a.b", "42"), null),
				Arguments.of(json, new BodyAssertion.JsonPathEquals("$.items[0].name", "first"), null),
				Arguments.of(json, new BodyAssertion.JsonPathEquals("$.status", "down"),
						"$.status is \"ok\", expected \"down\""),
				Arguments.of(json, new BodyAssertion.JsonPathEquals("$.a.c", "1"), "$.a.c is missing, expected \"1\""),
				Arguments.of("<html>", new BodyAssertion.JsonPathEquals("$.status", "ok"),
						"body is not JSON, so $.status cannot be read"));
	}

	@ParameterizedTest
	@MethodSource("assertions")
	void evaluatesBodyAssertions(String body, BodyAssertion assertion, String expectedFailure) {
		this.server.answer("/body", 200, body);

		CheckResult result = this.checker.check(Specs.withAssertions(Specs.get(this.server.url("/body")), assertion),
				"local", SLOT);

		if (expectedFailure == null) {
			assertThat(result.outcome().kind()).isEqualTo(OutcomeKind.UP);
		}
		else {
			assertThat(result.outcome().kind()).isEqualTo(OutcomeKind.ASSERTION_FAILED);
			assertThat(result.outcome().reason()).isEqualTo(expectedFailure);
		}
	}

	@Test
	void sendsMethodHeadersAndBodyOfTheSpec() {
		this.server.answer("/submit", 201, "");

		CheckResult result = this.checker.check(
				Specs.post(this.server.url("/submit"),
						Map.of("X-Probe-Test", "yes", "Content-Type", "application/json"), "{\"ping\":true}"),
				"local", SLOT);

		assertThat(result.outcome().kind()).isEqualTo(OutcomeKind.UP);
		LocalServer.Received request = this.server.received().getFirst();
		assertThat(request.method()).isEqualTo("POST");
		assertThat(request.testHeader()).isEqualTo("yes");
		assertThat(request.body()).isEqualTo("{\"ping\":true}");
	}

	@Test
	void followsRedirectsOnlyWhenTheSpecSaysSo() {
		this.server.answer("/target", 200, "arrived");
		this.server.on("/moved", (exchange) -> {
			exchange.getResponseHeaders().add("Location", "/target");
			LocalServer.respond(exchange, 302, "");
		});

		CheckResult followed = this.checker.check(Specs.get(this.server.url("/moved")), "local", SLOT);
		CheckResult notFollowed = this.checker.check(Specs.withoutRedirects(Specs.get(this.server.url("/moved"))),
				"local", SLOT);

		assertThat(followed.outcome().kind()).isEqualTo(OutcomeKind.UP);
		assertThat(followed.bytes()).isEqualTo("arrived".length());
		assertThat(notFollowed.outcome().reason()).isEqualTo("expected 200-299 but got 302");
	}

	@ParameterizedTest
	@EnumSource(TlsProvider.class)
	void reportsTlsTimingsCertificateExpiryAndTheProtocol(TlsProvider provider) {
		HeldCertificate root = Tls.root();
		HeldCertificate leaf = Tls.leaf(root, "127.0.0.1");
		try (LocalServer tls = LocalServer.https(Tls.serverContext(root, leaf))) {
			tls.answer("/ok", 200, "secure");

			CheckResult result = trusting(provider, root).check(Specs.get(tls.url("/ok")), "local", SLOT);

			assertThat(result.outcome().kind()).isEqualTo(OutcomeKind.UP);
			assertThat(result.timings().tlsMs()).isNotNull().isGreaterThan(0.0);
			assertThat(result.timings().firstByteMs()).isGreaterThan(result.timings().tlsMs());
			assertThat(result.tlsCertExpiresAt())
				.isEqualTo(leaf.certificate().getNotAfter().toInstant().truncatedTo(ChronoUnit.SECONDS));
			assertThat(result.protocol()).as("the JDK's server offers no HTTP/2").isEqualTo("http/1.1");
		}
	}

	@ParameterizedTest
	@EnumSource(TlsProvider.class)
	void speaksHttp2WhereTheServerOffersItThroughAlpn(TlsProvider provider) throws Exception {
		HeldCertificate root = Tls.root();
		try (MockWebServer h2 = new MockWebServer()) {
			h2.useHttps(Tls.server(root, Tls.leaf(root, "127.0.0.1")).sslSocketFactory(), false);
			h2.setProtocols(List.of(Protocol.HTTP_2, Protocol.HTTP_1_1));
			h2.enqueue(new MockResponse().setBody("over h2"));
			h2.enqueue(new MockResponse().setBody("over http/1.1"));
			h2.start(java.net.InetAddress.getLoopbackAddress(), 0);
			URI url = URI.create("https://127.0.0.1:" + h2.getPort() + "/ok");
			HttpChecker checker = trusting(provider, root);

			CheckResult negotiated = checker.check(Specs.get(url), "local", SLOT);
			CheckResult pinned = checker.check(Specs.withHttpVersion(Specs.get(url), HttpVersion.HTTP_1_1), "local",
					SLOT);

			assertThat(negotiated.outcome().kind()).as(negotiated.outcome().reason()).isEqualTo(OutcomeKind.UP);
			assertThat(negotiated.protocol()).isEqualTo("h2");
			assertThat(negotiated.bytes()).isEqualTo("over h2".length());
			assertThat(negotiated.timings().tlsMs()).isNotNull();
			assertThat(pinned.outcome().kind()).as(pinned.outcome().reason()).isEqualTo(OutcomeKind.UP);
			assertThat(pinned.protocol()).isEqualTo("http/1.1");
			assertThat(h2.getRequestCount()).isEqualTo(2);
		}
	}

	@Test
	void speaksHttp11OverPlainHttp() {
		this.server.answer("/ok", 200, "plain");

		assertThat(this.checker.check(Specs.get(this.server.url("/ok")), "local", SLOT).protocol())
			.isEqualTo("http/1.1");
	}

	@ParameterizedTest
	@EnumSource(TlsProvider.class)
	void verifiesTheCertificateInAFullHandshakeOnEveryCheck(TlsProvider provider) {
		HeldCertificate root = Tls.root();
		HeldCertificate leaf = Tls.leaf(root, "127.0.0.1");
		X509TrustManager trusted = Tls.trusting(root);
		AtomicInteger verified = new AtomicInteger();
		// A resumed TLS session skips the certificate check, so counting checks counts
		// full handshakes.
		X509TrustManager counting = new X509TrustManager() {

			@Override
			public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
				trusted.checkClientTrusted(chain, authType);
			}

			@Override
			public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
				verified.incrementAndGet();
				trusted.checkServerTrusted(chain, authType);
			}

			@Override
			public X509Certificate[] getAcceptedIssuers() {
				return trusted.getAcceptedIssuers();
			}

		};
		HttpChecker checker = checker(provider, counting, DeadlineResolver.system());
		try (LocalServer tls = LocalServer.https(Tls.serverContext(root, leaf))) {
			tls.answer("/ok", 200, "secure");

			for (int i = 0; i < 3; i++) {
				assertThat(checker.check(Specs.get(tls.url("/ok")), "local", SLOT).outcome().kind())
					.isEqualTo(OutcomeKind.UP);
			}
		}

		assertThat(verified).hasValue(3);
	}

	@ParameterizedTest
	@EnumSource(TlsProvider.class)
	void reportsAnExpiredCertificate(TlsProvider provider) {
		HeldCertificate root = Tls.root();
		HeldCertificate expired = Tls.leaf(root, Instant.now().minus(30, ChronoUnit.DAYS),
				Instant.now().minus(1, ChronoUnit.DAYS), "127.0.0.1");

		CheckResult result = tlsCheck(provider, root, expired, root);

		assertThat(result.outcome().kind()).isEqualTo(OutcomeKind.TLS_ERROR);
		assertThat(result.outcome().phase()).isEqualTo(Phase.TLS);
		assertThat(result.outcome().reason()).isEqualTo("certificate expired");
	}

	@ParameterizedTest
	@EnumSource(TlsProvider.class)
	void reportsAnUntrustedCertificate(TlsProvider provider) {
		HeldCertificate root = Tls.root();

		CheckResult result = tlsCheck(provider, root, Tls.leaf(root, "127.0.0.1"), Tls.root("Some Other Root"));

		assertThat(result.outcome().kind()).isEqualTo(OutcomeKind.TLS_ERROR);
		assertThat(result.outcome().phase()).isEqualTo(Phase.TLS);
		assertThat(result.outcome().reason()).isEqualTo("certificate not trusted (unknown issuer or self-signed)");
	}

	@ParameterizedTest
	@EnumSource(TlsProvider.class)
	void reportsACertificateForAnotherHost(TlsProvider provider) {
		HeldCertificate root = Tls.root();

		CheckResult result = tlsCheck(provider, root, Tls.leaf(root, "www.example.com"), root);

		assertThat(result.outcome().kind()).isEqualTo(OutcomeKind.TLS_ERROR);
		assertThat(result.outcome().phase()).isEqualTo(Phase.TLS);
		assertThat(result.outcome().reason()).startsWith("certificate does not match the host name")
			.contains("127.0.0.1");
	}

	private CheckResult tlsCheck(TlsProvider provider, HeldCertificate serverRoot, HeldCertificate serverLeaf,
			HeldCertificate trusted) {
		try (LocalServer tls = LocalServer.https(Tls.serverContext(serverRoot, serverLeaf))) {
			tls.answer("/ok", 200, "secure");
			return trusting(provider, trusted).check(Specs.get(tls.url("/ok")), "local", SLOT);
		}
	}

	private static HttpChecker trusting(TlsProvider provider, HeldCertificate root) {
		return checker(provider, Tls.trusting(root), DeadlineResolver.system());
	}

	private static HttpChecker checker(TlsProvider provider, X509TrustManager trust, DeadlineResolver resolver) {
		TlsSockets tls = TlsSockets.create(provider, trust);
		assertThat(tls.provider()).as("the native library loads on this machine").isEqualTo(provider);
		return new HttpChecker(tls, resolver, LOOPBACK_ALLOWED, HttpChecker.DEFAULT_MAX_BODY_BYTES, Clock.systemUTC());
	}

	private static void sleep(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
