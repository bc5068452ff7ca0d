package io.pepper.probe;

import io.pepper.http.server.ScrapeProperties;
import io.pepper.http.server.ScrapeTokenFilter;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** {@code /actuator/prometheus} answers only a scrape token ({@code pepper.metrics}). */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ScrapeProperties.class)
class ScrapeSecurity {

	@Bean
	FilterRegistrationBean<ScrapeTokenFilter> scrapeTokenFilter(ScrapeProperties properties) {
		return ScrapeTokenFilter.registration(properties, "/actuator/prometheus");
	}

}
