package io.pepper.admin;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import io.pepper.contracts.auth.BearerTokens;
import io.pepper.contracts.v1.WireJson;
import io.pepper.testsupport.LocalRedis;
import io.pepper.testsupport.TestDatabase;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * A plain HTTP client for the running app, and the settings every test context shares.
 */
public final class TestApi {

	public static final String OWNER_TOKEN = "owner-token-0123456789abcdef0123456789abcdef";

	public static final String PROBE_TOKEN = "probe-token-0123456789abcdef0123456789abcdef";

	private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private final String baseUrl;

	public TestApi(int port) {
		this.baseUrl = "http://127.0.0.1:" + port;
	}

	/** Points the context at its own database and bootstraps the Demo organization. */
	public static void configure(DynamicPropertyRegistry registry, TestDatabase database) {
		registry.add("spring.datasource.url", database::jdbcUrl);
		registry.add("spring.datasource.username", database::username);
		registry.add("spring.datasource.password", database::password);
		registry.add("pepper.admin.bootstrap.organization", () -> "Demo");
		registry.add("pepper.admin.bootstrap.owner-email", () -> "Owner@Example.com");
		registry.add("pepper.admin.bootstrap.owner-password", () -> "correct horse battery staple");
		registry.add("pepper.admin.bootstrap.api-token-sha256", () -> BearerTokens.sha256Hex(OWNER_TOKEN));
		registry.add("pepper.admin.bootstrap.probe-token-sha256", () -> BearerTokens.sha256Hex(PROBE_TOKEN));
		registry.add("pepper.admin.bootstrap.locations", () -> "local,eu-west,asia");
		registry.add("pepper.admin.operators", () -> TestTenants.OPERATOR_EMAIL);
		// Sessions and sign-in counters go under keys of this test's own.
		LocalRedis redis = LocalRedis.fromEnvironment();
		registry.add("spring.data.redis.host", redis::host);
		registry.add("spring.data.redis.port", redis::port);
		registry.add("spring.session.data.redis.namespace", () -> redisPrefix(database) + "session");
		registry.add("pepper.admin.ui.redis-key-prefix", () -> redisPrefix(database) + "admin:");
	}

	/** The Redis key prefix of the test that owns {@code database}. */
	public static String redisPrefix(TestDatabase database) {
		return "pepper-test:" + database.name() + ":";
	}

	public Response get(String path, @Nullable String token, String... headers) {
		return send(request(path, token, headers).GET());
	}

	public Response post(String path, @Nullable String token, String json) {
		return send(request(path, token, "Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(json)));
	}

	public Response put(String path, @Nullable String token, String json) {
		return send(request(path, token, "Content-Type", "application/json")
			.PUT(HttpRequest.BodyPublishers.ofString(json)));
	}

	public Response delete(String path, @Nullable String token) {
		return send(request(path, token).DELETE());
	}

	/** Any method, with a body of the given content type (none when null). */
	public Response send(String method, String path, @Nullable String token, @Nullable String contentType,
			@Nullable String body) {
		HttpRequest.Builder builder = (contentType != null) ? request(path, token, "Content-Type", contentType)
				: request(path, token);
		return send(builder.method(method,
				(body != null) ? HttpRequest.BodyPublishers.ofString(body) : HttpRequest.BodyPublishers.noBody()));
	}

	private HttpRequest.Builder request(String path, @Nullable String token, String... headers) {
		HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(this.baseUrl + path))
			.timeout(Duration.ofSeconds(30));
		if (token != null) {
			builder.header("Authorization", "Bearer " + token);
		}
		for (int i = 0; i < headers.length; i += 2) {
			builder.header(headers[i], headers[i + 1]);
		}
		return builder;
	}

	private Response send(HttpRequest.Builder request) {
		try {
			HttpResponse<String> response = this.client.send(request.build(), HttpResponse.BodyHandlers.ofString());
			return new Response(response.statusCode(), response.headers().map(), response.body());
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * An answer of the app.
	 *
	 * @param status the HTTP status
	 * @param headers the response headers
	 * @param body the body as text
	 */
	public record Response(int status, java.util.Map<String, List<String>> headers, String body) {

		public @Nullable String header(String name) {
			return this.headers.entrySet()
				.stream()
				.filter((entry) -> entry.getKey().equalsIgnoreCase(name))
				.map((entry) -> entry.getValue().getFirst())
				.findFirst()
				.orElse(null);
		}

		public JsonNode json() {
			return WireJson.mapper().readTree(this.body);
		}

		/** The fields named in a problem detail's {@code errors}. */
		public List<String> problemFields() {
			List<String> fields = new ArrayList<>();
			json().path("errors").forEach((error) -> fields.add(error.path("field").asString()));
			return fields;
		}

	}

}
