package io.pepper.failure;

import java.time.Duration;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;

/** Each bad configuration paired with the words its start-up failure must contain. */
class FailurePropertiesTest {

	private static final String DIGEST = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withUserConfiguration(PropertiesConfiguration.class);

	@Test
	void appliesDefaultsWhenOnlyTheTokenIsSet() {
		this.runner.withPropertyValues("pepper.failure.ingest-token-sha256=" + DIGEST).run((context) -> {
			assertThat(context).hasNotFailed();
			FailureProperties properties = context.getBean(FailureProperties.class);
			assertThat(properties.ingestTokenSha256()).containsExactly(DIGEST);
			assertThat(properties.mail().from()).isEqualTo("pepper@localhost");
			assertThat(properties.mail().standaloneTo()).isEmpty();
			assertThat(properties.dispatchInterval()).isEqualTo(Duration.ofSeconds(1));
			assertThat(properties.dispatchMaxAttempts()).isEqualTo(10);
		});
	}

	@Test
	void bindsCommaSeparatedDigestsAndRecipients() {
		this.runner
			.withPropertyValues("pepper.failure.ingest-token-sha256=" + DIGEST + "," + DIGEST.toUpperCase(),
					"pepper.failure.mail.standalone-to=ops@example.com,lead@example.com")
			.run((context) -> {
				FailureProperties properties = context.getBean(FailureProperties.class);
				assertThat(properties.ingestTokenSha256()).hasSize(2);
				assertThat(properties.mail().standaloneTo()).containsExactly("ops@example.com", "lead@example.com");
			});
	}

	@Test
	void doublesRetryBackoffUpToTheMaximum() {
		this.runner
			.withPropertyValues("pepper.failure.ingest-token-sha256=" + DIGEST,
					"pepper.failure.dispatch-retry-backoff=2s", "pepper.failure.dispatch-max-retry-backoff=10s")
			.run((context) -> {
				FailureProperties properties = context.getBean(FailureProperties.class);
				assertThat(Stream.of(1, 2, 3, 4, 50).map(properties::retryBackoffAfter)).containsExactly(
						Duration.ofSeconds(2), Duration.ofSeconds(4), Duration.ofSeconds(8), Duration.ofSeconds(10),
						Duration.ofSeconds(10));
			});
	}

	static Stream<Arguments> badConfigurations() {
		return Stream.of(Arguments.of("no token digest", new String[] {}, "ingestTokenSha256", "at least one"),
				Arguments.of("plaintext token instead of digest",
						new String[] { "pepper.failure.ingest-token-sha256=secret-token" }, "ingestTokenSha256[0]",
						"not the token itself"),
				Arguments.of("bad sender", new String[] { "pepper.failure.mail.from=not an address" }, "mail.from",
						"well-formed email address"),
				Arguments.of("bad recipient",
						new String[] { "pepper.failure.mail.standalone-to=ops@example.com,nobody" },
						"mail.standaloneTo[1]", "well-formed email address"),
				Arguments.of("zero dispatch interval", new String[] { "pepper.failure.dispatch-interval=0s" },
						"dispatchInterval", "10"),
				Arguments.of("no attempts", new String[] { "pepper.failure.dispatch-max-attempts=0" },
						"dispatchMaxAttempts", "greater than or equal to 1"),
				Arguments.of("max backoff under backoff",
						new String[] { "pepper.failure.dispatch-retry-backoff=1m",
								"pepper.failure.dispatch-max-retry-backoff=10s" },
						"retryBackoffOrdered", "must not be shorter"),
				Arguments.of("operator recipients beside admin-app",
						new String[] { "pepper.failure.admin-url=http://admin.example.com",
								"pepper.failure.admin-token=t", "pepper.failure.mail.standalone-to=ops@example.com" },
						"standaloneMailOnlyWithoutAdmin", "single-tenant"),
				Arguments.of("stand-alone locations beside admin-app",
						new String[] { "pepper.failure.admin-url=http://admin.example.com",
								"pepper.failure.admin-token=t", "pepper.failure.standalone-locations=eu-west" },
						"standaloneLocationsOnlyWithoutAdmin", "locations come from admin-app"),
				Arguments.of("admin url without token",
						new String[] { "pepper.failure.admin-url=http://admin.example.com" }, "adminTokenSetWithUrl",
						"admin-token must be set"),
				Arguments.of("admin url with another scheme",
						new String[] { "pepper.failure.admin-url=ftp://admin.example.com",
								"pepper.failure.admin-token=t" },
						"admin-url", "absolute http or https URL"),
				Arguments.of("receiver url without token",
						new String[] { "pepper.failure.receiver-url=http://receiver.example.com" },
						"receiverTokenSetWithUrl", "receiver-token must be set"),
				Arguments.of("service token in plain text",
						new String[] { "pepper.failure.service-token-sha256=secret" }, "serviceTokenSha256[0]",
						"not the token itself"),
				Arguments.of("allowed target that is no address",
						new String[] { "pepper.failure.allowed-targets=10.0.0.0/99" }, "allowed-targets",
						"prefix length must be between 0 and 32"),
				Arguments.of("negative digest threshold", new String[] { "pepper.failure.digest.threshold=-1" },
						"digest.threshold", "greater than or equal to 0"),
				Arguments.of("unparsable interval", new String[] { "pepper.failure.dispatch-interval=soon" },
						"dispatch-interval", "soon"));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("badConfigurations")
	void refusesToStartWithBadConfiguration(String name, String[] properties, String field, String message) {
		ApplicationContextRunner withToken = properties.length > 0 && !properties[0].contains("ingest-token")
				? this.runner.withPropertyValues("pepper.failure.ingest-token-sha256=" + DIGEST) : this.runner;
		withToken.withPropertyValues(properties).run((context) -> {
			assertThat(context).hasFailed();
			String failure = causes(context.getStartupFailure());
			assertThat(failure).contains(field).contains(message);
		});
	}

	private static String causes(Throwable failure) {
		StringBuilder text = new StringBuilder();
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			text.append(cause.getMessage()).append('\n');
		}
		return text.toString();
	}

	@Configuration(proxyBeanMethods = false)
	@EnableConfigurationProperties(FailureProperties.class)
	static class PropertiesConfiguration {

	}

}
