package io.pepper.admin.web;

import io.pepper.http.server.BodySizeLimit;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.unit.DataSize;

/**
 * The largest request bodies admin-app reads, under {@code pepper.admin.body-limit}; a
 * larger body, chunked or not, is answered 413 ({@link BodySizeLimit}).
 *
 * @param api every route but config import (API and UI alike)
 * @param config {@code POST /api/v1/config}, a whole organization's configuration
 */
@ConfigurationProperties("pepper.admin.body-limit")
public record BodyLimits(@DefaultValue("1MB") DataSize api, @DefaultValue("32MB") DataSize config) {

	public BodyLimits {
		requirePositive(api, "api");
		requirePositive(config, "config");
	}

	private static void requirePositive(DataSize size, String name) {
		if (size.toBytes() < 1) {
			throw new IllegalArgumentException(
					"pepper.admin.body-limit." + name + " must be at least 1B but was " + size);
		}
	}

	@Configuration(proxyBeanMethods = false)
	static class Filter {

		@Bean
		BodySizeLimit bodySizeLimit(BodyLimits limits) {
			return BodySizeLimit.of(limits.api()).route("/api/v1/config", limits.config());
		}

	}

}
