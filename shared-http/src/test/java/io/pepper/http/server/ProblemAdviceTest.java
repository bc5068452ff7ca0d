package io.pepper.http.server;

import java.net.URI;
import java.util.List;
import java.util.Map;

import io.pepper.contracts.auth.BearerTokens;
import io.pepper.contracts.v1.WireJson;
import io.pepper.http.Answer;
import io.pepper.http.ServiceCallException;
import io.pepper.http.ServiceClient;
import io.pepper.http.Verdict;
import jakarta.servlet.http.HttpServletRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The server side in a real Spring MVC application on a random port, called through the
 * service client: the token check, and problems that name the field.
 */
@SpringBootTest(classes = ProblemAdviceTest.App.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ProblemAdviceTest {

	static final String TOKEN = "token-of-the-test-service";

	@LocalServerPort
	int port;

	private ServiceClient client(String token) {
		return ServiceClient.builder("app", URI.create("http://127.0.0.1:" + this.port)).token(token).build();
	}

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|', nullValues = "none", textBlock = """
			no token       | none
			wrong token    | not-the-token
			the digest     | 5c3b1c2b9f3a4e7f8b6a1d2c3e4f5a6b7c8d9e0f1a2b3c4d5e6f7a8b9c0d1e2f
			""")
	void refusesARequestWithoutAnAcceptedTokenBeforeTheHandlerRuns(String name, String token) {
		assertThatExceptionOfType(ServiceCallException.class)
			.isThrownBy(() -> client(token).get("/v1/secret", Map.class))
			.satisfies((ex) -> {
				assertThat(ex.status()).isEqualTo(401);
				assertThat(ex.detail()).isEqualTo("A valid test token is required");
				assertThat(ex.verdict()).isEqualTo(Verdict.SET_ASIDE);
			});
		assertThat(Controller.secretsRead).isZero();
	}

	@Test
	void answersTheTokenRefusalAsAProblemWithTheBearerChallenge() {
		java.net.http.HttpResponse<String> response = raw("GET", "/v1/secret", null, "Bearer nope");

		assertThat(response.statusCode()).isEqualTo(401);
		assertThat(response.headers().firstValue("WWW-Authenticate")).hasValue("Bearer");
		assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
		assertThat(WireJson.mapper().readTree(response.body()).get("instance").asString()).isEqualTo("/v1/secret");
	}

	@Test
	void letsTheTokenThrough() {
		assertThat(client(TOKEN).get("/v1/secret", Map.class)).containsEntry("secret", "42");
	}

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|',
			textBlock = """
					a broken invariant | {"items":[{"name":"a","count":1},{"name":"b","count":-1}]}   | items[1] | count must be at least 0 but was -1
					a wrong type       | {"items":[{"name":"a","count":"many"}]}                      | items[0].count | many
					""")
	void namesTheFieldOfAMalformedBody(String name, String body, String field, String message) {
		for (String path : List.of("/v1/parsed", "/v1/read-by-hand")) {
			JsonNode problem = problemOf(raw("POST", path, body, "Bearer " + TOKEN), 400);

			assertThat(problem.get("detail").asString()).startsWith("Malformed request body: " + field + ": ")
				.contains(message);
			assertThat(problem.get("errors").get(0).get("field").asString()).isEqualTo(field);
			assertThat(problem.get("errors").get(0).get("message").asString()).contains(message);
		}
	}

	@Test
	void saysWhatIsWrongWithABodyThatIsNotJsonOrMissing() {
		assertThat(problemOf(raw("POST", "/v1/parsed", "{\"items\":", "Bearer " + TOKEN), 400).get("detail").asString())
			.startsWith("Malformed request body: ")
			.contains("end-of-input");
		assertThat(problemOf(raw("POST", "/v1/parsed", "", "Bearer " + TOKEN), 400).get("detail").asString())
			.isEqualTo("Malformed request body: Required request body is missing");
	}

	@Test
	void answersSpringsOwnErrorsAsProblemsToo() {
		java.net.http.HttpResponse<String> response = raw("DELETE", "/v1/parsed", null, "Bearer " + TOKEN);

		assertThat(problemOf(response, 405).get("status").asInt()).isEqualTo(405);
	}

	@Test
	void aClientSeesTheRefusalsReason() {
		Answer answer = client(TOKEN).send("/v1/parsed", "{\"items\":[{\"name\":\"a\",\"count\":-3}]}");

		assertThat(answer.verdict()).isEqualTo(Verdict.SET_ASIDE);
		assertThat(answer.reason()).endsWith(": Malformed request body: items[0]: count must be at least 0 but was -3");
	}

	private static JsonNode problemOf(java.net.http.HttpResponse<String> response, int status) {
		assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
		assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
		return WireJson.mapper().readTree(response.body());
	}

	private java.net.http.HttpResponse<String> raw(String method, String path, String body, String authorization) {
		java.net.http.HttpRequest.Builder request = java.net.http.HttpRequest
			.newBuilder(URI.create("http://127.0.0.1:" + this.port + path))
			.header("Authorization", authorization)
			.header("Content-Type", "application/json")
			.method(method, (body != null) ? java.net.http.HttpRequest.BodyPublishers.ofString(body)
					: java.net.http.HttpRequest.BodyPublishers.noBody());
		try (java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient()) {
			return http.send(request.build(), java.net.http.HttpResponse.BodyHandlers.ofString());
		}
		catch (java.io.IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	record Item(String name, int count) {

		Item {
			if (count < 0) {
				throw new IllegalArgumentException("count must be at least 0 but was " + count);
			}
		}

	}

	record Items(List<Item> items) {

	}

	@SpringBootApplication(proxyBeanMethods = false)
	@Import({ Controller.class, Problems.class, Tokens.class })
	static class App {

	}

	@RestController
	static class Controller {

		static volatile int secretsRead;

		@GetMapping("/v1/secret")
		Map<String, String> secret() {
			secretsRead++;
			return Map.of("secret", "42");
		}

		@PostMapping("/v1/parsed")
		Items parsed(@RequestBody Items items) {
			return items;
		}

		@PostMapping("/v1/read-by-hand")
		Items readByHand(HttpServletRequest request) throws java.io.IOException {
			try {
				return WireJson.mapper().readValue(request.getInputStream(), Items.class);
			}
			catch (JacksonException ex) {
				throw new MalformedJsonException(ex);
			}
		}

	}

	@RestControllerAdvice
	static class Problems extends ProblemAdvice {

	}

	@Configuration(proxyBeanMethods = false)
	static class Tokens implements WebMvcConfigurer {

		@Override
		public void addInterceptors(InterceptorRegistry registry) {
			registry
				.addInterceptor(BearerTokenCheck.ofDigests(List.of(BearerTokens.sha256Hex(TOKEN)),
						"A valid test token is required"))
				.addPathPatterns("/v1/secret");
		}

	}

}
