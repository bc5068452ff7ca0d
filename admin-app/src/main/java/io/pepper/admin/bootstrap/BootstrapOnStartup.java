package io.pepper.admin.bootstrap;

import java.util.List;

import io.pepper.admin.AdminProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.stereotype.Component;

/**
 * Runs the bootstrap once every bean exists but before the web server accepts requests,
 * so the first request already finds the configured tokens.
 */
@Component
class BootstrapOnStartup implements SmartInitializingSingleton {

	private static final Logger logger = LoggerFactory.getLogger(BootstrapOnStartup.class);

	private final Bootstrap bootstrap;

	private final AdminProperties properties;

	BootstrapOnStartup(Bootstrap bootstrap, AdminProperties properties) {
		this.bootstrap = bootstrap;
		this.properties = properties;
	}

	@Override
	public void afterSingletonsInstantiated() {
		List<String> created = this.bootstrap.run(this.properties.bootstrap());
		if (created.isEmpty()) {
			logger.info("Bootstrap: nothing to create");
		}
		else {
			logger.info("Bootstrap created: {}", String.join(", ", created));
		}
	}

}
