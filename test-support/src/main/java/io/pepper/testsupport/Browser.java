package io.pepper.testsupport;

import java.io.IOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * A browser stand-in for tests of the web UI: real HTTP, a cookie jar, redirects not
 * followed (tests look at them), and the CSRF token of the last page kept for the next
 * form.
 */
public final class Browser {

	private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

	private final String baseUrl;

	private final CookieManager cookies = new CookieManager();

	private final HttpClient client;

	private @Nullable String csrf;

	public Browser(int port) {
		this("http://127.0.0.1:" + port);
	}

	/** A browser for the app at {@code baseUrl}, e.g. {@code http://127.0.0.1:8080}. */
	public Browser(String baseUrl) {
		this.baseUrl = baseUrl;
		this.client = HttpClient.newBuilder()
			.cookieHandler(this.cookies)
			.followRedirects(HttpClient.Redirect.NEVER)
			.connectTimeout(Duration.ofSeconds(5))
			.build();
	}

	public Page get(String path) {
		return send(HttpRequest.newBuilder(uri(path)).GET());
	}

	/** Submits a form with the CSRF token of the last page that had one. */
	public Page post(String path, String... fields) {
		if (this.csrf == null) {
			get("/login");
		}
		List<String> withToken = new ArrayList<>(List.of(fields));
		withToken.add("_csrf");
		withToken.add(String.valueOf(this.csrf));
		return postRaw(path, withToken.toArray(String[]::new));
	}

	/** Submits a form exactly as given, without adding a CSRF token. */
	public Page postRaw(String path, String... fields) {
		StringBuilder body = new StringBuilder();
		for (int i = 0; i < fields.length; i += 2) {
			if (!body.isEmpty()) {
				body.append('&');
			}
			body.append(URLEncoder.encode(fields[i], StandardCharsets.UTF_8))
				.append('=')
				.append(URLEncoder.encode(fields[i + 1], StandardCharsets.UTF_8));
		}
		return send(HttpRequest.newBuilder(uri(path))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(body.toString())));
	}

	/** Follows a redirect answer, as a browser would. */
	public Page follow(Page redirect) {
		String location = redirect.location();
		if (location == null) {
			throw new AssertionError("Not a redirect: " + redirect.status() + " " + redirect.body());
		}
		URI target = URI.create(this.baseUrl).resolve(location);
		return get(target.getRawPath() + ((target.getRawQuery() != null) ? "?" + target.getRawQuery() : ""));
	}

	/** Signs in and returns the answer to the form (a redirect). */
	public Page signIn(String email, String password) {
		get("/login");
		return post("/login", "email", email, "password", password);
	}

	public @Nullable String sessionCookie() {
		return this.cookies.getCookieStore()
			.getCookies()
			.stream()
			.filter((cookie) -> cookie.getName().equals("SESSION"))
			.map(HttpCookie::getValue)
			.findFirst()
			.orElse(null);
	}

	private URI uri(String path) {
		return URI.create(this.baseUrl + path);
	}

	private Page send(HttpRequest.Builder request) {
		try {
			HttpResponse<String> response = this.client.send(request.timeout(Duration.ofSeconds(30)).build(),
					HttpResponse.BodyHandlers.ofString());
			Matcher token = CSRF.matcher(response.body());
			if (token.find()) {
				this.csrf = token.group(1);
			}
			return new Page(response.statusCode(), response.headers().map(), response.body());
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
	public record Page(int status, Map<String, List<String>> headers, String body) {

		public @Nullable String location() {
			return this.headers.entrySet()
				.stream()
				.filter((entry) -> entry.getKey().equalsIgnoreCase("Location"))
				.map((entry) -> entry.getValue().getFirst())
				.findFirst()
				.orElse(null);
		}

		/** The path a redirect points to, without scheme and host. */
		public String redirectPath() {
			String location = location();
			if (location == null) {
				throw new AssertionError("Not a redirect: " + this.status);
			}
			URI uri = URI.create(location);
			return uri.getRawPath() + ((uri.getRawQuery() != null) ? "?" + uri.getRawQuery() : "");
		}

		/** The body with the per-render CSRF token removed, for comparing answers. */
		public String bodyWithoutTokens() {
			return CSRF.matcher(this.body).replaceAll("name=\"_csrf\" value=\"\"");
		}

	}

}
