package io.pepper.probe.round;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class SlotsTest {

	@ParameterizedTest
	@CsvSource(delimiter = '|', textBlock = """
			2026-01-01T12:00:00Z     | PT60S | 2026-01-01T12:00:00Z | 2026-01-01T12:01:00Z
			2026-01-01T12:00:59.999Z | PT60S | 2026-01-01T12:00:00Z | 2026-01-01T12:01:00Z
			2026-01-01T12:07:30Z     | PT5M  | 2026-01-01T12:05:00Z | 2026-01-01T12:10:00Z
			2026-01-01T12:00:00.5Z   | PT1S  | 2026-01-01T12:00:00Z | 2026-01-01T12:00:01Z
			""")
	void alignsRoundsToMultiplesOfTheIntervalSinceTheEpoch(Instant now, Duration interval, Instant current,
			Instant next) {
		assertThat(Slots.current(now, interval)).isEqualTo(current);
		assertThat(Slots.next(now, interval)).isEqualTo(next);
	}

}
