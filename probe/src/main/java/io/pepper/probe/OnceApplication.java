package io.pepper.probe;

import java.time.Clock;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.pepper.probe.round.Delivery;
import io.pepper.probe.round.OnceRunner;
import io.pepper.probe.round.ProbeRound;

import org.springframework.boot.Banner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.autoconfigure.context.ConfigurationPropertiesAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.validation.autoconfigure.ValidationAutoConfiguration;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/**
 * {@code --once}: one round for cron or a FaaS trigger, billed by its run time, so it
 * starts only what the round needs: settings and their validation, the checks and
 * delivery. No web server, no actuator, no auto-configuration beyond those two.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ProbeProperties.class)
@ImportAutoConfiguration({ ConfigurationPropertiesAutoConfiguration.class, ValidationAutoConfiguration.class })
@Import(ProbeConfiguration.class)
public class OnceApplication {

	/** Runs the round and exits with {@link OnceRunner}'s code. */
	public static void main(String[] args) {
		SpringApplication application = new SpringApplication(OnceApplication.class);
		application.setWebApplicationType(WebApplicationType.NONE);
		application.setBannerMode(Banner.Mode.OFF);
		application.run(ProbeApplication.arguments(args));
	}

	@Bean
	MeterRegistry onceMeterRegistry() {
		// Counted as in the daemon; nothing scrapes a process that is about to exit.
		return new SimpleMeterRegistry();
	}

	@Bean
	OnceRunner onceRunner(ProbeRound round, Delivery delivery, ProbeProperties properties, Clock clock,
			ConfigurableApplicationContext context) {
		return new OnceRunner(round, delivery, properties.interval(), clock, context);
	}

}
