package io.pepper.receiver.trend;

import java.util.List;

import io.pepper.contracts.v1.CheckResult;
import io.pepper.receiver.store.MetricStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The metric store as the results worker sees it: after the store confirmed a write, the
 * checks go to the trend detector. A detector failure is logged and never fails the
 * write, so trends cannot hold up ingestion.
 */
public final class TrendObservingStore implements MetricStore {

	private static final Logger log = LoggerFactory.getLogger(TrendObservingStore.class);

	private final MetricStore store;

	private final TrendWatcher watcher;

	public TrendObservingStore(MetricStore store, TrendWatcher watcher) {
		this.store = store;
		this.watcher = watcher;
	}

	@Override
	public void prepare() {
		this.store.prepare();
	}

	@Override
	public void write(List<CheckResult> results) {
		this.store.write(results);
		try {
			this.watcher.observe(results);
		}
		catch (RuntimeException ex) {
			log.warn("Trend detection skipped {} results: {}", results.size(), ex.getMessage());
		}
	}

}
