package io.pepper.probe.check.dns;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

import io.pepper.contracts.v1.CheckResult;
import io.pepper.contracts.v1.CheckSettings;
import io.pepper.contracts.v1.CheckSettings.AnswerMatch;
import io.pepper.contracts.v1.DnsRcode;
import io.pepper.contracts.v1.DnsRecordType;
import io.pepper.contracts.v1.EndpointSpec;
import io.pepper.contracts.v1.OutcomeKind;
import io.pepper.contracts.v1.Phase;
import io.pepper.net.TargetPolicy;
import io.pepper.probe.LocalDnsServer;
import io.pepper.probe.ProbeProperties;
import io.pepper.probe.check.Connector;
import io.pepper.probe.dns.DeadlineResolver;
import io.pepper.probe.tls.TlsProvider;
import io.pepper.probe.tls.TlsSockets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.xbill.DNS.CNAMERecord;
import org.xbill.DNS.DClass;
import org.xbill.DNS.MXRecord;
import org.xbill.DNS.NSRecord;
import org.xbill.DNS.Name;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.TXTRecord;

import static org.assertj.core.api.Assertions.assertThat;

/** Each case asks a real DNS server on a local UDP socket. */
class DnsCheckerTest {

	private static final Instant SLOT = Instant.parse("2026-01-01T12:00:00Z");

	private static final TargetPolicy LOOPBACK_ALLOWED = TargetPolicy.allowing(ProbeProperties.ALLOWED_TARGETS,
			List.of("127.0.0.1/32", "::1/128"));

	private final LocalDnsServer server = LocalDnsServer.answering()
		.add("www.pepper.test", "192.0.2.10", "192.0.2.11", "2001:db8::10")
		.add(new CNAMERecord(name("shop.pepper.test"), DClass.IN, 60, name("www.pepper.test")))
		.add(new MXRecord(name("pepper.test"), DClass.IN, 60, 10, name("Mail.Pepper.Test")))
		.add(new MXRecord(name("pepper.test"), DClass.IN, 60, 20, name("backup.pepper.test")))
		.add(new NSRecord(name("pepper.test"), DClass.IN, 60, name("ns1.pepper.test")))
		.add(new TXTRecord(name("_dmarc.pepper.test"), DClass.IN, 60, "v=DMARC1; p=reject"))
		.rcode("broken.pepper.test", Rcode.SERVFAIL);

	@AfterEach
	void stop() {
		this.server.close();
	}

	static Stream<Arguments> answers() {
		return Stream.of(
				Arguments.of("A, any", "www.pepper.test", DnsRecordType.A, List.of("192.0.2.11"), AnswerMatch.ANY,
						null),
				Arguments.of("A, all", "www.pepper.test", DnsRecordType.A, List.of("192.0.2.10", "192.0.2.11"),
						AnswerMatch.ALL, null),
				Arguments.of("A, all with one missing", "www.pepper.test", DnsRecordType.A,
						List.of("192.0.2.10", "192.0.2.99"), AnswerMatch.ALL,
						"expected all of ['192.0.2.10', '192.0.2.99'] but got ['192.0.2.10', '192.0.2.11']"),
				Arguments.of("A, any with none there", "www.pepper.test", DnsRecordType.A, List.of("192.0.2.99"),
						AnswerMatch.ANY, "expected any of ['192.0.2.99'] but got ['192.0.2.10', '192.0.2.11']"),
				Arguments.of("AAAA written in another form", "www.pepper.test", DnsRecordType.AAAA,
						List.of("2001:0db8:0:0:0:0:0:0010"), AnswerMatch.ANY, null),
				Arguments.of("CNAME with a trailing dot and capitals", "shop.pepper.test", DnsRecordType.CNAME,
						List.of("WWW.pepper.test."), AnswerMatch.ANY, null),
				Arguments.of("MX with its preference", "pepper.test", DnsRecordType.MX,
						List.of("10 mail.pepper.test", "20 backup.pepper.test"), AnswerMatch.ALL, null),
				Arguments.of("MX with another preference", "pepper.test", DnsRecordType.MX,
						List.of("5 mail.pepper.test"), AnswerMatch.ANY,
						"expected any of ['5 mail.pepper.test'] but got ['10 mail.pepper.test', '20 backup.pepper.test']"),
				Arguments.of("NS", "pepper.test", DnsRecordType.NS, List.of("ns1.pepper.test"), AnswerMatch.ANY, null),
				Arguments.of("TXT", "_dmarc.pepper.test", DnsRecordType.TXT, List.of("v=DMARC1; p=reject"),
						AnswerMatch.ANY, null),
				Arguments.of("any answer will do", "www.pepper.test", DnsRecordType.A, List.of(), AnswerMatch.ANY,
						null),
				Arguments.of("no record of the type", "shop.pepper.test", DnsRecordType.TXT, List.of(), AnswerMatch.ANY,
						"no TXT record in the answer"));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("answers")
	void judgesTheAnswersOfEachRecordType(String name, String host, DnsRecordType type, List<String> expected,
			AnswerMatch match, String failure) {
		CheckResult result = checker().check(
				spec(host, new CheckSettings.Dns(type, resolver(), DnsRcode.NOERROR, expected, match)), "local", SLOT);

		if (failure == null) {
			assertThat(result.outcome().kind()).as(result.outcome().reason()).isEqualTo(OutcomeKind.UP);
		}
		else {
			assertThat(result.outcome().kind()).isEqualTo(OutcomeKind.DNS_ANSWER_MISMATCH);
			assertThat(result.outcome().phase()).isEqualTo(Phase.DNS);
			assertThat(result.outcome().reason()).isEqualTo(failure);
		}
		assertThat(this.server.queries()).contains(host + ". " + type);
	}

	@Test
	void timesTheQueryAsTheDnsPhaseAndLeavesTheOthersOut() {
		CheckResult result = checker().check(spec("www.pepper.test",
				new CheckSettings.Dns(DnsRecordType.A, resolver(), DnsRcode.NOERROR, List.of(), AnswerMatch.ANY)),
				"local", SLOT);

		assertThat(result.timings().dnsMs()).isNotNull()
			.isGreaterThanOrEqualTo(0.0)
			.isLessThanOrEqualTo(result.timings().totalMs());
		assertThat(result.timings().connectMs()).isNull();
		assertThat(result.timings().tlsMs()).isNull();
		assertThat(result.timings().firstByteMs()).isNull();
		assertThat(result.status()).isNull();
	}

	@Test
	void anExpectedNxdomainIsUpAndAnUnexpectedOneIsNot() {
		CheckResult expected = checker().check(spec("gone.pepper.test",
				new CheckSettings.Dns(DnsRecordType.A, resolver(), DnsRcode.NXDOMAIN, List.of(), AnswerMatch.ANY)),
				"local", SLOT);
		CheckResult unexpected = checker().check(spec("gone.pepper.test",
				new CheckSettings.Dns(DnsRecordType.A, resolver(), DnsRcode.NOERROR, List.of(), AnswerMatch.ANY)),
				"local", SLOT);

		assertThat(expected.outcome().kind()).isEqualTo(OutcomeKind.UP);
		assertThat(unexpected.outcome().kind()).isEqualTo(OutcomeKind.DNS_RCODE_MISMATCH);
		assertThat(unexpected.outcome().reason()).isEqualTo("expected rcode NOERROR but got NXDOMAIN");
	}

	@Test
	void reportsAServerFailureAsAnRcodeMismatch() {
		CheckResult result = checker().check(spec("broken.pepper.test",
				new CheckSettings.Dns(DnsRecordType.A, resolver(), DnsRcode.NOERROR, List.of(), AnswerMatch.ANY)),
				"local", SLOT);

		assertThat(result.outcome().kind()).isEqualTo(OutcomeKind.DNS_RCODE_MISMATCH);
		assertThat(result.outcome().reason()).isEqualTo("expected rcode NOERROR but got SERVFAIL");
	}

	@Test
	void asksTheProbesOwnServersWhenTheCheckNamesNone() {
		DnsChecker probeResolver = new DnsChecker(connector(LOOPBACK_ALLOWED), List.of(this.server.address()),
				Clock.systemUTC());

		CheckResult result = probeResolver.check(spec("www.pepper.test",
				new CheckSettings.Dns(DnsRecordType.A, null, DnsRcode.NOERROR, List.of("192.0.2.10"), AnswerMatch.ANY)),
				"local", SLOT);

		assertThat(result.outcome().kind()).isEqualTo(OutcomeKind.UP);
		assertThat(this.server.queries()).containsExactly("www.pepper.test. A");
	}

	@Test
	void timesOutWhenTheServerIsSilent() {
		try (LocalDnsServer silent = LocalDnsServer.silent()) {
			EndpointSpec spec = EndpointSpec.of(UUID.randomUUID(), UUID.randomUUID(), "silent",
					URI.create("dns:www.pepper.test"), new CheckSettings.Dns(DnsRecordType.A,
							"127.0.0.1:" + silent.address().getPort(), DnsRcode.NOERROR, List.of(), AnswerMatch.ANY),
					300, 100, 60);

			CheckResult result = checker().check(spec, "local", SLOT);

			assertThat(result.outcome().kind()).isEqualTo(OutcomeKind.TIMEOUT);
			assertThat(result.outcome().phase()).isEqualTo(Phase.DNS);
			assertThat(result.outcome().reason()).startsWith("no answer within 300 ms");
			assertThat(result.timings().totalMs()).isGreaterThanOrEqualTo(290.0).isLessThan(3_000.0);
		}
	}

	@Test
	void refusesAResolverOnAnInternalAddressWithoutAskingIt() {
		DnsChecker guarded = new DnsChecker(connector(TargetPolicy.publicOnly(ProbeProperties.ALLOWED_TARGETS)),
				List.of(), Clock.systemUTC());

		CheckResult result = guarded.check(spec("www.pepper.test",
				new CheckSettings.Dns(DnsRecordType.A, resolver(), DnsRcode.NOERROR, List.of(), AnswerMatch.ANY)),
				"local", SLOT);

		assertThat(result.outcome().kind()).isEqualTo(OutcomeKind.BLOCKED);
		assertThat(result.outcome().reason()).startsWith("blocked: resolver");
		assertThat(this.server.queries()).isEmpty();
	}

	private String resolver() {
		return "127.0.0.1:" + this.server.address().getPort();
	}

	private static EndpointSpec spec(String host, CheckSettings.Dns settings) {
		return EndpointSpec.of(UUID.randomUUID(), UUID.randomUUID(), "dns " + host, URI.create("dns:" + host), settings,
				2_000, 500, 60);
	}

	private static DnsChecker checker() {
		return new DnsChecker(connector(LOOPBACK_ALLOWED), List.of(), Clock.systemUTC());
	}

	private static Connector connector(TargetPolicy policy) {
		return new Connector(TlsSockets.create(TlsProvider.JSSE, TlsSockets.systemTrust()), DeadlineResolver.system(),
				policy);
	}

	private static Name name(String text) {
		return Name.fromConstantString(text + ".");
	}

}
