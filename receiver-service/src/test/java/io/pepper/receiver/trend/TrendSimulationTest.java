package io.pepper.receiver.trend;

import java.util.Arrays;
import java.util.List;
import java.util.Random;

import io.pepper.contracts.v1.TrendEvent;
import io.pepper.contracts.v1.TrendSensitivity;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Measures the detector on seeded synthetic series, one check a minute: how many checks
 * it takes to report a drop, and how many drops it reports on a stable series per
 * endpoint-month (43,200 checks). Deterministic: the same seeds give the same figures.
 */
class TrendSimulationTest {

	private static final int MONTH = 43_200;

	/** When the degraded series of the recovery scenario is back to normal. */
	private static final int RECOVERY = Cusum.WARM_UP + 1_440 + 3_000;

	private static final int SEEDS = 20;

	/**
	 * Before a change the detector learnt its baseline and saw a day of stable checks.
	 */
	private static final int BEFORE_CHANGE = Cusum.WARM_UP + 1_440;

	/** Apdex 0.95: 92% satisfied, 6% tolerating, 2% frustrated. */
	private static final Mix APDEX_95 = new Mix(0.92, 0.06);

	/** Apdex 0.85: 78% satisfied, 14% tolerating, 8% frustrated. */
	private static final Mix APDEX_85 = new Mix(0.78, 0.14);

	/** 2% of checks not satisfied (1.5% tolerating, 0.5% frustrated): Apdex 0.9875. */
	private static final Mix NOT_SATISFIED_2 = new Mix(0.98, 0.015);

	/** Doubled: 4% not satisfied (3% tolerating, 1% frustrated): Apdex 0.975. */
	private static final Mix NOT_SATISFIED_4 = new Mix(0.96, 0.03);

	@Test
	void detectsSmallSustainedDropsWithFewFalseAlarms() {
		java.util.Map<TrendSensitivity, double[]> figures = new java.util.EnumMap<>(TrendSensitivity.class);
		System.out.println();
		System.out.println("Apdex trend detector, " + SEEDS + " seeded series per figure, 1 check/min");
		System.out.printf("%-11s %-26s %-26s %-22s %-22s%n", "sensitivity", "delay 0.95->0.85 (checks)",
				"delay 2%->4% (checks)", "false alarms/month @.95", "false alarms/month @2%");
		for (TrendSensitivity sensitivity : List.of(TrendSensitivity.LOW, TrendSensitivity.MEDIUM,
				TrendSensitivity.HIGH)) {
			TrendParameters parameters = TrendParameters.of(sensitivity);
			Delays big = delays(parameters, APDEX_95, APDEX_85);
			Delays small = delays(parameters, NOT_SATISFIED_2, NOT_SATISFIED_4);
			double falseAt95 = falseAlarmsPerMonth(parameters, APDEX_95);
			double falseAt2 = falseAlarmsPerMonth(parameters, NOT_SATISFIED_2);
			System.out.printf("%-11s %-26s %-26s %-22.2f %-22.2f%n", sensitivity, big, small, falseAt95, falseAt2);
			figures.put(sensitivity,
					new double[] { big.median(), big.missed(), small.median(), small.missed(), falseAt95, falseAt2 });
		}
		double[] medium = figures.get(TrendSensitivity.MEDIUM);
		assertThat(medium[0]).as("median delay 0.95 -> 0.85").isLessThan(300);
		assertThat(medium[1]).as("missed 0.95 -> 0.85").isZero();
		assertThat(medium[2]).as("median delay 2% -> 4%").isLessThan(6_000);
		assertThat(medium[3]).as("missed 2% -> 4%").isZero();
		assertThat(medium[4]).as("false alarms per month at 0.95").isLessThan(0.5);
		assertThat(medium[5]).as("false alarms per month at 2%").isLessThan(0.5);
		double[] high = figures.get(TrendSensitivity.HIGH);
		assertThat(high[2]).as("HIGH detects 2% -> 4% sooner").isLessThan(medium[2]);
	}

	@Test
	void reportsTheRecoveryOnceTheScoreIsBack() {
		Random random = new Random(42);
		TrendState state = TrendState.initial(500);
		int degradedAt = -1;
		int recoveredAt = -1;
		for (int check = 0; check < RECOVERY + 20_000 && recoveredAt < 0; check++) {
			Mix mix = (check < BEFORE_CHANGE || check >= RECOVERY) ? APDEX_95 : APDEX_85;
			Cusum.Step step = Cusum.observe(state, mix.score(random), TrendParameters.MEDIUM);
			state = step.state();
			if (step.transition() == TrendEvent.Kind.DEGRADED) {
				degradedAt = check;
			}
			if (step.transition() == TrendEvent.Kind.RECOVERED) {
				recoveredAt = check;
			}
		}
		System.out.println("Recovery 0.85 -> 0.95 (MEDIUM): degraded after " + (degradedAt - BEFORE_CHANGE)
				+ " checks, recovered " + (recoveredAt - RECOVERY) + " checks after the score came back");
		assertThat(degradedAt).isBetween(BEFORE_CHANGE, RECOVERY);
		assertThat(recoveredAt).isBetween(RECOVERY, RECOVERY + 2_000);
	}

	@Test
	void neverReportsDuringWarmUpOrWhenOff() {
		Random random = new Random(1);
		TrendState state = TrendState.initial(500);
		for (int check = 0; check < Cusum.WARM_UP; check++) {
			Cusum.Step step = Cusum.observe(state, 0, TrendParameters.HIGH);
			assertThat(step.transition()).isNull();
			state = step.state();
		}
		assertThat(TrendParameters.of(TrendSensitivity.OFF)).isNull();
		assertThat(random).isNotNull();
	}

	private static Delays delays(TrendParameters parameters, Mix before, Mix after) {
		int[] delays = new int[SEEDS];
		int missed = 0;
		for (int seed = 0; seed < SEEDS; seed++) {
			Random random = new Random(1_000 + seed);
			TrendState state = TrendState.initial(500);
			delays[seed] = Integer.MAX_VALUE;
			for (int check = 0; check < BEFORE_CHANGE + 4 * MONTH; check++) {
				Cusum.Step step = Cusum.observe(state, ((check < BEFORE_CHANGE) ? before : after).score(random),
						parameters);
				state = step.state();
				if (step.transition() == TrendEvent.Kind.DEGRADED) {
					if (check >= BEFORE_CHANGE) {
						delays[seed] = check - BEFORE_CHANGE + 1;
						break;
					}
					// A false alarm before the change: start over from a fresh detector.
					state = TrendState.initial(500);
				}
			}
			if (delays[seed] == Integer.MAX_VALUE) {
				missed++;
			}
		}
		Arrays.sort(delays);
		return new Delays(delays[SEEDS / 2], delays[(int) (SEEDS * 0.9)], missed);
	}

	private static double falseAlarmsPerMonth(TrendParameters parameters, Mix stable) {
		long alarms = 0;
		for (int seed = 0; seed < SEEDS; seed++) {
			Random random = new Random(2_000 + seed);
			TrendState state = TrendState.initial(500);
			for (int check = 0; check < MONTH; check++) {
				Cusum.Step step = Cusum.observe(state, stable.score(random), parameters);
				state = step.state();
				if (step.transition() == TrendEvent.Kind.DEGRADED) {
					alarms++;
				}
			}
		}
		return (double) alarms / SEEDS;
	}

	/** Shares of satisfied and tolerating checks; the rest are frustrated. */
	private record Mix(double satisfied, double tolerating) {

		double score(Random random) {
			double draw = random.nextDouble();
			return (draw < this.satisfied) ? 1 : (draw < this.satisfied + this.tolerating) ? 0.5 : 0;
		}

	}

	private record Delays(int median, int p90, int missed) {

		@Override
		public String toString() {
			return "median " + this.median + ", p90 " + ((this.p90 == Integer.MAX_VALUE) ? "-" : this.p90)
					+ ((this.missed > 0) ? ", missed " + this.missed : "");
		}

	}

}
