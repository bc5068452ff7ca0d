package io.pepper.failure.web;

import io.pepper.http.server.BodySizeLimit;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.unit.DataSize;

/**
 * The largest request body failure-service reads, under
 * {@code pepper.failure.body-limit}; a larger body, chunked or not, is answered 413
 * ({@link BodySizeLimit}).
 *
 * @param max every route; a full failure batch ({@code FailureBatch.MAX_FAILURES}
 * reports) stays well below the default
 */
@ConfigurationProperties("pepper.failure.body-limit")
public record BodyLimit(@DefaultValue("8MB") DataSize max) {

	public BodyLimit {
		if (max.toBytes() < 1) {
			throw new IllegalArgumentException("pepper.failure.body-limit.max must be at least 1B but was " + max);
		}
	}

	@Configuration(proxyBeanMethods = false)
	static class Filter {

		@Bean
		BodySizeLimit bodySizeLimit(BodyLimit limit) {
			return BodySizeLimit.of(limit.max());
		}

	}

}
