package io.pepper.failure.notify.guard;

import java.io.IOException;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;

import io.pepper.failure.FailureProperties;
import io.pepper.failure.notify.DeliveryException;
import io.pepper.http.Verdict;
import io.pepper.net.BlockedTargetException;
import io.pepper.net.GuardedHttpClient;
import io.pepper.net.TargetPolicy;
import okhttp3.Dns;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Posts to user-supplied URLs (every channel's webhook or API base) through the shared
 * {@link GuardedHttpClient}: http or https only, the host resolved once and the
 * connection made only to the addresses the {@link TargetPolicy} allowed (so a name that
 * rebinds to an internal address between check and connect is refused), no redirects, and
 * timeouts on connecting and answering. Answers follow the shared retry rule
 * ({@link Verdict}): no answer, 408, 429 and 5xx are retried later, any other answer
 * fails the notification at once with the receiver's reason.
 */
@Component
public class GuardedHttp {

	private static final int MAX_ERROR_BODY = 300;

	private static final MediaType JSON = MediaType.get("application/json");

	private final TargetPolicy guard;

	private final OkHttpClient http;

	@Autowired
	GuardedHttp(FailureProperties properties) {
		this(properties.targetGuard(), properties.httpTimeout(), Dns.SYSTEM);
	}

	/**
	 * @param guard which addresses deliveries may reach
	 * @param timeout for connecting, and for the answer
	 * @param resolver where host names are looked up
	 */
	public GuardedHttp(TargetPolicy guard, Duration timeout, Dns resolver) {
		this.guard = guard;
		this.http = GuardedHttpClient.builder(guard, resolver)
			.connectTimeout(timeout)
			.readTimeout(timeout)
			.writeTimeout(timeout)
			.followRedirects(false)
			.followSslRedirects(false)
			// A receiver that got the request but whose answer was lost must not get it
			// twice
			// from here; the outbox decides about retries.
			.retryOnConnectionFailure(false)
			.build();
	}

	/**
	 * Posts {@code body} as JSON.
	 * @throws DeliveryException when the target is refused or answers a 4xx other than
	 * 408 and 429 (permanent), is unreachable or answers 408, 429 or a 5xx
	 */
	public void postJson(URI url, byte[] body, Map<String, String> headers) {
		String scheme = (url.getScheme() != null) ? url.getScheme().toLowerCase(Locale.ROOT) : "";
		String host = url.getHost();
		HttpUrl target = (scheme.equals("http") || scheme.equals("https")) ? HttpUrl.parse(url.toString()) : null;
		if (target == null || host == null) {
			throw DeliveryException.permanent("refused " + url + ": only absolute http and https URLs are allowed");
		}
		String refusal = this.guard.refusalForHost(host);
		if (refusal != null) {
			throw DeliveryException.permanent("refused: " + refusal);
		}
		Request.Builder request = new Request.Builder().url(target)
			.header("User-Agent", "Pepper/1 (+failure-service)")
			.post(RequestBody.create(body, JSON));
		headers.forEach(request::header);
		try (Response response = this.http.newCall(request.build()).execute()) {
			Verdict verdict = Verdict.of(response.code());
			if (verdict == Verdict.DELIVERED) {
				return;
			}
			String answer = response.body().string();
			String message = host + " answered " + response.code() + ": "
					+ ((answer.length() > MAX_ERROR_BODY) ? answer.substring(0, MAX_ERROR_BODY) : answer);
			throw (verdict == Verdict.SET_ASIDE) ? DeliveryException.refused(response.code(), message)
					: DeliveryException.answered(response.code(), message);
		}
		catch (IOException ex) {
			BlockedTargetException blocked = blocked(ex);
			if (blocked != null) {
				throw DeliveryException.permanent("refused: " + blocked.getMessage());
			}
			if (ex instanceof UnknownHostException) {
				throw new DeliveryException("cannot resolve " + host, ex);
			}
			throw new DeliveryException("cannot post to " + host + ": " + ex, ex);
		}
	}

	/**
	 * {@code path} under a configured API base, e.g. {@code /v2/enqueue} under
	 * {@code https://events.pagerduty.com}; the base may end with a slash or not.
	 */
	public static URI under(URI base, String path) {
		String text = base.toString();
		return URI.create((text.endsWith("/") ? text.substring(0, text.length() - 1) : text) + path);
	}

	/** The guard's refusal, wherever the client put it. */
	private static @Nullable BlockedTargetException blocked(Throwable ex) {
		for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
			if (cause instanceof BlockedTargetException blocked) {
				return blocked;
			}
			for (Throwable suppressed : cause.getSuppressed()) {
				if (suppressed instanceof BlockedTargetException blocked) {
					return blocked;
				}
			}
			if (cause.getCause() == cause) {
				break;
			}
		}
		return null;
	}

}
