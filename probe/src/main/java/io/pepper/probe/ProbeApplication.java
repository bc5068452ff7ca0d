package io.pepper.probe;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

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
		application.run(arguments(args));
	}

	/**
	 * The command line with {@code --shard i/n} and {@code --shard=i/n} spelled as the
	 * setting {@code pepper.probe.shard}.
	 */
	static String[] arguments(String[] args) {
		List<String> translated = new ArrayList<>();
		for (int i = 0; i < args.length; i++) {
			if (args[i].equals("--shard") && i + 1 < args.length) {
				translated.add("--pepper.probe.shard=" + args[++i]);
			}
			else if (args[i].startsWith("--shard=")) {
				translated.add("--pepper.probe.shard=" + args[i].substring("--shard=".length()));
			}
			else {
				translated.add(args[i]);
			}
		}
		return translated.toArray(String[]::new);
	}

}
