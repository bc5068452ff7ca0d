package io.pepper.net;

import java.net.InetAddress;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class TargetPolicyTest {

	private static final String SETTING = "example.allowed-targets";

	@ParameterizedTest
	@CsvSource(delimiter = '|', nullValues = "public", textBlock = """
			127.0.0.1         | loopback
			127.255.0.9       | loopback
			10.1.2.3          | private
			172.16.0.1        | private
			172.31.255.255    | private
			172.32.0.1        | public
			192.168.1.1       | private
			169.254.169.254   | link-local
			100.64.0.1        | carrier-grade NAT
			100.128.0.1       | public
			0.0.0.0           | "this network"
			224.0.0.251       | multicast
			8.8.8.8           | public
			::                | unspecified
			::1               | loopback
			fe80::1           | link-local
			fc00::1           | unique-local
			fd12:3456::1      | unique-local
			ff02::1           | multicast
			::ffff:10.0.0.1   | private
			::10.0.0.1        | private (IPv4 embedded in IPv6)
			64:ff9b::a9fe:a9fe | link-local (IPv4 embedded in IPv6)
			2002:7f00:1::1    | loopback (IPv4 embedded in IPv6)
			2001:4860:4860::8888 | public
			""")
	void classifiesInternalAddresses(String address, String kind) {
		assertThat(TargetPolicy.internalKind(InetAddress.ofLiteral(address))).isEqualTo(kind);
	}

	@ParameterizedTest
	@ValueSource(strings = { "2130706433", "0177.0.0.1", "127.1", "0x7f.0.0.1", "0x7f000001", "017700000001" })
	void refusesAmbiguousNumericHosts(String host) {
		assertThat(TargetPolicy.allowing(SETTING, List.of("8.8.8.8")).refusalForHost(host))
			.isEqualTo("host " + host + " is a numeric address in an ambiguous form; write it as a dotted quad");
	}

	@ParameterizedTest
	@ValueSource(strings = { "example.com", "1.example.com", "8.8.8.8", "[2001:4860:4860::8888]", "deadbeef.test" })
	void leavesPublicHostsAndAddressesToResolution(String host) {
		assertThat(TargetPolicy.publicOnly(SETTING).refusalForHost(host)).isNull();
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|',
			textBlock = """
					10.0.0.0/33   | allowed target '10.0.0.0/33' is not a valid CIDR: prefix length must be between 0 and 32 but was 33
					10.0.0.0/x    | allowed target '10.0.0.0/x' is not a valid CIDR: '10.0.0.0/x' has an invalid prefix length 'x'
					::1/129       | allowed target '::1/129' is not a valid CIDR: prefix length must be between 0 and 128 but was 129
					http://x.test | allowed target 'http://x.test' is neither a CIDR block, an IP address nor a host name
					999.1.1.1     | allowed target '999.1.1.1' is neither a CIDR block, an IP address nor a host name
					""")
	void rejectsMalformedAllowedTargets(String entry, String message) {
		assertThatIllegalArgumentException().isThrownBy(() -> TargetPolicy.allowing(SETTING, List.of(entry)))
			.withMessage(message);
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', textBlock = """
			10.0.0.0/8        | 10.200.3.4      | true
			10.0.0.0/8        | 192.168.0.1     | false
			172.16.0.0/12     | 172.20.1.1      | true
			172.16.0.0/16     | 172.17.0.1      | false
			192.168.1.128/25  | 192.168.1.200   | true
			192.168.1.128/25  | 192.168.1.100   | false
			fd00::/8          | fd12::1         | true
			fd00::/8          | fc12::1         | false
			127.0.0.1         | 127.0.0.1       | true
			127.0.0.1         | 127.0.0.2       | false
			""")
	void allowsAddressesInsideListedBlocksOnly(String block, String address, boolean allowed) {
		TargetPolicy policy = TargetPolicy.allowing(SETTING, List.of(block));

		String refusal = policy.refusal(address, InetAddress.ofLiteral(address));

		assertThat(refusal == null).isEqualTo(allowed);
	}

	@Test
	void refusalNamesTheSettingThatWouldAllowTheAddress() throws Exception {
		assertThat(TargetPolicy.publicOnly("pepper.failure.allowed-targets")
			.refusal("metadata.example", InetAddress.ofLiteral("169.254.169.254"))).isEqualTo(
					"metadata.example (169.254.169.254) is a link-local address and not in pepper.failure.allowed-targets");
	}

	@ParameterizedTest(name = "{0} -> {1}")
	@CsvSource(delimiter = '|', nullValues = "allowed",
			textBlock = """
					hooks.slack.com          | allowed                 |
					93.184.215.14            | allowed                 |
					cafe.face                | allowed                 |
					localhost                | INTERNAL_NAME           | host localhost is a name for internal hosts and not in example.allowed-targets
					LocalHost.               | INTERNAL_NAME           | host LocalHost. is a name for internal hosts
					app.localhost            | INTERNAL_NAME           | host app.localhost is a name for internal hosts
					metadata                 | INTERNAL_NAME           | host metadata is a name for internal hosts
					metadata.google.internal | INTERNAL_NAME           | host metadata.google.internal is a name for internal hosts
					db.corp.internal         | INTERNAL_NAME           | host db.corp.internal is a name for internal hosts
					127.0.0.1                | INTERNAL_ADDRESS        | 127.0.0.1 is a loopback address and not in example.allowed-targets
					[::1]                    | INTERNAL_ADDRESS        | ::1 (0:0:0:0:0:0:0:1) is a loopback address
					[fd00::1]                | INTERNAL_ADDRESS        | fd00::1 (fd00:0:0:0:0:0:0:1) is a unique-local address
					2130706433               | INTERNAL_ADDRESS        | host 2130706433 is 127.0.0.1 written another way, a loopback address
					127.1                    | INTERNAL_ADDRESS        | host 127.1 is 127.0.0.1 written another way, a loopback address
					0x7f.0.0.1               | AMBIGUOUS_NUMBER        | host 0x7f.0.0.1 is a numeric address in an ambiguous form; write it as a dotted quad
					1572395042               | AMBIGUOUS_NUMBER        | host 1572395042 is a numeric address in an ambiguous form
					""")
	void refusesToBeNamedWhatOnlyLeadsInside(String host, TargetPolicy.HostRefusal.Kind kind, String reason) {
		TargetPolicy.HostRefusal refusal = TargetPolicy.publicOnly(SETTING).refusalForName(host);

		if (kind == null) {
			assertThat(refusal).isNull();
		}
		else {
			assertThat(refusal.kind()).isEqualTo(kind);
			assertThat(refusal.reason()).startsWith(reason);
		}
	}

	@Test
	void letsAllowedHostsAndBlocksBeNamed() {
		TargetPolicy policy = TargetPolicy.allowing(SETTING, List.of("receiver.internal", "10.0.0.0/8"));

		assertThat(policy.refusalForName("receiver.internal")).isNull();
		assertThat(policy.refusalForName("10.1.2.3")).isNull();
		assertThat(policy.refusalForName("other.internal")).isNotNull();
		assertThat(policy.refusalForName("192.168.0.1")).isNotNull();
	}

}
