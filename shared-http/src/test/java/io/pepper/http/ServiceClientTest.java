package io.pepper.http;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;

import io.pepper.contracts.v1.OpenIncidentEndpoints;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.core.type.TypeReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/** The service client against a real local HTTP server. */
class ServiceClientTest {

	private static final String PROBLEM = "application/problem+json";

	private final LocalService service = LocalService.start();

	private final CountDownLatch release = new CountDownLatch(1);

	@AfterEach
	void stop() {
		this.release.countDown();
		this.service.close();
	}

	private ServiceClient client(String base) {
		return client(base, Duration.ofSeconds(30));
	}

	private ServiceClient client(String base, Duration readTimeout) {
		return ServiceClient.builder("test-service", URI.create(this.service.url(base)))
			.token("secret-token")
			.connectTimeout(Duration.ofSeconds(10))
			.readTimeout(readTimeout)
			.build();
	}

	@Test
	void keepsTheBasePathWhateverItsSlashes() {
		this.service.answer("/pepper/v1/open-incidents/endpoints", 200, "application/json", "{\"endpointIds\":[]}");

		for (String base : List.of("/pepper", "/pepper/", "/pepper//")) {
			assertThat(client(base).get(OpenIncidentEndpoints.PATH, OpenIncidentEndpoints.class).endpointIds())
				.isEmpty();
		}
		assertThat(this.service.requests()).extracting(LocalService.Request::path)
			.containsOnly("/pepper/v1/open-incidents/endpoints")
			.hasSize(3);
	}

	@Test
	void encodesEveryPlaceholderValue() {
		ServiceClient client = client("/pepper");

		assertThat(client.uri("/v1/history/{id}?location={location}&step={step}", "a/b", "eu west&x=1", "1h"))
			.hasToString(this.service.url("/pepper/v1/history/a%2Fb?location=eu%20west%26x%3D1&step=1h"));
		assertThatIllegalArgumentException().isThrownBy(() -> client.uri("v1/results"))
			.withMessageContaining("starts with '/'");
	}

	@Test
	void sendsTheTokenAndJsonAndReadsATypedAnswer() {
		UUID endpoint = UUID.randomUUID();
		this.service.answer("/v1/echo", 200, "application/json", "{\"endpointIds\":[\"" + endpoint + "\"]}");

		OpenIncidentEndpoints answer = client("").post("/v1/echo", new OpenIncidentEndpoints(List.of(endpoint)),
				OpenIncidentEndpoints.class);

		assertThat(answer.endpointIds()).containsExactly(endpoint);
		LocalService.Request request = this.service.requests().getFirst();
		assertThat(request.method()).isEqualTo("POST");
		assertThat(request.authorization()).isEqualTo("Bearer secret-token");
		assertThat(request.contentType()).isEqualTo("application/json");
		assertThat(request.body()).isEqualTo("{\"endpointIds\":[\"" + endpoint + "\"]}");
	}

	@Test
	void readsAListThroughATypeReference() {
		this.service.answer("/v1/list", 200, "application/json", "[{\"endpointIds\":[]},{\"endpointIds\":[]}]");

		List<OpenIncidentEndpoints> answer = client("").get("/v1/list", new TypeReference<>() {
		});

		assertThat(answer).hasSize(2);
	}

	@ParameterizedTest(name = "{0} -> {1}")
	@CsvSource({ "200, DELIVERED", "202, DELIVERED", "400, SET_ASIDE", "401, SET_ASIDE", "404, SET_ASIDE",
			"422, SET_ASIDE", "408, RETRY", "429, RETRY", "500, RETRY", "503, RETRY" })
	void sendSaysWhatTheAnswerMeansForTheItem(int status, Verdict verdict) {
		this.service.answer("/v1/items", status, PROBLEM, "{\"status\":" + status + ",\"detail\":\"item 3 is odd\"}");

		Answer answer = client("").send("/v1/items", "{\"item\":3}");

		assertThat(answer.status()).isEqualTo(status);
		assertThat(answer.verdict()).isEqualTo(verdict);
		assertThat(answer.reason()).contains("test-service answered " + status);
		if (verdict != Verdict.DELIVERED) {
			assertThat(answer.reason()).endsWith(": item 3 is odd");
		}
		assertThat(this.service.requests().getFirst().body()).isEqualTo("{\"item\":3}");
	}

	@Test
	void retriesWhenNobodyAnswers() throws IOException {
		int port;
		try (ServerSocket socket = new ServerSocket(0)) {
			port = socket.getLocalPort();
		}
		ServiceClient client = ServiceClient.builder("test-service", URI.create("http://127.0.0.1:" + port)).build();

		Answer answer = client.send("/v1/items", "{}");

		assertThat(answer.status()).isZero();
		assertThat(answer.verdict()).isEqualTo(Verdict.RETRY);
		assertThat(answer.reason()).startsWith("cannot reach test-service at http://127.0.0.1:" + port + "/v1/items");
	}

	@Test
	void givesUpWaitingAfterTheReadTimeoutAndRetries() {
		this.service.on("/v1/slow", (exchange) -> {
			try {
				this.release.await();
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
			LocalService.respond(exchange, 200, "", "");
		});

		Answer answer = client("", Duration.ofMillis(300)).send("/v1/slow", "{}");

		assertThat(answer.verdict()).isEqualTo(Verdict.RETRY);
		assertThat(answer.reason()).contains("cannot reach test-service", "timed out: no answer within 300 ms");
	}

	@Test
	void typedCallsThrowWithTheStatusTheDetailAndTheVerdict() {
		this.service.answer("/v1/incidents/x", 404, PROBLEM, "{\"status\":404,\"detail\":\"no incident x\"}");
		this.service.answer("/v1/busy", 503, "text/plain", "busy");

		assertThatExceptionOfType(ServiceCallException.class)
			.isThrownBy(() -> client("").get("/v1/incidents/x", OpenIncidentEndpoints.class))
			.satisfies((ex) -> {
				assertThat(ex.status()).isEqualTo(404);
				assertThat(ex.detail()).isEqualTo("no incident x");
				assertThat(ex.verdict()).isEqualTo(Verdict.SET_ASIDE);
				assertThat(ex.retryable()).isFalse();
				assertThat(ex.service()).isEqualTo("test-service");
				assertThat(ex.uri()).hasToString(this.service.url("/v1/incidents/x"));
				assertThat(ex).hasMessage(
						"test-service answered 404 for " + this.service.url("/v1/incidents/x") + ": no incident x");
			});
		assertThatExceptionOfType(ServiceCallException.class)
			.isThrownBy(() -> client("").get("/v1/busy", OpenIncidentEndpoints.class))
			.satisfies((ex) -> {
				assertThat(ex.retryable()).isTrue();
				assertThat(ex.detail()).isEqualTo("busy");
			});
	}

	@Test
	void refusesAnAnswerThatIsNotTheTypeAskedFor() {
		this.service.answer("/v1/odd", 200, "application/json", "{\"endpointIds\": 7}");

		assertThatExceptionOfType(ServiceCallException.class)
			.isThrownBy(() -> client("").get("/v1/odd", OpenIncidentEndpoints.class))
			.satisfies((ex) -> {
				assertThat(ex.status()).isEqualTo(200);
				assertThat(ex.retryable()).isFalse();
				assertThat(ex.getMessage()).contains("not a OpenIncidentEndpoints");
			});
	}

	@Test
	void followsNoRedirect() {
		this.service.on("/v1/moved", (exchange) -> {
			exchange.getResponseHeaders().add("Location", this.service.url("/v1/elsewhere"));
			LocalService.respond(exchange, 302, "", "");
		});
		this.service.answer("/v1/elsewhere", 200, "application/json", "{}");

		Answer answer = client("").send("/v1/moved", "{}");

		assertThat(answer.verdict()).isEqualTo(Verdict.SET_ASIDE);
		assertThat(answer.status()).isEqualTo(302);
		assertThat(this.service.requests()).extracting(LocalService.Request::path).containsExactly("/v1/moved");
	}

	@Test
	void asksWithTheEtagAndReportsNotModified() {
		this.service.on("/v1/snapshot", (exchange) -> {
			if ("\"v1\"".equals(exchange.getRequestHeaders().getFirst("If-None-Match"))) {
				exchange.getResponseHeaders().add("ETag", "\"v1\"");
				LocalService.respond(exchange, 304, "", "");
				return;
			}
			exchange.getResponseHeaders().add("ETag", "\"v1\"");
			LocalService.respond(exchange, 200, "application/json", "{\"endpointIds\":[]}");
		});
		ServiceClient client = client("");

		ServiceClient.Conditional<OpenIncidentEndpoints> first = client.getIfChanged("/v1/snapshot", null,
				OpenIncidentEndpoints.class);
		ServiceClient.Conditional<OpenIncidentEndpoints> second = client.getIfChanged("/v1/snapshot", first.etag(),
				OpenIncidentEndpoints.class);

		assertThat(first.notModified()).isFalse();
		assertThat(first.etag()).isEqualTo("\"v1\"");
		assertThat(second.notModified()).isTrue();
		assertThat(this.service.requests()).extracting(LocalService.Request::ifNoneMatch)
			.containsExactly(null, "\"v1\"");
	}

	@Test
	void refusesABaseUrlThatIsNotHttp() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> ServiceClient.builder("admin-app", URI.create("ftp://admin.example.com")))
			.withMessage("admin-app's URL must be an absolute http or https URL but was 'ftp://admin.example.com'");
	}

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|',
			textBlock = """
					ftp://admin.test         | x.admin-url must be an absolute http or https URL but was 'ftp://admin.test'
					admin                    | x.admin-url must be an absolute http or https URL but was 'admin'
					http:///no-host          | x.admin-url must be an absolute http or https URL but was 'http:///no-host'
					http://admin.test/?x=1   | x.admin-url must be a base URL without query or fragment but was 'http://admin.test/?x=1'
					http://admin.test/#top   | x.admin-url must be a base URL without query or fragment but was 'http://admin.test/#top'
					""")
	void refusesASettingThatCannotBeABaseUrl(String url, String message) {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> ServiceClient.requireBaseUrl(URI.create(url), "x.admin-url"))
			.withMessage(message);
	}

	@Test
	void letsBaseUrlsAndUnsetSettingsPass() {
		ServiceClient.requireBaseUrl(null, "x.admin-url");
		ServiceClient.requireBaseUrl(URI.create("HTTPS://admin.test/pepper/"), "x.admin-url");
		assertThat(ServiceClient.builder("admin-app", URI.create("https://admin.test/pepper")).build().service())
			.isEqualTo("admin-app");
	}

}
