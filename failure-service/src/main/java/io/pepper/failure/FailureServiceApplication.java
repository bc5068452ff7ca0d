package io.pepper.failure;

import java.time.Clock;

import io.pepper.contracts.v1.WireJson;
import io.pepper.http.server.StrictJson;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;

/**
 * Receives failed checks from probes, confirms them into incidents and notifies people
 * once per change of state.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class FailureServiceApplication {

	public static void main(String[] args) {
		SpringApplication.run(FailureServiceApplication.class, args);
	}

	/** The time incidents are opened, reminded and resolved by; tests move their own. */
	@Bean
	Clock clock() {
		return Clock.systemUTC();
	}

	/**
	 * Reads request bodies with the wire's settings, e.g. missing primitives rejected,
	 * and strictly: no scalar coerced into another type, no NUL, no infinite number.
	 */
	@Bean
	JsonMapperBuilderCustomizer wireJsonSettings() {
		return (builder) -> StrictJson.configure(WireJson.configure(builder));
	}

}
