package io.pepper.probe.dns;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.concurrent.TimeUnit;

import io.pepper.probe.LocalDnsServer;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/** The resolver against real DNS servers on loopback, one per test. */
class DeadlineResolverTest {

	@Test
	void asksForIpv4AndIpv6AndListsIpv4First() throws Exception {
		try (LocalDnsServer dns = LocalDnsServer.answering().add("shop.pepper.test", "2001:db8::7", "192.0.2.7")) {
			List<InetAddress> addresses = DeadlineResolver.using(List.of(dns.address()))
				.resolve("shop.pepper.test", deadlineIn(2_000));

			assertThat(addresses).extracting(InetAddress::getHostAddress)
				.containsExactly("192.0.2.7", "2001:db8:0:0:0:0:0:7");
			assertThat(addresses).extracting(InetAddress::getHostName).containsOnly("shop.pepper.test");
			assertThat(dns.queries()).containsExactlyInAnyOrder("shop.pepper.test. A", "shop.pepper.test. AAAA");
		}
	}

	@Test
	void asksAgainOnEveryLookup() throws Exception {
		try (LocalDnsServer dns = LocalDnsServer.answering().add("shop.pepper.test", "192.0.2.7")) {
			DeadlineResolver resolver = DeadlineResolver.using(List.of(dns.address()));

			resolver.resolve("shop.pepper.test", deadlineIn(2_000));
			resolver.resolve("shop.pepper.test", deadlineIn(2_000));

			assertThat(dns.queries()).as("no cache between checks").hasSize(4);
		}
	}

	@Test
	void saysWhenANameDoesNotExist() {
		try (LocalDnsServer dns = LocalDnsServer.answering()) {
			assertThatExceptionOfType(UnknownHostException.class).isThrownBy(
					() -> DeadlineResolver.using(List.of(dns.address())).resolve("gone.pepper.test", deadlineIn(2_000)))
				.isNotInstanceOf(DnsTimeoutException.class)
				.withMessage("gone.pepper.test: no such domain (NXDOMAIN)");
		}
	}

	@Test
	void givesUpAtTheDeadlineWhenTheServerStaysSilent() {
		try (LocalDnsServer silent = LocalDnsServer.silent()) {
			DeadlineResolver resolver = DeadlineResolver.using(List.of(silent.address()));
			long started = System.nanoTime();

			assertThatExceptionOfType(DnsTimeoutException.class)
				.isThrownBy(() -> resolver.resolve("shop.pepper.test", deadlineIn(300)))
				.withMessageStartingWith("shop.pepper.test: no answer from [");
			long tookMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
			assertThat(tookMs).isBetween(290L, 300L + 200L);
			assertThat(silent.queries()).contains("shop.pepper.test. A");
		}
	}

	@Test
	void readsTheHostsFileOfTheMachine() throws Exception {
		List<InetAddress> addresses = DeadlineResolver.system().resolve("localhost", deadlineIn(2_000));

		assertThat(addresses).isNotEmpty().allMatch(InetAddress::isLoopbackAddress);
	}

	@Test
	void refusesANameThatIsNoHostName() {
		assertThatExceptionOfType(UnknownHostException.class)
			.isThrownBy(() -> DeadlineResolver.system().resolve("a..b", deadlineIn(2_000)))
			.withMessageStartingWith("a..b: not a valid host name");
	}

	private static long deadlineIn(long millis) {
		return System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
	}

}
