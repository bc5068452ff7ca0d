package io.pepper.probe;

import java.time.Clock;

import io.pepper.probe.round.ProbeRound;
import io.pepper.probe.round.RoundScheduler;

import org.springframework.boot.ApplicationArguments;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The daemon's own round scheduler. */
@Configuration(proxyBeanMethods = false)
class DaemonConfiguration {

	@Bean
	RoundScheduler roundScheduler(ProbeRound round, ProbeProperties properties, Clock clock,
			ApplicationArguments args) {
		return new RoundScheduler(round, properties.interval(), clock, args);
	}

}
