package io.pepper.failure.intake;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** Guards the probe-facing API with the ingest token. */
@Configuration(proxyBeanMethods = false)
class IntakeWebConfiguration implements WebMvcConfigurer {

	private final IngestTokenInterceptor tokenInterceptor;

	IntakeWebConfiguration(IngestTokenInterceptor tokenInterceptor) {
		this.tokenInterceptor = tokenInterceptor;
	}

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		registry.addInterceptor(this.tokenInterceptor).addPathPatterns("/v1/**");
	}

}
