package io.pepper.receiver.trend;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import io.pepper.contracts.v1.TrendEvent;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The detector's pieces on short seeded series, fast enough for every build. The full
 * study (1,000 endpoint-90-day runs per family) is TrendStudyBenchmark.
 */
class TrendDetectorTest {

	private static final int T_95 = TrendSeries.thresholdFor(0.95);

	private static final long DAY = 86_400_000L;

	/**
	 * The first day is the warm-up and the first week settles; the change comes after.
	 */
	private static final long CHANGE = TrendSeries.MONDAY + 8 * DAY + 10 * 3_600_000L;

	@Test
	void reportsAStepFrom95To85SoonAtHighWithItsEvidence() {
		Run run = new Run(TrendSeries.CONSTANT, 1, TrendParameters.HIGH, T_95);
		run.until(CHANGE);
		run.generator.shift = TrendSeries.shiftFor(0.95, 0.85);
		TrendDetector.Decision degraded = run.untilDecision(CHANGE + DAY);

		assertThat(run.decisions).singleElement().isSameAs(degraded);
		assertThat(degraded.kind()).isEqualTo(TrendEvent.Kind.DEGRADED);
		assertThat(minutesAfter(CHANGE, degraded.at())).isBetween(20L, 40L);
		assertThat(degraded.since()).isBetween(Instant.ofEpochMilli(CHANGE - 10 * 60_000),
				Instant.ofEpochMilli(CHANGE + 5 * 60_000));
		assertThat(degraded.apdexBefore()).isBetween(0.93, 0.97);
		assertThat(degraded.apdexAfter()).isBetween(0.80, 0.89);
		assertThat(degraded.p95AfterMs()).isGreaterThan(degraded.p95BeforeMs() * 23 / 20);
		assertThat(degraded.locations()).containsExactly("ap-south", "eu-west", "us-east");
		assertThat(degraded.locationsChecked()).isEqualTo(3);
	}

	@Test
	void namesTheOneLocationThatGotSlower() {
		Run run = new Run(TrendSeries.CONSTANT, 2, TrendParameters.MEDIUM, T_95);
		run.until(CHANGE);
		run.slowerAt = "us-east";
		run.extraShift = 2 * TrendSeries.shiftFor(0.95, 0.85);
		TrendDetector.Decision degraded = run.untilDecision(CHANGE + DAY);

		assertThat(degraded).isNotNull();
		assertThat(degraded.locations()).containsExactly("us-east");
	}

	@Test
	void neverReportsADropShorterThanTheMinimumDurationNorADailyBlip() {
		for (TrendParameters parameters : List.of(TrendParameters.LOW, TrendParameters.MEDIUM, TrendParameters.HIGH)) {
			Run run = new Run(TrendSeries.CONSTANT, 3, parameters, T_95);
			run.until(CHANGE);
			// Down from every location for 10 minutes less than the minimum duration.
			run.generator.down = true;
			run.until(CHANGE + parameters.minimumDuration().toMillis() - 10 * 60_000);
			run.generator.down = false;
			run.until(CHANGE + DAY);

			assertThat(run.decisions).as("decisions at " + parameters).isEmpty();
		}
	}

	@Test
	void highIsNeverSlowerThanMediumNorMediumThanLow() {
		for (long seed = 10; seed < 14; seed++) {
			long previous = 0;
			for (TrendParameters parameters : List.of(TrendParameters.HIGH, TrendParameters.MEDIUM,
					TrendParameters.LOW)) {
				Run run = new Run(TrendSeries.CONSTANT, seed, parameters, TrendSeries.thresholdFor(0.98));
				run.until(CHANGE);
				run.generator.shift = TrendSeries.shiftFor(0.98, 0.95);
				TrendDetector.Decision degraded = run.untilDecision(CHANGE + DAY);
				assertThat(degraded).as("seed " + seed + " at " + parameters).isNotNull();
				long delay = degraded.at().toEpochMilli() - CHANGE;
				assertThat(delay).as("seed " + seed + " at " + parameters).isGreaterThanOrEqualTo(previous);
				previous = delay;
			}
		}
	}

	@Test
	void aThresholdChangeWhileDegradedReclassifiesWithoutARecovery() {
		Run run = new Run(TrendSeries.CONSTANT, 4, TrendParameters.MEDIUM, T_95);
		run.until(CHANGE);
		run.generator.shift = TrendSeries.shiftFor(0.95, 0.85);
		TrendDetector.Decision degraded = run.untilDecision(CHANGE + DAY);
		long observed = run.state.observed;
		run.thresholdMs = 2 * T_95;
		run.until(CHANGE + DAY);

		assertThat(degraded).isNotNull();
		assertThat(run.decisions).singleElement().isSameAs(degraded);
		assertThat(run.state.degraded).isTrue();
		assertThat(run.state.observed).isGreaterThan(observed);
		assertThat(run.state.thresholdMs).isEqualTo(2 * T_95);
		// The baseline's Apdex is now for the new T: higher.
		assertThat(TrendDetector.baseline(run.state, CHANGE + DAY).apdex()).isGreaterThan(degraded.apdexBefore());

		run.generator.shift = 0;
		TrendDetector.Decision recovered = run.untilDecision(CHANGE + 2 * DAY);
		assertThat(recovered.kind()).isEqualTo(TrendEvent.Kind.RECOVERED);
		assertThat(minutesAfter(CHANGE + DAY, recovered.at())).isLessThan(120);
	}

	@Test
	void reportsADropBelowThePriorOnTheFirstDay() {
		Run run = new Run(TrendSeries.CONSTANT, 5, TrendParameters.MEDIUM, T_95);
		long drop = TrendSeries.MONDAY + 6 * 3_600_000L;
		run.until(drop);
		run.generator.shift = TrendSeries.shiftFor(0.95, 0.60);
		TrendDetector.Decision degraded = run.untilDecision(drop + DAY);

		assertThat(degraded).isNotNull();
		assertThat(minutesAfter(drop, degraded.at())).isLessThan(60);
	}

	@Test
	void learnsADailyPatternInsteadOfReportingItEveryDay() {
		Run run = new Run(new TrendSeries(0.4, 0, 0, 0, 0, 0), 6, TrendParameters.HIGH, T_95);
		run.until(TrendSeries.MONDAY + 21 * DAY);

		assertThat(run.decisions.stream().filter((d) -> d.kind() == TrendEvent.Kind.DEGRADED)).hasSizeLessThan(2);
	}

	@Test
	void observeLeavesTheGivenStateAloneAndCountsACheckOnce() {
		TrendState state = TrendState.initial(T_95);
		TrendDetector.Check check = new TrendDetector.Check("eu-west", Instant.ofEpochMilli(TrendSeries.MONDAY), 180,
				true, T_95);

		TrendDetector.Step first = TrendDetector.observe(state, check, TrendParameters.MEDIUM);
		TrendDetector.Step again = TrendDetector.observe(first.state(), check, TrendParameters.MEDIUM);
		TrendDetector.Check late = new TrendDetector.Check("eu-west", Instant.ofEpochMilli(TrendSeries.MONDAY - 60_000),
				0, false, T_95);
		TrendDetector.Step afterLate = TrendDetector.observe(again.state(), late, TrendParameters.MEDIUM);

		assertThat(state.observed).isZero();
		assertThat(state.locations).isEmpty();
		assertThat(first.state().observed).isEqualTo(1);
		assertThat(again.state().observed).isEqualTo(1);
		assertThat(afterLate.state().observed).as("a late failed check still counts").isEqualTo(2);
	}

	@Test
	void scoresByQuantileSoAFailedCheckWeighsMost() {
		LocationBaseline location = new LocationBaseline();
		location.level = Math.log(200);
		location.answered = 100;
		long at = TrendSeries.MONDAY;
		double median = TrendDetector.score(location, new TrendDetector.Check("x", Instant.EPOCH, 200, true, 300), at);
		double slow = TrendDetector.score(location, new TrendDetector.Check("x", Instant.EPOCH, 600, true, 300), at);
		double failed = TrendDetector.score(location, new TrendDetector.Check("x", Instant.EPOCH, 0, false, 300), at);

		assertThat(median).isBetween(-0.1, 0.1);
		assertThat(slow).isBetween(1.5, 2.6);
		assertThat(failed).isGreaterThan(slow).isLessThanOrEqualTo(TrendDetector.MAX_SCORE);
		assertThat(TrendDetector.inverseNormal(0.975)).isBetween(1.9599, 1.9600);
	}

	private static long minutesAfter(long start, Instant at) {
		return (at.toEpochMilli() - start) / 60_000;
	}

	/** One simulated endpoint fed to the detector. */
	static final class Run {

		final TrendSeries.Generator generator;

		final TrendParameters parameters;

		final List<TrendDetector.Decision> decisions = new ArrayList<>();

		TrendState state;

		int thresholdMs;

		String slowerAt = "";

		double extraShift;

		private boolean pending;

		Run(TrendSeries series, long seed, TrendParameters parameters, int thresholdMs) {
			this.generator = series.generator(seed, TrendSeries.MONDAY);
			this.parameters = parameters;
			this.thresholdMs = thresholdMs;
			this.state = TrendState.initial(thresholdMs);
		}

		void until(long end) {
			untilDecision(end, false);
		}

		TrendDetector.Decision untilDecision(long end) {
			return untilDecision(end, true);
		}

		private TrendDetector.Decision untilDecision(long end, boolean stop) {
			while (true) {
				if (!this.pending) {
					this.generator.next();
				}
				this.pending = this.generator.at >= end;
				if (this.pending) {
					return null;
				}
				if (this.generator.where.equals(this.slowerAt)) {
					this.generator.totalMs *= Math.exp(this.extraShift);
				}
				TrendDetector.Decision decision = TrendDetector.apply(this.state,
						this.generator.check(this.thresholdMs), this.parameters);
				if (decision != null) {
					this.decisions.add(decision);
					if (stop) {
						return decision;
					}
				}
			}
		}

	}

}
