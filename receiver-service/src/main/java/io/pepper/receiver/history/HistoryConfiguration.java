package io.pepper.receiver.history;

import java.time.Clock;

import io.pepper.receiver.store.MetricQueries;

import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The history API over whichever metric store is configured. */
@Configuration(proxyBeanMethods = false)
class HistoryConfiguration {

	@Bean
	@ConditionalOnMissingBean
	Clock clock() {
		return Clock.systemUTC();
	}

	@Bean
	HistoryService historyService(MetricQueries store, Clock clock) {
		return new HistoryService(store, clock);
	}

}
