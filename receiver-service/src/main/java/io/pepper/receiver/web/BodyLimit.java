package io.pepper.receiver.web;

import io.pepper.http.server.BodySizeLimit;
import io.pepper.receiver.ReceiverProperties;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Every route reads at most {@code pepper.receiver.max-batch-bytes}, the size of the
 * largest body any route takes (a result batch); more is 413, chunked or not.
 */
@Configuration(proxyBeanMethods = false)
class BodyLimit {

	@Bean
	BodySizeLimit bodySizeLimit(ReceiverProperties properties) {
		return BodySizeLimit.of(properties.maxBatchBytes());
	}

}
