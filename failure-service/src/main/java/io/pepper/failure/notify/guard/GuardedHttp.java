package io.pepper.failure.notify.guard;

import io.pepper.net.TargetPolicy;

import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;

import io.pepper.failure.FailureProperties;
import io.pepper.failure.notify.DeliveryException;

import org.springframework.stereotype.Component;

/**
 * Posts to user-supplied URLs (Slack, webhooks): http or https only, every address the
 * host resolves to checked against the {@link TargetPolicy} right before sending, no
 * redirects, and timeouts on connecting and answering. The JDK client resolves the host
 * again when it connects; a DNS answer that changes in between (rebinding) is not caught.
 */
@Component
public class GuardedHttp {

	private static final int MAX_ERROR_BODY = 300;

	private final TargetPolicy guard;

	private final Duration timeout;

	private final HttpClient http;

	GuardedHttp(FailureProperties properties) {
		this.guard = properties.targetGuard();
		this.timeout = properties.httpTimeout();
		this.http = HttpClient.newBuilder()
			.connectTimeout(this.timeout)
			.followRedirects(HttpClient.Redirect.NEVER)
			.build();
	}

	/**
	 * Posts {@code body} as JSON.
	 * @throws DeliveryException when the target is refused (permanent), unreachable or
	 * answers other than 2xx
	 */
	public void postJson(URI url, byte[] body, Map<String, String> headers) {
		String scheme = (url.getScheme() != null) ? url.getScheme().toLowerCase(Locale.ROOT) : "";
		String host = url.getHost();
		if (!(scheme.equals("http") || scheme.equals("https")) || host == null) {
			throw DeliveryException.permanent("refused " + url + ": only absolute http and https URLs are allowed");
		}
		String refusal = this.guard.refusalForHost(host);
		if (refusal != null) {
			throw DeliveryException.permanent("refused: " + refusal);
		}
		try {
			for (InetAddress address : InetAddress.getAllByName(host)) {
				String refused = this.guard.refusal(host, address);
				if (refused != null) {
					throw DeliveryException.permanent("refused: " + refused);
				}
			}
		}
		catch (UnknownHostException ex) {
			throw new DeliveryException("cannot resolve " + host, ex);
		}
		HttpRequest.Builder request = HttpRequest.newBuilder(url)
			.timeout(this.timeout)
			.header("Content-Type", "application/json")
			.header("User-Agent", "Pepper/1 (+failure-service)")
			.POST(HttpRequest.BodyPublishers.ofByteArray(body));
		headers.forEach(request::header);
		try {
			HttpResponse<String> response = this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
			if (response.statusCode() / 100 != 2) {
				String answer = response.body();
				throw new DeliveryException(host + " answered " + response.statusCode() + ": "
						+ ((answer.length() > MAX_ERROR_BODY) ? answer.substring(0, MAX_ERROR_BODY) : answer));
			}
		}
		catch (IOException ex) {
			throw new DeliveryException("cannot post to " + host + ": " + ex, ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new DeliveryException("interrupted while posting to " + host, ex);
		}
	}

}
