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

}
