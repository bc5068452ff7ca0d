package io.pepper.receiver.store;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;

/**
 * The store observers, between the results worker and the metric store: the worker gets
 * the observing store (primary), history reads go to the adapter directly.
 */
@Configuration(proxyBeanMethods = false)
class ObservedStoreConfiguration {

	@Bean
	@Primary
	ObservingMetricStore observingMetricStore(MetricQueries adapter, ObjectProvider<StoreObserver> observers) {
		return new ObservingMetricStore((MetricStore) adapter, observers.orderedStream().toList());
	}

}
