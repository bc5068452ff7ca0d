package io.pepper.failure.incident;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;

import io.pepper.failure.incident.CertificateWarning.Decision;
import io.pepper.failure.incident.CertificateWarning.Told;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;

/** Each case: days left, what was told before, and what the decision must be. */
class CertificateWarningTest {

	private static final Instant NOW = Instant.parse("2026-06-01T12:00:00Z");

	private static final List<Integer> THRESHOLDS = List.of(30, 14, 7, 1);

	private static final Instant EXPIRY_IN_20 = NOW.plus(Duration.ofDays(20)).plusSeconds(3600);

	static Stream<Arguments> cases() {
		return Stream.of(
				Arguments.of("far from expiry, nothing told", NOW.plus(Duration.ofDays(60)), null,
						new Decision.Nothing()),
				Arguments.of("first threshold reached", EXPIRY_IN_20, null, new Decision.Warn(30, 20)),
				Arguments.of("the same threshold again", EXPIRY_IN_20, new Told(EXPIRY_IN_20, 30),
						new Decision.Nothing()),
				Arguments.of("a closer threshold", NOW.plus(Duration.ofDays(10)),
						new Told(NOW.plus(Duration.ofDays(10)), 30), new Decision.Warn(14, 10)),
				Arguments.of("skipping thresholds tells the most urgent once", NOW.plus(Duration.ofHours(20)),
						new Told(NOW.plus(Duration.ofHours(20)), 30), new Decision.Warn(1, 0)),
				Arguments.of("exactly at a threshold", NOW.plus(Duration.ofDays(7)),
						new Told(NOW.plus(Duration.ofDays(7)), 14), new Decision.Warn(7, 7)),
				Arguments.of("already told a closer one", EXPIRY_IN_20, new Told(EXPIRY_IN_20, 14),
						new Decision.Nothing()),
				Arguments.of("renewed beyond every threshold", NOW.plus(Duration.ofDays(90)),
						new Told(EXPIRY_IN_20, 30), new Decision.Clear()),
				Arguments.of("a new certificate that expires soon too", NOW.plus(Duration.ofDays(25)),
						new Told(NOW.plus(Duration.ofDays(5)), 7), new Decision.Warn(30, 25)),
				Arguments.of("expired", NOW.minus(Duration.ofDays(2)), new Told(NOW.minus(Duration.ofDays(2)), 7),
						new Decision.Warn(1, -2)));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("cases")
	void warnsOncePerThresholdAndEndsWhenRenewed(String name, Instant expiry, Told told, Decision expected) {
		assertThat(CertificateWarning.decide(THRESHOLDS, expiry, NOW, told)).isEqualTo(expected);
	}

}
