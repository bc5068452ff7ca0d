package io.pepper.receiver.web;

import io.pepper.contracts.v1.EndpointSummary;
import io.pepper.contracts.v1.ResultBatch;
import io.pepper.http.server.BearerTokenCheck;
import io.pepper.receiver.ReceiverProperties;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Ingest tokens may only post results; history takes a query token. Both are checked
 * before a body is read.
 */
@Configuration(proxyBeanMethods = false)
class ApiTokens implements WebMvcConfigurer {

	private final ReceiverProperties properties;

	ApiTokens(ReceiverProperties properties) {
		this.properties = properties;
	}

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		registry
			.addInterceptor(BearerTokenCheck.ofDigests(this.properties.ingestTokenSha256(),
					"A valid ingest token is required: Authorization: Bearer <token>"))
			.addPathPatterns(ResultBatch.PATH);
		registry
			.addInterceptor(BearerTokenCheck.ofDigests(this.properties.queryTokenSha256(),
					"A valid query token is required: Authorization: Bearer <token>"))
			.addPathPatterns("/v1/history/**", EndpointSummary.PATH);
	}

}
