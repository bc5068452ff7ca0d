package io.pepper.receiver.store.influx;

import io.pepper.receiver.ReceiverProperties;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Makes InfluxDB the metric store, unless another is selected. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "pepper.receiver.store", havingValue = "influx", matchIfMissing = true)
class InfluxStoreConfiguration {

	@Bean
	InfluxMetricStore influxMetricStore(ReceiverProperties properties) {
		InfluxMetricStore store = new InfluxMetricStore(properties.influx(), properties.retention());
		store.rollupGrace(properties.rollups().grace());
		store.rollupCache(properties.rollups().cacheBuckets());
		return store;
	}

}
