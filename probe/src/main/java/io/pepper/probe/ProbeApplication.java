package io.pepper.probe;

import java.util.Arrays;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;

/**
 * The probe. Runs as a daemon with its own round scheduler, or with {@code --once} runs
 * one round and exits with a code that says how it went.
 */
@SpringBootApplication
@EnableConfigurationProperties(ProbeProperties.class)
public class ProbeApplication {

	public static void main(String[] args) {
		SpringApplication application = new SpringApplication(ProbeApplication.class);
		if (Arrays.asList(args).contains("--once")) {
			// One round for cron or a FaaS trigger: no web server to start or stop.
			application.setWebApplicationType(WebApplicationType.NONE);
		}
		application.run(args);
	}

}
