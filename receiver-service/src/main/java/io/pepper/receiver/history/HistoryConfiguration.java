package io.pepper.receiver.history;

import java.time.Clock;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import io.pepper.receiver.store.DecodedHistograms;
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
	HistoryService historyService(MetricQueries store, Clock clock, MeterRegistry registry) {
		DecodedHistograms histograms = DecodedHistograms.shared();
		FunctionCounter.builder("pepper.receiver.history.histograms", histograms, (h) -> h.hitsAndMisses()[0])
			.tag("from", "cache")
			.description("Stored rollup histograms read back, answered from the decoded histogram cache")
			.register(registry);
		FunctionCounter.builder("pepper.receiver.history.histograms", histograms, (h) -> h.hitsAndMisses()[1])
			.tag("from", "decoding")
			.description("Stored rollup histograms read back and decoded")
			.register(registry);
		return new HistoryService(store, clock);
	}

}
