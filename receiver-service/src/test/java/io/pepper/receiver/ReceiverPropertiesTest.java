package io.pepper.receiver;

import io.pepper.http.server.ScrapeProperties;
import java.net.URI;
import java.time.Duration;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.unit.DataSize;

import static org.assertj.core.api.Assertions.assertThat;

class ReceiverPropertiesTest {

	private static final String DIGEST = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withUserConfiguration(PropertiesOnly.class);

	@Test
	void bindsDefaultsWhenOnlyTheTokenDigestIsGiven() {
		this.runner.withPropertyValues("pepper.receiver.ingest-token-sha256=" + DIGEST).run((context) -> {
			ReceiverProperties properties = context.getBean(ReceiverProperties.class);
			assertThat(properties.redisKeyPrefix()).isEqualTo("pepper:");
			assertThat(properties.resultsStream()).isEqualTo("pepper:results");
			assertThat(properties.ingestTokenSha256()).containsExactly(DIGEST);
			assertThat(properties.maxBatchBytes()).isEqualTo(DataSize.ofMegabytes(8));
			assertThat(properties.influx().url()).isEqualTo(URI.create("http://localhost:8086"));
			assertThat(properties.influx().bucket()).isEqualTo("pepper/autogen");
			assertThat(properties.influx().token()).isNull();
			assertThat(properties.influx().v1Compat()).isFalse();
			assertThat(properties.influx().createDatabase()).isTrue();
			assertThat(properties.queue().group()).isEqualTo("writers");
			assertThat(properties.queue().readCount()).isEqualTo(50);
			assertThat(properties.queue().block()).isEqualTo(Duration.ofSeconds(1));
			assertThat(properties.queue().claimIdle()).isEqualTo(Duration.ofSeconds(60));
			assertThat(properties.queue().maxDeliveries()).isEqualTo(5);
			assertThat(properties.queue().maxLength()).isEqualTo(1000);
			assertThat(properties.queue().deadLetterMaxLength()).isEqualTo(10_000);
			assertThat(properties.queue().housekeepingInterval()).isEqualTo(Duration.ofSeconds(5));
			assertThat(properties.deadLetterStream()).isEqualTo("pepper:results-dead");
			assertThat(properties.metrics())
				.isEqualTo(new ReceiverProperties.Metrics(true, Duration.ofSeconds(60), true, 250_000));
			assertThat(context.getBean(ScrapeProperties.class).digests()).isEmpty();
		});
	}

	@Test
	void bindsTheNamesOtherServicesUse() {
		this.runner
			.withPropertyValues("pepper.receiver.redis-key-prefix=e2e:",
					"pepper.receiver.ingest-token-sha256=" + DIGEST + "," + DIGEST.toUpperCase(java.util.Locale.ROOT),
					"pepper.receiver.influx.url=http://127.0.0.1:9999", "pepper.receiver.influx.database=metrics",
					"pepper.receiver.influx.retention-policy=month", "pepper.receiver.influx.token=user:secret",
					"pepper.receiver.influx.v1-compat=true")
			.run((context) -> {
				ReceiverProperties properties = context.getBean(ReceiverProperties.class);
				assertThat(properties.resultsStream()).isEqualTo("e2e:results");
				assertThat(properties.deadLetterStream()).isEqualTo("e2e:results-dead");
				assertThat(properties.ingestTokenSha256()).hasSize(2);
				assertThat(properties.influx().bucket()).isEqualTo("metrics/month");
				assertThat(properties.influx().token()).isEqualTo("user:secret");
				assertThat(properties.influx().v1Compat()).isTrue();
			});
	}

	static Stream<Arguments> badConfigurations() {
		return Stream.of(Arguments.of("no token digest", new String[0], "must list at least one token digest"),
				Arguments.of("a plaintext token", new String[] { "pepper.receiver.ingest-token-sha256=secret" },
						"must be a SHA-256 hex digest"),
				Arguments.of("a non-http InfluxDB URL",
						new String[] { "pepper.receiver.ingest-token-sha256=" + DIGEST,
								"pepper.receiver.influx.url=ftp://influx.example" },
						"pepper.receiver.influx.url must be an absolute http or https URL"),
				Arguments.of("a database name InfluxQL would need escaping for",
						new String[] { "pepper.receiver.ingest-token-sha256=" + DIGEST,
								"pepper.receiver.influx.database=pepper\"; DROP" },
						"must be letters, digits"),
				Arguments.of("a zero read count",
						new String[] { "pepper.receiver.ingest-token-sha256=" + DIGEST,
								"pepper.receiver.queue.read-count=0" },
						"must be greater than or equal to 1"),
				Arguments.of("a zero body limit",
						new String[] { "pepper.receiver.ingest-token-sha256=" + DIGEST,
								"pepper.receiver.max-batch-bytes=0" },
						"pepper.receiver.max-batch-bytes must be between 1B and 256MB"),
				Arguments.of("no idle time before claiming",
						new String[] { "pepper.receiver.ingest-token-sha256=" + DIGEST,
								"pepper.receiver.queue.claim-idle=0s" },
						"pepper.receiver.queue.claim-idle must be positive"),
				Arguments.of("no delivery at all",
						new String[] { "pepper.receiver.ingest-token-sha256=" + DIGEST,
								"pepper.receiver.queue.max-deliveries=0" },
						"must be greater than or equal to 1"),
				Arguments.of("a stream limit of nothing",
						new String[] { "pepper.receiver.ingest-token-sha256=" + DIGEST,
								"pepper.receiver.queue.max-length=0" },
						"must be greater than or equal to 1"),
				Arguments.of("no housekeeping",
						new String[] { "pepper.receiver.ingest-token-sha256=" + DIGEST,
								"pepper.receiver.queue.housekeeping-interval=-1s" },
						"pepper.receiver.queue.housekeeping-interval must be positive"),
				Arguments.of("a longest pause below the first",
						new String[] { "pepper.receiver.ingest-token-sha256=" + DIGEST,
								"pepper.receiver.queue.retry-backoff=10s",
								"pepper.receiver.queue.max-retry-backoff=1s" },
						"must not be shorter than retry-backoff"),
				Arguments.of("check gauges refreshed more than once a second",
						new String[] { "pepper.receiver.ingest-token-sha256=" + DIGEST,
								"pepper.receiver.metrics.refresh=100ms" },
						"pepper.receiver.metrics.refresh must be at least 1s but was PT0.1S"),
				Arguments.of("a plaintext scrape token",
						new String[] { "pepper.receiver.ingest-token-sha256=" + DIGEST,
								"pepper.metrics.scrape-token-sha256=prometheus" },
						"pepper.metrics.scrape-token-sha256 must list SHA-256 hex digests"));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("badConfigurations")
	void failsAtStartWithAClearMessage(String name, String[] properties, String message) {
		this.runner.withPropertyValues(properties).run((context) -> {
			assertThat(context).hasFailed();
			assertThat(context.getStartupFailure()).hasStackTraceContaining(message);
		});
	}

	@Configuration(proxyBeanMethods = false)
	@EnableConfigurationProperties({ ReceiverProperties.class, ScrapeProperties.class })
	static class PropertiesOnly {

	}

}
