package io.pepper.receiver.store.influx;

import io.pepper.receiver.ReceiverProperties;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Makes InfluxDB the metric store. */
@Configuration(proxyBeanMethods = false)
class InfluxStoreConfiguration {

	@Bean
	InfluxMetricStore influxMetricStore(ReceiverProperties properties) {
		return new InfluxMetricStore(properties.influx());
	}

}
