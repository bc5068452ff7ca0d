package io.pepper.receiver.trend;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The trend study (see {@link TrendStudy}): false alarms per endpoint per 90 days on the
 * stable families, delays on changes, this detector beside the one before and a
 * calibrated oracle, all measured in this run. Sizes: {@code -Dtrend.runs=1000}
 * endpoint-90-day runs per stable family and {@code -Dtrend.seeds=200} per change. Run
 * with {@code ./scripts/bench/trend}.
 */
@Tag("benchmark")
class TrendStudyBenchmark {

	@Test
	void printsFalseAlarmsAndDelaysAgainstTheDetectorBeforeAndTheOracle() {
		int runs = Integer.getInteger("trend.runs", 1000);
		int seeds = Integer.getInteger("trend.seeds", 200);
		ByteArrayOutputStream buffer = new ByteArrayOutputStream();
		PrintStream out = new PrintStream(buffer, true, StandardCharsets.UTF_8);
		TrendStudy.print(runs, seeds, out);
		String table = buffer.toString(StandardCharsets.UTF_8);
		System.out.print(table);
		assertThat(table).contains("False alarms per endpoint per 90 days").contains("Slow drift");
	}

}
