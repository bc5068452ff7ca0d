package io.pepper.failure.web;

import io.pepper.contracts.v1.FailureBatch;
import io.pepper.failure.FailureProperties;
import io.pepper.http.server.BearerTokenCheck;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Probe tokens may only post failures; everything else under {@code /v1} takes a service
 * token, so a leaked probe token reads no organization's incidents. Both are checked
 * before a body is read.
 */
@Configuration(proxyBeanMethods = false)
class ApiTokens implements WebMvcConfigurer {

	private final FailureProperties properties;

	ApiTokens(FailureProperties properties) {
		this.properties = properties;
	}

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		registry
			.addInterceptor(BearerTokenCheck.ofDigests(this.properties.ingestTokenSha256(),
					"a valid bearer token is required to post failures"))
			.addPathPatterns(FailureBatch.PATH);
		registry
			.addInterceptor(BearerTokenCheck.ofDigests(this.properties.serviceTokenSha256(),
					"a valid service token is required"))
			.addPathPatterns("/v1/**")
			.excludePathPatterns(FailureBatch.PATH);
	}

}
