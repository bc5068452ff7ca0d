package io.pepper.probe;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Import;

/**
 * The probe. Runs as a daemon with its own round scheduler, web server and metrics, or
 * with {@code --once} runs one round (see {@link OnceApplication}) and exits with a code
 * that says how it went.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
@EnableConfigurationProperties(ProbeProperties.class)
@Import({ ProbeConfiguration.class, DaemonConfiguration.class, ScrapeSecurity.class })
public class ProbeApplication {

	public static void main(String[] args) {
		if (Arrays.asList(args).contains("--once")) {
			OnceApplication.main(args);
			return;
		}
		SpringApplication.run(ProbeApplication.class, arguments(args));
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
