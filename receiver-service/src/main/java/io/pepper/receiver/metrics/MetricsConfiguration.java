package io.pepper.receiver.metrics;

import java.time.Clock;

import io.micrometer.core.instrument.MeterRegistry;
import io.pepper.contracts.v1.AlertingSnapshot;
import io.pepper.http.ServiceClient;
import io.pepper.http.SnapshotPoller;
import io.pepper.http.server.ScrapeProperties;
import io.pepper.http.server.ScrapeTokenFilter;
import io.pepper.receiver.ReceiverProperties;
import io.pepper.receiver.store.MetricQueries;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * {@code /actuator/prometheus} behind the scrape token, and the check gauges served
 * there.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ScrapeProperties.class)
class MetricsConfiguration {

	@Bean
	FilterRegistrationBean<ScrapeTokenFilter> scrapeTokenFilter(ScrapeProperties properties) {
		return ScrapeTokenFilter.registration(properties, "/actuator/prometheus");
	}

	@Bean
	@ConditionalOnProperty(name = "pepper.receiver.metrics.enabled", havingValue = "true", matchIfMissing = true)
	CheckMetrics checkMetrics(MetricQueries store, ReceiverProperties properties, MeterRegistry registry, Clock clock) {
		// Its own poller of the snapshot trend detection reads too: the two may be turned
		// off apart, and an unchanged snapshot costs a 304.
		SnapshotPoller<AlertingSnapshot> snapshots = (properties.adminUrl() != null) ? new SnapshotPoller<>(
				ServiceClient.builder("admin-app", properties.adminUrl()).token(properties.adminToken()).build(),
				"the alerting snapshot", AlertingSnapshot.class, AlertingSnapshot.PATH) : null;
		return new CheckMetrics(store, snapshots, properties.metrics(), registry, clock);
	}

}
