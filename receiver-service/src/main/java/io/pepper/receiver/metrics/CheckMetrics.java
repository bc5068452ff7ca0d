package io.pepper.receiver.metrics;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.pepper.contracts.v1.AlertingSnapshot;
import io.pepper.contracts.v1.EndpointAlerting;
import io.pepper.http.SnapshotPoller;
import io.pepper.receiver.ReceiverProperties;
import io.pepper.receiver.store.Bucket;
import io.pepper.receiver.store.LastCheck;
import io.pepper.receiver.store.MetricQueries;
import io.pepper.receiver.store.Resolution;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.SmartLifecycle;

/**
 * Keeps the check gauges current: every refresh interval it asks the metric store about
 * the endpoints admin-app's alerting snapshot lists, a few hundred endpoints per query,
 * and replaces the served series. A store that does not answer leaves the last series in
 * place.
 */
public final class CheckMetrics implements SmartLifecycle {

	private static final Logger logger = LoggerFactory.getLogger(CheckMetrics.class);

	/**
	 * Endpoints per store query: one query per kind and chunk, never one per endpoint.
	 */
	static final int CHUNK = 500;

	private static final Duration HOUR = Duration.ofHours(1);

	private final MetricQueries store;

	private final @Nullable SnapshotPoller<AlertingSnapshot> snapshots;

	private final ReceiverProperties.Metrics settings;

	private final Clock clock;

	private final Map<CheckGauge, MultiGauge> gauges = new EnumMap<>(CheckGauge.class);

	private volatile @Nullable ScheduledExecutorService task;

	private volatile int served;

	CheckMetrics(MetricQueries store, @Nullable SnapshotPoller<AlertingSnapshot> snapshots,
			ReceiverProperties.Metrics settings, MeterRegistry registry, Clock clock) {
		this.store = store;
		this.snapshots = snapshots;
		this.settings = settings;
		this.clock = clock;
		for (CheckGauge gauge : CheckGauge.values()) {
			if (gauge == CheckGauge.PHASE_DURATION && !settings.phases()) {
				continue;
			}
			MultiGauge.Builder builder = MultiGauge.builder(gauge.meterName()).description(gauge.help());
			if (gauge.unit() != null) {
				builder.baseUnit(gauge.unit());
			}
			this.gauges.put(gauge, builder.register(registry));
		}
	}

	/** Fetches the snapshot and recomputes every series now. */
	public void refresh() {
		if (this.snapshots != null) {
			this.snapshots.refresh();
		}
		AlertingSnapshot snapshot = (this.snapshots != null) ? this.snapshots.current() : null;
		if (snapshot == null) {
			return;
		}
		Map<UUID, EndpointAlerting> endpoints = new HashMap<>();
		snapshot.endpoints().forEach((endpoint) -> endpoints.put(endpoint.endpointId(), endpoint));
		Instant now = this.clock.instant();
		Instant hourAgo = now.minus(HOUR);
		Instant dayAgo = now.minus(Duration.ofHours(24)).truncatedTo(ChronoUnit.HOURS);
		Instant end = now.plus(Duration.ofMinutes(1));
		List<UUID> ids = List.copyOf(endpoints.keySet());
		List<LastCheck> latest = new ArrayList<>();
		List<Bucket> lastHour = new ArrayList<>();
		List<Bucket> lastDay = new ArrayList<>();
		try {
			for (int from = 0; from < ids.size(); from += CHUNK) {
				List<UUID> chunk = ids.subList(from, Math.min(ids.size(), from + CHUNK));
				latest.addAll(this.store.lastChecks(chunk, hourAgo));
				lastHour.addAll(this.store.read(Resolution.RAW, chunk, null, hourAgo, end));
				lastDay.addAll(this.store.read(Resolution.HOURLY, chunk, null, dayAgo, end));
			}
		}
		catch (RuntimeException ex) {
			logger.warn("Check gauges not refreshed, the last ones stay: {}", ex.toString());
			return;
		}
		List<CheckSeries> series = CheckGauges.of(endpoints, latest, lastHour, lastDay, this.settings.phases());
		if (series.size() > this.settings.maxSeries()) {
			logger.warn("{} check series exceed pepper.receiver.metrics.max-series ({}); the rest are left out",
					series.size(), this.settings.maxSeries());
			series = series.subList(0, this.settings.maxSeries());
		}
		Map<CheckGauge, List<MultiGauge.Row<?>>> rows = new EnumMap<>(CheckGauge.class);
		this.gauges.keySet().forEach((gauge) -> rows.put(gauge, new ArrayList<>()));
		for (CheckSeries one : series) {
			List<MultiGauge.Row<?>> gaugeRows = rows.get(one.gauge());
			if (gaugeRows != null) {
				double value = one.value();
				gaugeRows.add(MultiGauge.Row.of(one.tags(), () -> value));
			}
		}
		rows.forEach((gauge, list) -> Objects.requireNonNull(this.gauges.get(gauge)).register(list, true));
		this.served = series.size();
	}

	/** How many series the last refresh served. */
	public int served() {
		return this.served;
	}

	private void refreshQuietly() {
		try {
			refresh();
		}
		catch (RuntimeException ex) {
			logger.warn("Check gauges not refreshed: {}", ex.toString());
		}
	}

	@Override
	public void start() {
		ScheduledExecutorService executor = Executors
			.newSingleThreadScheduledExecutor(Thread.ofVirtual().name("check-gauges").factory());
		long delay = this.settings.refresh().toMillis();
		executor.scheduleWithFixedDelay(this::refreshQuietly, 0, delay, TimeUnit.MILLISECONDS);
		this.task = executor;
	}

	@Override
	public void stop() {
		ScheduledExecutorService running = this.task;
		if (running != null) {
			running.shutdownNow();
		}
		this.task = null;
	}

	@Override
	public boolean isRunning() {
		return this.task != null;
	}

}
