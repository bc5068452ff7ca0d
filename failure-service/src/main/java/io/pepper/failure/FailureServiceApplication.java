package io.pepper.failure;

import io.pepper.contracts.v1.WireJson;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;

/** Receives failed checks from probes, stores them and notifies people about them. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class FailureServiceApplication {

	public static void main(String[] args) {
		SpringApplication.run(FailureServiceApplication.class, args);
	}

	/**
	 * Reads request bodies with the wire's settings, e.g. missing primitives rejected.
	 */
	@Bean
	JsonMapperBuilderCustomizer wireJsonSettings() {
		return WireJson::configure;
	}

}
