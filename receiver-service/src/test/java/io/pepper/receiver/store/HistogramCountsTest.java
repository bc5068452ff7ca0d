package io.pepper.receiver.store;

import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.Random;

import io.pepper.contracts.v1.ApdexClass;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Reading stored histograms back without the library's full decode, and the cache of
 * decoded histograms keyed by their bytes.
 */
class HistogramCountsTest {

	@Test
	void decodesEveryStoredHistogramToTheSameCountsAsTheLibrary() throws Exception {
		Random random = new Random(3);
		for (int round = 0; round < 300; round++) {
			Stats stats = new Stats();
			int checks = 1 + random.nextInt((round % 3 == 0) ? 1440 : 60);
			double scale = Math.exp(random.nextInt(12));
			for (int i = 0; i < checks; i++) {
				double total = (round % 7 == 0) ? random.nextInt(3) : scale * Math.exp(random.nextGaussian());
				stats.add(Stats.ofCheck(Instant.EPOCH.plusSeconds(i), true, ApdexClass.SATISFIED, 500, total, null,
						null, null, null));
			}
			byte[] encoded = stats.encodedHistogram();
			Histogram expected = Histogram.decodeFromCompressedByteBuffer(ByteBuffer.wrap(encoded), 0);

			HistogramCounts counts = HistogramCounts.decode(encoded);

			assertThat(counts).isNotNull();
			Histogram recorded = new Histogram(Stats.SIGNIFICANT_DIGITS);
			recorded.setAutoResize(true);
			counts.recordInto(recorded);
			assertThat(counts.totalCount()).isEqualTo(checks);
			assertThat(recorded.getTotalCount()).isEqualTo(expected.getTotalCount());
			for (double percentile : new double[] { 0, 1, 50, 90, 95, 99, 99.9, 100 }) {
				assertThat(recorded.getValueAtPercentile(percentile)).as("p%s of round %d", percentile, round)
					.isEqualTo(expected.getValueAtPercentile(percentile));
			}
			assertThat(recorded.getMaxValue()).isEqualTo(expected.getMaxValue());
			assertThat(recorded.getMinValue()).isEqualTo(expected.getMinValue());
			assertThat(recorded.getMean()).isEqualTo(expected.getMean());
		}
	}

	@Test
	void answersAnotherEncodingWithNullSoTheLibraryReadsIt() {
		assertThat(HistogramCounts.decode(new byte[] { 1, 2, 3, 4, 5, 6, 7, 8, 9 })).isNull();
	}

	@Test
	void mergesRollupsReadBackExactlyLikeTheirChecks() {
		Random random = new Random(5);
		Stats fromChecks = new Stats();
		Stats fromRollups = new Stats();
		for (int hour = 0; hour < 24; hour++) {
			Stats rollup = new Stats();
			for (int minute = 0; minute < 60; minute++) {
				Stats check = Stats.ofCheck(Instant.EPOCH.plusSeconds(3600L * hour + 60L * minute), true,
						ApdexClass.SATISFIED, 500, Math.exp(5 + random.nextGaussian()), 1.0, 2.0, 3.0, 4.0);
				rollup.add(check);
				fromChecks.add(check);
			}
			fromRollups.add(readBack(rollup));
		}

		assertThat(fromRollups.encodedHistogram()).isEqualTo(fromChecks.encodedHistogram());
		for (double percentile : new double[] { 50, 95, 99 }) {
			assertThat(fromRollups.percentileMs(percentile)).isEqualTo(fromChecks.percentileMs(percentile));
		}
	}

	@Test
	void neverAnswersAChangedRollupFromTheCache() {
		DecodedHistograms cache = new DecodedHistograms(DecodedHistograms.DEFAULT_WEIGHT_LIMIT);
		Stats hour = new Stats();
		hour.add(Stats.ofCheck(Instant.EPOCH, true, ApdexClass.SATISFIED, 500, 100, null, null, null, null));
		byte[] before = hour.encodedHistogram();
		HistogramCounts first = cache.decode(before);
		assertThat(cache.decode(before.clone())).as("the same bytes read again").isSameAs(first);

		// A late check lands in the closed hour: its rollup has other bytes.
		hour.add(Stats.ofCheck(Instant.EPOCH.plusSeconds(60), true, ApdexClass.SATISFIED, 500, 900, null, null, null,
				null));
		HistogramCounts after = cache.decode(hour.encodedHistogram());

		assertThat(after).isNotSameAs(first);
		assertThat(after.totalCount()).isEqualTo(2);
		assertThat(cache.hitsAndMisses()).containsExactly(1, 2);
	}

	@Test
	void dropsTheLeastRecentlyUsedEntriesBeyondItsWeight() {
		DecodedHistograms cache = new DecodedHistograms(4_000);
		for (int i = 0; i < 100; i++) {
			Stats stats = Stats.ofCheck(Instant.EPOCH, true, ApdexClass.SATISFIED, 500, 10 + i, null, null, null, null);
			cache.decode(new Stats().add(stats).encodedHistogram());
		}

		assertThat(cache.size()).isBetween(1, 30);
	}

	private static Stats readBack(Stats stats) {
		return Stats.ofRollup(stats.checks(), stats.up(), stats.satisfied(), stats.tolerating(), stats.frustrated(),
				stats.totalSum(), stats.dnsSum(), stats.dnsCount(), stats.connectSum(), stats.connectCount(),
				stats.tlsSum(), stats.tlsCount(), stats.firstByteSum(), stats.firstByteCount(),
				stats.apdexThresholdMs(), stats.latestAtMs(), stats.encodedHistogram());
	}

}
