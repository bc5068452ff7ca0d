package io.pepper.http.server;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

import io.pepper.contracts.v1.WireJson;
import jakarta.servlet.http.HttpServletRequest;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.util.unit.DataSize;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The body size limit in a real Spring MVC application on a random port: a body over its
 * route's limit is 413 whether it says its length or comes chunked, and however the
 * handler reads it; a body within the limit goes through.
 */
@SpringBootTest(classes = BodySizeLimitTest.App.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class BodySizeLimitTest {

	static final int LIMIT = 1000;

	static final int BULK_LIMIT = 5000;

	private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	@LocalServerPort
	int port;

	@ParameterizedTest(name = "{0} {1} bytes, chunked: {2} -> {3}")
	@CsvSource(textBlock = """
			/v1/json,      900,  false, 200
			/v1/json,      900,  true,  200
			/v1/json,      1200, false, 413
			/v1/json,      1200, true,  413
			/v1/bytes,     1200, true,  413
			/v1/by-hand,   1200, true,  413
			/v1/by-hand,   900,  true,  200
			/v1/bulk/x,    4000, true,  200
			/v1/bulk/x,    6000, true,  413
			/v1/bulk/x,    6000, false, 413
			""")
	void answersABodyOverItsRoutesLimit413HoweverItIsSent(String path, int size, boolean chunked, int status)
			throws Exception {
		String body = "{\"text\": \"" + "x".repeat(size - 12) + "\"}";
		byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
		HttpRequest.BodyPublisher publisher = chunked
				? HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(bytes))
				: HttpRequest.BodyPublishers.ofByteArray(bytes);

		HttpResponse<String> response = this.client
			.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + path))
				.header("Content-Type", "application/json")
				.POST(publisher)
				.build(), HttpResponse.BodyHandlers.ofString());

		assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
		JsonNode answer = WireJson.mapper().readTree(response.body());
		if (status == 413) {
			assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
			assertThat(answer.path("detail").asString()).isEqualTo("The request body must be at most "
					+ (path.startsWith("/v1/bulk") ? BULK_LIMIT : LIMIT) + " bytes");
		}
		else {
			assertThat(answer.path("length").asInt()).isEqualTo(size - 12);
		}
	}

	record Text(String text) {

	}

	@SpringBootApplication(proxyBeanMethods = false)
	@Import({ Controller.class, Problems.class })
	static class App {

		@Bean
		BodySizeLimit bodySizeLimit() {
			return BodySizeLimit.of(DataSize.ofBytes(LIMIT)).route("/v1/bulk/", DataSize.ofBytes(BULK_LIMIT));
		}

	}

	@RestController
	static class Controller {

		@PostMapping({ "/v1/json", "/v1/bulk/x" })
		Map<String, Integer> json(@RequestBody Text text) {
			return Map.of("length", text.text().length());
		}

		@PostMapping("/v1/bytes")
		Map<String, Integer> bytes(@RequestBody byte[] body) {
			return Map.of("length", body.length - 12);
		}

		@PostMapping("/v1/by-hand")
		Map<String, Integer> byHand(HttpServletRequest request) throws java.io.IOException {
			try {
				return json(WireJson.mapper().readValue(request.getInputStream(), Text.class));
			}
			catch (JacksonException ex) {
				throw new MalformedJsonException(ex);
			}
		}

	}

	@RestControllerAdvice
	static class Problems extends ProblemAdvice {

	}

}
