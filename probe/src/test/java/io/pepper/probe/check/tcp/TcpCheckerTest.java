package io.pepper.probe.check.tcp;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.pepper.contracts.v1.ApdexClass;
import io.pepper.contracts.v1.CheckResult;
import io.pepper.contracts.v1.CheckSettings;
import io.pepper.contracts.v1.EndpointSpec;
import io.pepper.contracts.v1.OutcomeKind;
import io.pepper.contracts.v1.Phase;
import io.pepper.net.TargetPolicy;
import io.pepper.probe.LocalDnsServer;
import io.pepper.probe.LocalServer;
import io.pepper.probe.LocalTcpServer;
import io.pepper.probe.ProbeProperties;
import io.pepper.probe.Tls;
import io.pepper.probe.check.Connector;
import io.pepper.probe.dns.DeadlineResolver;
import io.pepper.probe.tls.TlsProvider;
import io.pepper.probe.tls.TlsSockets;
import okhttp3.tls.HeldCertificate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static org.assertj.core.api.Assertions.assertThat;

class TcpCheckerTest {

	private static final Instant SLOT = Instant.parse("2026-01-01T12:00:00Z");

	private static final TargetPolicy LOOPBACK_ALLOWED = TargetPolicy.allowing(ProbeProperties.ALLOWED_TARGETS,
			List.of("127.0.0.1/32", "::1/128"));

	private final TcpChecker checker = checker(TlsSockets.create(TlsProvider.JSSE, TlsSockets.systemTrust()),
			DeadlineResolver.system(), LOOPBACK_ALLOWED);

	@Test
	void reportsUpWhenThePortAcceptsAndTimesTheConnect() {
		try (LocalTcpServer server = LocalTcpServer.plain(LocalTcpServer.greeting(""))) {
			CheckResult result = this.checker
				.check(spec("127.0.0.1", server.port(), new CheckSettings.Tcp(false, null, null)), "local", SLOT);

			assertThat(result.outcome().kind()).isEqualTo(OutcomeKind.UP);
			assertThat(result.timings().dnsMs()).as("an IP literal needs no DNS").isNull();
			assertThat(result.timings().connectMs()).isNotNull().isGreaterThanOrEqualTo(0.0);
			assertThat(result.timings().tlsMs()).isNull();
			assertThat(result.timings().firstByteMs()).as("nothing was expected, so nothing was read").isNull();
			assertThat(result.status()).isNull();
			assertThat(result.protocol()).isNull();
			assertThat(result.apdex()).isEqualTo(ApdexClass.SATISFIED);
			assertThat(server.awaitAccepted(1)).isEqualTo(1);
		}
	}

	@Test
	void sendsTheTextAndFindsTheExpectedOneInTheAnswer() {
		try (LocalTcpServer server = LocalTcpServer.plain(LocalTcpServer.replying("PING", "+PONG\r\n"))) {
			CheckResult result = this.checker.check(
					spec("127.0.0.1", server.port(), new CheckSettings.Tcp(false, "PING\r\n", "PONG")), "local", SLOT);

			assertThat(result.outcome().kind()).isEqualTo(OutcomeKind.UP);
			assertThat(server.received()).containsExactly("PING");
			assertThat(result.bytes()).isEqualTo(7);
			assertThat(result.timings().firstByteMs()).isNotNull()
				.isGreaterThanOrEqualTo(result.timings().connectMs())
				.isLessThanOrEqualTo(result.timings().totalMs());
		}
	}

	@Test
	void failsWithWhatTheServerSaidWhenTheExpectedTextIsMissing() {
		try (LocalTcpServer server = LocalTcpServer.plain(LocalTcpServer.greeting("-ERR unknown command\r\n"))) {
			CheckResult result = this.checker
				.check(spec("127.0.0.1", server.port(), new CheckSettings.Tcp(false, null, "+PONG")), "local", SLOT);

			assertThat(result.outcome().kind()).isEqualTo(OutcomeKind.ASSERTION_FAILED);
			assertThat(result.outcome().phase()).isEqualTo(Phase.BODY);
			assertThat(result.outcome().reason())
				.isEqualTo("expected the answer to contain '+PONG' but the answer was '-ERR unknown command\\r\\n'");
			assertThat(result.apdex()).isEqualTo(ApdexClass.FRUSTRATED);
		}
	}

	@Test
	void failsWhenTheServerClosesWithoutAnAnswer() {
		try (LocalTcpServer server = LocalTcpServer.plain(LocalTcpServer.greeting(""))) {
			CheckResult result = this.checker
				.check(spec("127.0.0.1", server.port(), new CheckSettings.Tcp(false, null, "220")), "local", SLOT);

			assertThat(result.outcome().kind()).isEqualTo(OutcomeKind.ASSERTION_FAILED);
			assertThat(result.outcome().phase()).isEqualTo(Phase.FIRST_BYTE);
			assertThat(result.outcome().reason()).endsWith("but the connection closed without an answer");
		}
	}

	@Test
	void timesOutWaitingForAnAnswerThatNeverComes() {
		try (LocalTcpServer server = LocalTcpServer.plain((in, out, s) -> in.read())) {
			EndpointSpec spec = EndpointSpec.of(UUID.randomUUID(), UUID.randomUUID(), "silent",
					URI.create("tcp://127.0.0.1:" + server.port()), new CheckSettings.Tcp(false, null, "hello"), 300,
					100, 60);

			CheckResult result = this.checker.check(spec, "local", SLOT);

			assertThat(result.outcome().kind()).isEqualTo(OutcomeKind.TIMEOUT);
			assertThat(result.outcome().phase()).isEqualTo(Phase.FIRST_BYTE);
			assertThat(result.outcome().reason()).startsWith("no answer within 300 ms");
			assertThat(result.timings().totalMs()).isGreaterThanOrEqualTo(290.0);
		}
	}

	@Test
	void reportsARefusedConnection() {
		CheckResult result = this.checker.check(
				spec("127.0.0.1", LocalServer.closedPort(), new CheckSettings.Tcp(false, null, null)), "local", SLOT);

		assertThat(result.outcome().kind()).isEqualTo(OutcomeKind.CONNECTION_REFUSED);
		assertThat(result.outcome().phase()).isEqualTo(Phase.CONNECT);
	}

	@Test
	void resolvesTheHostWithinTheCheckAndTimesTheLookup() {
		try (LocalTcpServer server = LocalTcpServer.plain(LocalTcpServer.greeting("220 ready\r\n"));
				LocalDnsServer dns = LocalDnsServer.answering().add("mail.pepper.test", "127.0.0.1")) {
			TcpChecker named = checker(TlsSockets.create(TlsProvider.JSSE, TlsSockets.systemTrust()),
					DeadlineResolver.using(List.of(dns.address())), LOOPBACK_ALLOWED);

			CheckResult result = named.check(
					spec("mail.pepper.test", server.port(), new CheckSettings.Tcp(false, null, "220")), "local", SLOT);

			assertThat(result.outcome().kind()).isEqualTo(OutcomeKind.UP);
			assertThat(result.timings().dnsMs()).isNotNull().isGreaterThanOrEqualTo(0.0);
			assertThat(dns.queries()).contains("mail.pepper.test. A");
		}
	}

	@Test
	void reportsANameThatDoesNotResolve() {
		try (LocalDnsServer dns = LocalDnsServer.answering()) {
			TcpChecker named = checker(TlsSockets.create(TlsProvider.JSSE, TlsSockets.systemTrust()),
					DeadlineResolver.using(List.of(dns.address())), LOOPBACK_ALLOWED);

			CheckResult result = named
				.check(spec("nowhere.pepper.test", 5432, new CheckSettings.Tcp(false, null, null)), "local", SLOT);

			assertThat(result.outcome().kind()).isEqualTo(OutcomeKind.DNS_FAILURE);
			assertThat(result.outcome().phase()).isEqualTo(Phase.DNS);
		}
	}

	@ParameterizedTest
	@EnumSource(TlsProvider.class)
	void speaksTlsWhenAskedAndReportsTheCertificatesExpiry(TlsProvider provider) {
		HeldCertificate root = Tls.root();
		HeldCertificate leaf = Tls.leaf(root, "127.0.0.1");
		try (LocalTcpServer server = LocalTcpServer.tls(Tls.serverContext(root, leaf),
				LocalTcpServer.replying("HELLO", "WORLD\n"))) {
			TcpChecker trusting = checker(TlsSockets.create(provider, Tls.trusting(root)), DeadlineResolver.system(),
					LOOPBACK_ALLOWED);

			CheckResult result = trusting.check(
					spec("127.0.0.1", server.port(), new CheckSettings.Tcp(true, "HELLO\n", "WORLD")), "local", SLOT);

			assertThat(result.outcome().kind()).as(result.outcome().reason()).isEqualTo(OutcomeKind.UP);
			assertThat(result.timings().tlsMs()).isNotNull().isGreaterThanOrEqualTo(0.0);
			assertThat(result.tlsCertExpiresAt()).isEqualTo(leaf.certificate().getNotAfter().toInstant());
		}
	}

	@Test
	void failsTheHandshakeWithAnUntrustedCertificate() {
		HeldCertificate root = Tls.root();
		try (LocalTcpServer server = LocalTcpServer.tls(Tls.serverContext(root, Tls.leaf(root, "127.0.0.1")),
				LocalTcpServer.greeting("hi"))) {
			CheckResult result = this.checker
				.check(spec("127.0.0.1", server.port(), new CheckSettings.Tcp(true, null, null)), "local", SLOT);

			assertThat(result.outcome().kind()).isEqualTo(OutcomeKind.TLS_ERROR);
			assertThat(result.outcome().phase()).isEqualTo(Phase.TLS);
			assertThat(result.outcome().reason()).contains("not trusted");
		}
	}

	@Test
	void failsTheHandshakeWhenTheCertificateIsForAnotherHost() {
		HeldCertificate root = Tls.root();
		try (LocalTcpServer server = LocalTcpServer.tls(Tls.serverContext(root, Tls.leaf(root, "other.example.com")),
				LocalTcpServer.greeting("hi"))) {
			TcpChecker trusting = checker(TlsSockets.create(TlsProvider.JSSE, Tls.trusting(root)),
					DeadlineResolver.system(), LOOPBACK_ALLOWED);

			CheckResult result = trusting
				.check(spec("127.0.0.1", server.port(), new CheckSettings.Tcp(true, null, null)), "local", SLOT);

			assertThat(result.outcome().kind()).isEqualTo(OutcomeKind.TLS_ERROR);
			assertThat(result.outcome().reason()).contains("does not match the host name")
				.contains("other.example.com");
		}
	}

	@Test
	void refusesAnInternalAddressUnlessItIsAllowed() {
		try (LocalTcpServer server = LocalTcpServer.plain(LocalTcpServer.greeting(""))) {
			TcpChecker guarded = checker(TlsSockets.create(TlsProvider.JSSE, TlsSockets.systemTrust()),
					DeadlineResolver.system(), TargetPolicy.publicOnly(ProbeProperties.ALLOWED_TARGETS));

			CheckResult result = guarded
				.check(spec("127.0.0.1", server.port(), new CheckSettings.Tcp(false, "x", null)), "local", SLOT);

			assertThat(result.outcome().kind()).isEqualTo(OutcomeKind.BLOCKED);
			assertThat(server.accepted()).as("a blocked target is never connected to").isZero();
		}
	}

	@Test
	void refusesANumericHostInAnAmbiguousFormEvenWhereLoopbackIsAllowed() {
		CheckResult result = this.checker.check(spec("2130706433", 80, new CheckSettings.Tcp(false, null, null)),
				"local", SLOT);

		assertThat(result.outcome().kind()).isEqualTo(OutcomeKind.BLOCKED);
		assertThat(result.outcome().reason()).contains("ambiguous form");
	}

	private static EndpointSpec spec(String host, int port, CheckSettings.Tcp settings) {
		return EndpointSpec.of(UUID.randomUUID(), UUID.randomUUID(), "tcp " + host,
				URI.create("tcp://" + host + ":" + port), settings, 3_000, 500, 60);
	}

	private static TcpChecker checker(TlsSockets tls, DeadlineResolver resolver, TargetPolicy policy) {
		return new TcpChecker(new Connector(tls, resolver, policy), Clock.systemUTC());
	}

}
