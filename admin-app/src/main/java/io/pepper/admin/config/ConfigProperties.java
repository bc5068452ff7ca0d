package io.pepper.admin.config;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Config as code, under {@code pepper.admin.config}.
 *
 * @param importBudget how long one import (reading, planning and applying, in one
 * transaction) may take before it is rolled back and answered 503; a dry run has the same
 * budget
 */
@ConfigurationProperties("pepper.admin.config")
public record ConfigProperties(@DefaultValue("60s") Duration importBudget) {

	public ConfigProperties {
		if (importBudget.compareTo(Duration.ofSeconds(1)) < 0) {
			throw new IllegalArgumentException("pepper.admin.config.import-budget must be at least 1s");
		}
	}

}
