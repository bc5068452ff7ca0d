package io.pepper.receiver.metrics;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import io.micrometer.core.instrument.Tags;
import io.pepper.contracts.v1.EndpointAlerting;
import io.pepper.receiver.store.Bucket;
import io.pepper.receiver.store.LastCheck;
import io.pepper.receiver.store.Stats;
import org.jspecify.annotations.Nullable;

/**
 * Turns what the store says about the last day into the series served, one per endpoint,
 * location and gauge (and phase or window): a pure function, so the shell only queries
 * and registers.
 */
final class CheckGauges {

	private CheckGauges() {
	}

	/**
	 * The series of the endpoints known by the snapshot.
	 * @param endpoints the endpoints to serve, by id
	 * @param latest each endpoint's latest check per location within the last hour
	 * @param lastHour the raw buckets (one per check) of the last hour
	 * @param lastDay the hourly rollups of the last 24 hours
	 * @param phases whether per-phase series are served
	 */
	static List<CheckSeries> of(Map<UUID, EndpointAlerting> endpoints, Collection<LastCheck> latest,
			Collection<Bucket> lastHour, Collection<Bucket> lastDay, boolean phases) {
		Map<Key, Stats> hour = merge(lastHour);
		Map<Key, Stats> day = merge(lastDay);
		Map<Key, Bucket> latestRaw = new HashMap<>();
		for (Bucket bucket : lastHour) {
			latestRaw.merge(new Key(bucket.endpointId(), bucket.location()), bucket,
					(a, b) -> a.time().isAfter(b.time()) ? a : b);
		}
		List<CheckSeries> series = new ArrayList<>();
		List<LastCheck> ordered = latest.stream()
			.filter((check) -> endpoints.containsKey(check.endpointId()))
			.sorted(Comparator
				.comparing((LastCheck check) -> Objects.requireNonNull(endpoints.get(check.endpointId())).name())
				.thenComparing(LastCheck::endpointId)
				.thenComparing(LastCheck::location))
			.toList();
		for (LastCheck check : ordered) {
			EndpointAlerting endpoint = Objects.requireNonNull(endpoints.get(check.endpointId()));
			Key key = new Key(check.endpointId(), check.location());
			Tags tags = Tags.of("endpoint_id", endpoint.endpointId().toString(), "endpoint_name", endpoint.name(),
					"organization_id", endpoint.organizationId().toString(), "location", check.location());
			boolean up = check.outcome().isUp();
			series.add(new CheckSeries(CheckGauge.UP, tags, up ? 1 : 0));
			series.add(new CheckSeries(CheckGauge.TIMESTAMP, tags, check.scheduledAt().toEpochMilli() / 1000.0));
			if (check.status() != null) {
				series.add(new CheckSeries(CheckGauge.HTTP_STATUS, tags, check.status()));
			}
			if (check.tlsCertExpiresAt() != null) {
				series
					.add(new CheckSeries(CheckGauge.TLS_CERT_EXPIRY, tags, check.tlsCertExpiresAt().getEpochSecond()));
			}
			Bucket raw = latestRaw.get(key);
			if (up && raw != null && raw.time().equals(check.scheduledAt()) && raw.stats().up() > 0) {
				Stats stats = raw.stats();
				series.add(new CheckSeries(CheckGauge.DURATION, tags, seconds(stats.totalSum() / stats.up())));
				if (phases) {
					phase(series, tags, "dns", stats.dnsSum(), stats.dnsCount());
					phase(series, tags, "connect", stats.connectSum(), stats.connectCount());
					phase(series, tags, "tls", stats.tlsSum(), stats.tlsCount());
					phase(series, tags, "first_byte", stats.firstByteSum(), stats.firstByteCount());
				}
			}
			window(series, tags, "1h", hour.get(key), true);
			window(series, tags, "24h", day.get(key), false);
		}
		return series;
	}

	private static void phase(List<CheckSeries> series, Tags tags, String phase, double sumMs, long count) {
		if (count > 0) {
			series.add(new CheckSeries(CheckGauge.PHASE_DURATION, tags.and("phase", phase), seconds(sumMs / count)));
		}
	}

	private static void window(List<CheckSeries> series, Tags tags, String window, @Nullable Stats stats,
			boolean percentile) {
		if (stats == null) {
			return;
		}
		Tags windowed = tags.and("window", window);
		Double apdex = stats.apdex();
		if (apdex != null) {
			series.add(new CheckSeries(CheckGauge.APDEX, windowed, apdex));
		}
		Double p95 = percentile ? stats.percentileMs(95) : null;
		if (p95 != null) {
			series.add(new CheckSeries(CheckGauge.DURATION_P95, windowed, seconds(p95)));
		}
	}

	private static Map<Key, Stats> merge(Collection<Bucket> buckets) {
		Map<Key, Stats> merged = new HashMap<>();
		for (Bucket bucket : buckets) {
			merged.computeIfAbsent(new Key(bucket.endpointId(), bucket.location()), (key) -> new Stats())
				.add(bucket.stats());
		}
		return merged;
	}

	private static double seconds(double millis) {
		return millis / 1000.0;
	}

	private record Key(UUID endpoint, String location) {

	}

}
