package io.pepper.probe.check.tls;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import io.pepper.contracts.v1.CheckResult;
import io.pepper.contracts.v1.CheckSettings;
import io.pepper.contracts.v1.EndpointSpec;
import io.pepper.contracts.v1.OutcomeKind;
import io.pepper.contracts.v1.Phase;
import io.pepper.net.TargetPolicy;
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

/** Each case makes a handshake with a real local TLS server and its own certificates. */
class TlsCheckerTest {

	private static final Instant SLOT = Instant.parse("2026-01-01T12:00:00Z");

	private static final TargetPolicy LOOPBACK_ALLOWED = TargetPolicy.allowing(ProbeProperties.ALLOWED_TARGETS,
			List.of("127.0.0.1/32"));

	private final HeldCertificate root = Tls.root("Pepper Test Issuer");

	@ParameterizedTest
	@EnumSource(TlsProvider.class)
	void reportsExpiryIssuerAndNamesOfATrustedCertificate(TlsProvider provider) {
		Instant until = Instant.now()
			.plus(20, ChronoUnit.DAYS)
			.plus(1, ChronoUnit.HOURS)
			.truncatedTo(ChronoUnit.SECONDS);
		HeldCertificate leaf = Tls.leaf(this.root, Instant.now().minus(1, ChronoUnit.DAYS), until, "127.0.0.1");
		try (LocalTcpServer server = LocalTcpServer.tls(Tls.serverContext(this.root, leaf),
				LocalTcpServer.greeting(""))) {
			CheckResult result = checker(provider, Tls.trusting(this.root)).check(spec(server.port()), "local", SLOT);

			assertThat(result.outcome().kind()).as(result.outcome().reason()).isEqualTo(OutcomeKind.UP);
			assertThat(result.tlsCertExpiresAt()).isEqualTo(until);
			assertThat(result.outcome().reason()).contains("CN=127.0.0.1")
				.contains("issued by CN=Pepper Test Issuer")
				.contains("for 127.0.0.1")
				.endsWith("(in 20 days)");
			assertThat(result.timings().tlsMs()).isNotNull().isGreaterThanOrEqualTo(0.0);
			assertThat(result.timings().connectMs()).isNotNull();
			assertThat(result.timings().firstByteMs()).as("a handshake only: nothing is read").isNull();
			assertThat(result.status()).isNull();
		}
	}

	@Test
	void failsAnExpiredCertificate() {
		HeldCertificate expired = Tls.leaf(this.root, Instant.now().minus(30, ChronoUnit.DAYS),
				Instant.now().minus(1, ChronoUnit.DAYS), "127.0.0.1");
		try (LocalTcpServer server = LocalTcpServer.tls(Tls.serverContext(this.root, expired),
				LocalTcpServer.greeting(""))) {
			CheckResult result = checker(TlsProvider.JSSE, Tls.trusting(this.root)).check(spec(server.port()), "local",
					SLOT);

			assertThat(result.outcome().kind()).isEqualTo(OutcomeKind.TLS_ERROR);
			assertThat(result.outcome().phase()).isEqualTo(Phase.TLS);
			assertThat(result.outcome().reason()).isEqualTo("certificate expired");
		}
	}

	@Test
	void failsACertificateFromAnUntrustedIssuer() {
		HeldCertificate leaf = Tls.leaf(this.root, "127.0.0.1");
		try (LocalTcpServer server = LocalTcpServer.tls(Tls.serverContext(this.root, leaf),
				LocalTcpServer.greeting(""))) {
			CheckResult result = checker(TlsProvider.JSSE, TlsSockets.systemTrust()).check(spec(server.port()), "local",
					SLOT);

			assertThat(result.outcome().kind()).isEqualTo(OutcomeKind.TLS_ERROR);
			assertThat(result.outcome().reason()).isEqualTo("certificate not trusted (unknown issuer or self-signed)");
			assertThat(result.tlsCertExpiresAt()).isNull();
		}
	}

	@Test
	void countsWholeDaysLeft() {
		Instant now = Instant.parse("2026-01-01T12:00:00Z");

		assertThat(TlsChecker.daysLeft(now.plus(7, ChronoUnit.DAYS), now)).isEqualTo(7);
		assertThat(TlsChecker.daysLeft(now.plus(7, ChronoUnit.DAYS).minusSeconds(1), now)).isEqualTo(6);
		assertThat(TlsChecker.daysLeft(now.minusSeconds(1), now)).isEqualTo(-1);
	}

	private static EndpointSpec spec(int port) {
		return EndpointSpec.of(UUID.randomUUID(), UUID.randomUUID(), "certificate",
				URI.create("tls://127.0.0.1:" + port), new CheckSettings.Tls(null), 3_000, 500, 3600);
	}

	private static TlsChecker checker(TlsProvider provider, javax.net.ssl.X509TrustManager trust) {
		return new TlsChecker(
				new Connector(TlsSockets.create(provider, trust), DeadlineResolver.system(), LOOPBACK_ALLOWED),
				Clock.systemUTC());
	}

}
