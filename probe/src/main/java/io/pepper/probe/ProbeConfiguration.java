package io.pepper.probe;

import java.time.Clock;
import java.time.Duration;

import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;

import io.pepper.probe.check.Checker;
import io.pepper.probe.check.Checkers;
import io.pepper.probe.check.Connector;
import io.pepper.probe.check.dns.DnsChecker;
import io.pepper.probe.check.tcp.TcpChecker;
import io.pepper.probe.check.tls.TlsChecker;
import io.pepper.probe.check.http.HttpChecker;
import io.pepper.probe.round.Delivery;
import io.pepper.probe.round.EndpointListClient;
import io.pepper.probe.round.ProbeMetrics;
import io.pepper.probe.round.ProbeRound;
import io.pepper.probe.round.Sleeper;
import io.pepper.probe.tls.TlsSockets;
import okhttp3.OkHttpClient;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.ApplicationArguments;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Wires what the daemon and {@code --once} share: checks, the endpoint list, the round
 * and delivery.
 */
@Configuration(proxyBeanMethods = false)
class ProbeConfiguration {

	private static final Duration SHUTDOWN_GRACE = Duration.ofSeconds(5);

	@Bean
	Clock probeClock() {
		return Clock.systemUTC();
	}

	@Bean
	TlsSockets tlsSockets(ProbeProperties properties) {
		return TlsSockets.create(properties.tlsProvider(), TlsSockets.systemTrust());
	}

	@Bean
	HttpChecker httpChecker(ProbeProperties properties, TlsSockets tls, Clock clock) {
		return new HttpChecker(tls, properties.resolver(), properties.targetPolicy(),
				properties.maxBodySize().toBytes(), clock);
	}

	@Bean
	Connector connector(ProbeProperties properties, TlsSockets tls) {
		return new Connector(tls, properties.resolver(), properties.targetPolicy());
	}

	@Bean
	TcpChecker tcpChecker(Connector connector, Clock clock) {
		return new TcpChecker(connector, clock);
	}

	@Bean
	DnsChecker dnsChecker(Connector connector, ProbeProperties properties, Clock clock) {
		return new DnsChecker(connector, properties.dnsCheckServers(), clock);
	}

	@Bean
	TlsChecker tlsChecker(Connector connector, Clock clock) {
		return new TlsChecker(connector, clock);
	}

	@Bean
	Checkers checkers(List<Checker> checkers, Clock clock) {
		return new Checkers(checkers, clock);
	}

	@Bean(destroyMethod = "")
	Delivery delivery(ProbeProperties properties, ApplicationArguments args, MeterRegistry registry) {
		// The daemon retries for as long as the buffer holds a batch; --once has to
		// finish.
		int attempts = args.containsOption("once") ? properties.deliveryAttempts() : 0;
		// Our own services: operator-configured URLs, so no SSRF guard.
		return new Delivery(new Delivery.Target(properties.receiverUrl().toString(), properties.receiverToken()),
				new Delivery.Target(properties.failureUrl().toString(), properties.failureToken()), properties.name(),
				new Delivery.Settings(properties.bufferCapacity(), attempts, properties.deliveryBackoff(),
						properties.deliveryMaxBackoff(), properties.deliveryLinger()),
				registry);
	}

	@Bean
	DisposableBean deliveryShutdown(Delivery delivery) {
		// On shutdown, give what is buffered a short chance to reach its service.
		return () -> {
			delivery.drain(SHUTDOWN_GRACE);
			delivery.close();
		};
	}

	@Bean
	ProbeMetrics probeMetrics(MeterRegistry registry, Delivery delivery) {
		ProbeMetrics metrics = new ProbeMetrics(registry);
		metrics.watch(delivery);
		return metrics;
	}

	@Bean
	ProbeRound probeRound(ProbeProperties properties, Checkers checker, Delivery delivery, Clock clock,
			ProbeMetrics metrics) {
		EndpointListClient lists = new EndpointListClient(properties.adminUrl().toString(), properties.location(),
				properties.adminToken());
		return new ProbeRound(lists, checker, delivery, properties.location(), properties.maxConcurrency(),
				properties.shard(), clock, Sleeper.on(clock), metrics);
	}

}
