package io.pepper.probe.ssrf;

import java.net.InetAddress;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

import io.pepper.contracts.v1.CheckResult;
import io.pepper.contracts.v1.OutcomeKind;
import io.pepper.net.BlockedTargetException;
import io.pepper.net.GuardedDns;
import io.pepper.net.TargetPolicy;
import io.pepper.probe.LocalDnsServer;
import io.pepper.probe.LocalServer;
import io.pepper.probe.ProbeProperties;
import io.pepper.probe.Specs;
import io.pepper.probe.check.http.HttpChecker;
import io.pepper.probe.dns.DeadlineResolver;
import io.pepper.probe.tls.TlsProvider;
import io.pepper.probe.tls.TlsSockets;
import okhttp3.Dns;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/** The guard, end to end through real checks against a real local server. */
class SsrfGuardTest {

	private static final Instant SLOT = Instant.parse("2026-01-01T12:00:00Z");

	private final LocalServer server = LocalServer.http().answer("/", 200, "internal secret");

	@AfterEach
	void stopServer() {
		this.server.close();
	}

	@Test
	void blocksLoopbackByDefault() {
		CheckResult result = check(TargetPolicy.publicOnly(ProbeProperties.ALLOWED_TARGETS), this.server.url("/"));

		assertThat(result.outcome().kind()).isEqualTo(OutcomeKind.BLOCKED);
		assertThat(result.outcome().reason())
			.isEqualTo("blocked: 127.0.0.1 is a loopback address and not in pepper.probe.allowed-targets");
		assertThat(this.server.received()).isEmpty();
	}

	@Test
	void letsListedBlocksThrough() {
		CheckResult result = check(TargetPolicy.allowing(ProbeProperties.ALLOWED_TARGETS, List.of("127.0.0.0/8")),
				this.server.url("/"));

		assertThat(result.outcome().kind()).isEqualTo(OutcomeKind.UP);
		assertThat(this.server.received()).hasSize(1);
	}

	@Test
	void blocksAHostNameThatResolvesToLoopback() {
		CheckResult result = check(TargetPolicy.publicOnly(ProbeProperties.ALLOWED_TARGETS),
				URI.create("http://localhost:" + this.server.port() + "/"));

		assertThat(result.outcome().kind()).isEqualTo(OutcomeKind.BLOCKED);
		assertThat(result.outcome().reason()).contains("localhost (").contains("loopback");
		assertThat(this.server.received()).isEmpty();
	}

	@Test
	void letsListedHostNamesThrough() {
		CheckResult result = check(TargetPolicy.allowing(ProbeProperties.ALLOWED_TARGETS, List.of("LOCALHOST")),
				URI.create("http://localhost:" + this.server.port() + "/"));

		assertThat(result.outcome().kind()).isEqualTo(OutcomeKind.UP);
	}

	@Test
	void blocksAPublicLookingNameThatResolvesTo127001() {
		try (LocalDnsServer dns = LocalDnsServer.answering().add("status.example.com", "127.0.0.1")) {
			CheckResult result = check(TargetPolicy.publicOnly(ProbeProperties.ALLOWED_TARGETS),
					DeadlineResolver.using(List.of(dns.address())),
					URI.create("http://status.example.com:" + this.server.port() + "/"));

			assertThat(result.outcome().kind()).isEqualTo(OutcomeKind.BLOCKED);
			assertThat(result.outcome().reason()).contains("status.example.com (127.0.0.1)").contains("loopback");
			assertThat(this.server.received()).isEmpty();
		}
	}

	@Test
	void blocksANameWhenAnyOfItsAddressesIsInternal() {
		// A public address first, loopback second: every resolved address is checked.
		try (LocalDnsServer dns = LocalDnsServer.answering()
			.add("status.example.com", "93.184.215.14", "127.0.0.1", "2606:2800:21f:cb07:6820:80da:af6b:8b2c")) {
			CheckResult result = check(TargetPolicy.publicOnly(ProbeProperties.ALLOWED_TARGETS),
					DeadlineResolver.using(List.of(dns.address())),
					URI.create("http://status.example.com:" + this.server.port() + "/"));

			assertThat(result.outcome().kind()).isEqualTo(OutcomeKind.BLOCKED);
			assertThat(result.outcome().reason()).contains("127.0.0.1").contains("loopback");
			assertThat(this.server.received()).isEmpty();
		}
	}

	@ParameterizedTest
	@EnumSource(TlsProvider.class)
	void blocksTheConnectEvenWhenANameSlipsPastTheLookup(TlsProvider provider) throws Exception {
		// The socket checks the address it connects to, whatever the lookup said, for
		// plain and TLS connections alike.
		TargetPolicy policy = TargetPolicy.publicOnly(ProbeProperties.ALLOWED_TARGETS);
		Dns unguarded = (hostname) -> List.of(InetAddress.getByAddress(hostname, new byte[] { 127, 0, 0, 1 }));
		OkHttpClient client = HttpChecker.baseClient(policy, TlsSockets.create(provider, TlsSockets.systemTrust()))
			.newBuilder()
			.dns(unguarded)
			.build();

		for (String scheme : List.of("http", "https")) {
			Request request = new Request.Builder().url(scheme + "://status.example.com:" + this.server.port() + "/")
				.build();
			assertThatExceptionOfType(BlockedTargetException.class)
				.isThrownBy(() -> client.newCall(request).execute().close())
				.withMessageContaining("(127.0.0.1) is a loopback address");
		}
		assertThat(this.server.received()).isEmpty();
	}

	@Test
	void letsAListedAddressThroughAndNoOther() {
		TargetPolicy policy = TargetPolicy.allowing(ProbeProperties.ALLOWED_TARGETS, List.of("127.0.0.1/32"));

		assertThat(check(policy, this.server.url("/")).outcome().kind()).isEqualTo(OutcomeKind.UP);
		assertThat(check(policy, URI.create("http://127.0.0.2:" + this.server.port() + "/")).outcome().kind())
			.isEqualTo(OutcomeKind.BLOCKED);
		assertThat(this.server.received()).hasSize(1);
	}

	@ParameterizedTest
	@ValueSource(strings = { "2130706433", "0177.0.0.1", "[::ffff:127.0.0.1]", "[::ffff:7f00:1]", "[::1]",
			"[::127.0.0.1]", "0.0.0.0" })
	void blocksOtherSpellingsOfLoopback(String host) {
		CheckResult result = check(TargetPolicy.publicOnly(ProbeProperties.ALLOWED_TARGETS),
				URI.create("http://" + host + ":" + this.server.port() + "/"));

		assertThat(result.outcome().kind()).isEqualTo(OutcomeKind.BLOCKED);
		assertThat(this.server.received()).isEmpty();
	}

	@Test
	void blocksARedirectToTheMetadataAddress() {
		this.server.on("/redirect", (exchange) -> {
			exchange.getResponseHeaders().add("Location", "http://169.254.169.254/latest/meta-data/");
			LocalServer.respond(exchange, 302, "");
		});

		CheckResult result = check(TargetPolicy.allowing(ProbeProperties.ALLOWED_TARGETS, List.of("127.0.0.1/32")),
				this.server.url("/redirect"));

		assertThat(result.outcome().kind()).isEqualTo(OutcomeKind.BLOCKED);
		assertThat(result.outcome().reason()).contains("169.254.169.254 is a link-local address");
	}

	private static CheckResult check(TargetPolicy policy, URI url) {
		return check(policy, DeadlineResolver.system(), url);
	}

	private static CheckResult check(TargetPolicy policy, DeadlineResolver resolver, URI url) {
		HttpChecker checker = new HttpChecker(TlsSockets.create(TlsProvider.CONSCRYPT, TlsSockets.systemTrust()),
				resolver, policy, HttpChecker.DEFAULT_MAX_BODY_BYTES, Clock.systemUTC());
		return checker.check(Specs.get(url), "local", SLOT);
	}

}
