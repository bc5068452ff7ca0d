package io.pepper.probe.check;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.pepper.contracts.v1.CheckKind;
import io.pepper.contracts.v1.CheckResult;
import io.pepper.contracts.v1.CheckSettings;
import io.pepper.contracts.v1.EndpointSpec;
import io.pepper.contracts.v1.OutcomeKind;
import io.pepper.net.TargetPolicy;
import io.pepper.probe.LocalTcpServer;
import io.pepper.probe.ProbeProperties;
import io.pepper.probe.check.tcp.TcpChecker;
import io.pepper.probe.dns.DeadlineResolver;
import io.pepper.probe.tls.TlsProvider;
import io.pepper.probe.tls.TlsSockets;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class CheckersTest {

	private static final Instant SLOT = Instant.parse("2026-01-01T12:00:00Z");

	private final Connector connector = new Connector(TlsSockets.create(TlsProvider.JSSE, TlsSockets.systemTrust()),
			DeadlineResolver.system(), TargetPolicy.allowing(ProbeProperties.ALLOWED_TARGETS, List.of("127.0.0.1/32")));

	@Test
	void eachSpecGoesToTheCheckerOfItsKind() {
		Checkers checkers = new Checkers(List.of(new TcpChecker(this.connector, Clock.systemUTC())), Clock.systemUTC());
		try (LocalTcpServer server = LocalTcpServer.plain(LocalTcpServer.greeting("hi"))) {
			CheckResult result = checkers.check(EndpointSpec.of(UUID.randomUUID(), UUID.randomUUID(), "tcp",
					URI.create("tcp://127.0.0.1:" + server.port()), new CheckSettings.Tcp(false, null, "hi"), 2_000,
					100, 60), "local", SLOT);

			assertThat(result.outcome().kind()).isEqualTo(OutcomeKind.UP);
			assertThat(server.awaitAccepted(1)).isEqualTo(1);
		}
	}

	@Test
	void aKindWithoutACheckerFailsAsAnInvalidSpecRatherThanVanishing() {
		Checkers checkers = new Checkers(List.of(new TcpChecker(this.connector, Clock.systemUTC())), Clock.systemUTC());
		EndpointSpec dns = EndpointSpec.of(UUID.randomUUID(), UUID.randomUUID(), "dns", URI.create("dns:example.com"),
				CheckSettings.defaults(CheckKind.DNS), 2_000, 100, 60);

		CheckResult result = checkers.check(dns, "local", SLOT);

		assertThat(result.outcome().kind()).isEqualTo(OutcomeKind.INVALID_SPEC);
		assertThat(result.outcome().reason()).isEqualTo("this probe cannot run DNS checks");
		assertThat(result.endpointId()).isEqualTo(dns.id());
	}

	@Test
	void refusesTwoCheckersForOneKind() {
		TcpChecker tcp = new TcpChecker(this.connector, Clock.systemUTC());

		assertThatIllegalArgumentException().isThrownBy(() -> new Checkers(List.of(tcp, tcp), Clock.systemUTC()))
			.withMessageStartingWith("two checkers for TCP");
	}

}
