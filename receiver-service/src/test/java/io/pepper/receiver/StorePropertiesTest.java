package io.pepper.receiver;

import java.time.Duration;
import java.util.stream.Stream;

import io.pepper.receiver.store.Resolution;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;

/** The settings of the metric store, retention, history API and trend detector. */
class StorePropertiesTest {

	private static final String DIGEST = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withUserConfiguration(PropertiesOnly.class)
		.withPropertyValues("pepper.receiver.ingest-token-sha256=" + DIGEST);

	@Test
	void defaultsToInfluxWithRetentionPerResolutionAndNoReaders() {
		this.runner.run((context) -> {
			ReceiverProperties properties = context.getBean(ReceiverProperties.class);
			assertThat(properties.store()).isEqualTo(ReceiverProperties.Store.INFLUX);
			assertThat(Resolution.RAW.keptFor(properties.retention())).isEqualTo(Duration.ofDays(30));
			assertThat(Resolution.HOURLY.keptFor(properties.retention())).isEqualTo(Duration.ofDays(400));
			assertThat(Resolution.DAILY.keptFor(properties.retention())).isEqualTo(Duration.ofDays(1825));
			assertThat(Resolution.HOURLY.retentionPolicy(properties.influx())).isEqualTo("pepper_hourly");
			assertThat(Resolution.DAILY.retentionPolicy(properties.influx())).isEqualTo("pepper_daily");
			assertThat(properties.queryTokenSha256()).isEmpty();
			assertThat(properties.adminUrl()).isNull();
			assertThat(properties.failureUrl()).isNull();
			assertThat(properties.trend().enabled()).isTrue();
			assertThat(properties.trend().maxQueued()).isEqualTo(10_000);
			assertThat(properties.trend().minimumDuration()).isEqualTo(new ReceiverProperties.MinimumDuration(
					Duration.ofMinutes(45), Duration.ofMinutes(30), Duration.ofMinutes(20)));
			assertThat(properties.recovery().pollInterval()).isEqualTo(Duration.ofSeconds(5));
			assertThat(properties.recovery().sendInterval()).isEqualTo(Duration.ofSeconds(1));
			assertThat(properties.recovery().maxQueued()).isEqualTo(10_000);
		});
	}

	@Test
	void bindsTheStoreAndItsRetention() {
		this.runner
			.withPropertyValues("pepper.receiver.store=postgres", "pepper.receiver.retention.raw=7d",
					"pepper.receiver.retention.hourly=90d", "pepper.receiver.query-token-sha256=" + DIGEST,
					"pepper.receiver.admin-url=http://admin:8080", "pepper.receiver.admin-token=t",
					"pepper.receiver.failure-url=http://failure:8082", "pepper.receiver.failure-token=u")
			.run((context) -> {
				ReceiverProperties properties = context.getBean(ReceiverProperties.class);
				assertThat(properties.store()).isEqualTo(ReceiverProperties.Store.POSTGRES);
				assertThat(properties.retention().raw()).isEqualTo(Duration.ofDays(7));
				assertThat(properties.retention().hourly()).isEqualTo(Duration.ofDays(90));
				assertThat(properties.queryTokenSha256()).containsExactly(DIGEST);
			});
	}

	static Stream<Arguments> badConfigurations() {
		return Stream.of(Arguments.of("an unknown store", "pepper.receiver.store=mysql", "pepper.receiver.store"),
				Arguments.of("a raw retention under an hour", "pepper.receiver.retention.raw=10m",
						"pepper.receiver.retention.raw must be at least 1h"),
				Arguments.of("a query token instead of its digest", "pepper.receiver.query-token-sha256=secret",
						"must be a SHA-256 hex digest"),
				Arguments.of("an admin URL without a token", "pepper.receiver.admin-url=http://admin:8080",
						"pepper.receiver.admin-token is required"),
				Arguments.of("a failure URL that is not http", "pepper.receiver.failure-url=ftp://failure",
						"pepper.receiver.failure-url must be an absolute http or https URL"),
				Arguments.of("a recovery poll interval of zero", "pepper.receiver.recovery.poll-interval=0s",
						"pepper.receiver.recovery durations must be positive"),
				Arguments.of("an empty success outbox", "pepper.receiver.recovery.max-queued=0", "recovery.maxQueued"),
				Arguments.of("a trend minimum duration under 5 minutes",
						"pepper.receiver.trend.minimum-duration.high=1m",
						"pepper.receiver.trend.minimum-duration must be at least 5m but was PT1M"),
				Arguments.of("a higher sensitivity waiting longer", "pepper.receiver.trend.minimum-duration.high=1h",
						"must not be longer for a higher sensitivity: high PT1H, medium PT30M, low PT45M"));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("badConfigurations")
	void failsAtStartWithAClearMessage(String name, String property, String message) {
		this.runner.withPropertyValues(property).run((context) -> {
			assertThat(context).hasFailed();
			assertThat(context.getStartupFailure()).hasStackTraceContaining(message);
		});
	}

	@Configuration(proxyBeanMethods = false)
	@EnableConfigurationProperties(ReceiverProperties.class)
	static class PropertiesOnly {

	}

}
