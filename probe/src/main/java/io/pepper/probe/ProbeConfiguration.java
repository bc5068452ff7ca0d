package io.pepper.probe;

import java.time.Clock;
import java.time.Duration;

import io.pepper.probe.check.HttpChecker;
import io.pepper.probe.round.Delivery;
import io.pepper.probe.round.EndpointListClient;
import io.pepper.probe.round.OnceRunner;
import io.pepper.probe.round.ProbeRound;
import io.pepper.probe.round.RoundScheduler;
import io.pepper.probe.round.Sleeper;
import okhttp3.OkHttpClient;

import org.springframework.boot.ApplicationArguments;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Wires the probe from its settings. */
@Configuration(proxyBeanMethods = false)
class ProbeConfiguration {

	@Bean
	Clock probeClock() {
		return Clock.systemUTC();
	}

	@Bean
	HttpChecker httpChecker(ProbeProperties properties, Clock clock) {
		return new HttpChecker(HttpChecker.baseClient(properties.targetPolicy()), properties.targetPolicy(),
				properties.maxBodySize().toBytes(), clock);
	}

	@Bean
	ProbeRound probeRound(ProbeProperties properties, HttpChecker checker, Clock clock) {
		// Our own services: pooled connections, bounded waits, no SSRF guard
		// (operator-configured URLs).
		OkHttpClient services = new OkHttpClient.Builder().connectTimeout(Duration.ofSeconds(10))
			.readTimeout(Duration.ofSeconds(60))
			.callTimeout(Duration.ofSeconds(90))
			.build();
		EndpointListClient lists = new EndpointListClient(services, properties.adminUrl().toString(),
				properties.location(), properties.adminToken());
		Delivery delivery = new Delivery(services,
				new Delivery.Target(properties.receiverUrl().toString(), properties.receiverToken()),
				new Delivery.Target(properties.failureUrl().toString(), properties.failureToken()), properties.name(),
				properties.deliveryAttempts(), properties.deliveryBackoff());
		return new ProbeRound(lists, checker, delivery, properties.location(), properties.maxConcurrency(),
				properties.shard(), clock, Sleeper.on(clock));
	}

	@Bean
	RoundScheduler roundScheduler(ProbeRound round, ProbeProperties properties, Clock clock,
			ApplicationArguments args) {
		return new RoundScheduler(round, properties.interval(), clock, args);
	}

	@Bean
	OnceRunner onceRunner(ProbeRound round, ProbeProperties properties, Clock clock,
			ConfigurableApplicationContext context) {
		return new OnceRunner(round, properties.interval(), clock, context);
	}

}
