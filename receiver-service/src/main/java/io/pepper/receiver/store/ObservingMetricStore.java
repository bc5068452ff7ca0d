package io.pepper.receiver.store;

import java.util.List;

import io.pepper.contracts.v1.CheckResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The metric store as the results worker sees it: after the store confirmed a write, the
 * checks go to every observer. An observer's failure is logged and never fails the write
 * or stops the others, so no observer can hold up ingestion.
 */
public final class ObservingMetricStore implements MetricStore {

	private static final Logger log = LoggerFactory.getLogger(ObservingMetricStore.class);

	private final MetricStore store;

	private final List<StoreObserver> observers;

	public ObservingMetricStore(MetricStore store, List<StoreObserver> observers) {
		this.store = store;
		this.observers = List.copyOf(observers);
	}

	@Override
	public void prepare() {
		this.store.prepare();
	}

	@Override
	public void write(List<CheckResult> results) {
		this.store.write(results);
		for (StoreObserver observer : this.observers) {
			try {
				observer.stored(results);
			}
			catch (RuntimeException ex) {
				log.warn("{} skipped {} stored results: {}", observer.getClass().getSimpleName(), results.size(),
						ex.getMessage());
			}
		}
	}

}
