package io.pepper.admin;

import org.junit.jupiter.api.Test;

import org.springframework.modulith.core.ApplicationModules;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each feature package is a module: another reaches it only through its top-level package
 * (or a sub-package it names as an interface), and no two modules depend on each other in
 * a cycle.
 */
class ModulesTest {

	static final ApplicationModules MODULES = ApplicationModules.of(AdminApplication.class);

	@Test
	void theFeaturePackagesAreTheModules() {
		assertThat(MODULES.stream().map((module) -> module.getIdentifier().toString())).contains("endpoint", "channel",
				"organization", "team", "ui", "token", "location");
	}

	@Test
	void featurePackagesReachEachOtherOnlyThroughTheirApi() {
		MODULES.verify();
	}

}
