package io.pepper.http;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class BackoffTest {

	private final Backoff backoff = Backoff.exponential(Duration.ofMillis(100), Duration.ofSeconds(1));

	@Test
	void doublesPerFailureUpToTheLongestWait() {
		assertThat(this.backoff.after(0)).isEqualTo(Duration.ofMillis(100));
		assertThat(this.backoff.after(1)).isEqualTo(Duration.ofMillis(100));
		assertThat(this.backoff.after(2)).isEqualTo(Duration.ofMillis(200));
		assertThat(this.backoff.after(4)).isEqualTo(Duration.ofMillis(800));
		assertThat(this.backoff.after(5)).isEqualTo(Duration.ofSeconds(1));
		assertThat(this.backoff.after(Integer.MAX_VALUE)).isEqualTo(Duration.ofSeconds(1));
	}

	@Test
	void spreadsJitteredWaitsOverTheirUpperHalf() {
		Backoff jittered = this.backoff.withJitter();
		for (int i = 0; i < 1_000; i++) {
			assertThat(jittered.after(3)).isBetween(Duration.ofMillis(200), Duration.ofMillis(400));
			assertThat(jittered.after(30)).isBetween(Duration.ofMillis(500), Duration.ofSeconds(1));
		}
		assertThat(java.util.stream.IntStream.range(0, 100).mapToObj((i) -> jittered.after(3)).distinct().count())
			.isGreaterThan(10);
	}

	@Test
	void refusesWaitsThatMakeNoSense() {
		assertThatIllegalArgumentException().isThrownBy(() -> Backoff.exponential(Duration.ZERO, Duration.ofSeconds(1)))
			.withMessageContaining("must be positive");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> Backoff.exponential(Duration.ofSeconds(2), Duration.ofSeconds(1)))
			.withMessageContaining("must not be shorter than the first");
	}

}
