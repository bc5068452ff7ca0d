package io.pepper.probe.check.http;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import io.pepper.contracts.v1.CheckKind;
import io.pepper.contracts.v1.CheckResult;
import io.pepper.contracts.v1.EndpointSpec;
import io.pepper.contracts.v1.HttpMethod;
import io.pepper.contracts.v1.HttpVersion;
import io.pepper.contracts.v1.Outcome;
import io.pepper.contracts.v1.OutcomeKind;
import io.pepper.contracts.v1.Phase;
import io.pepper.contracts.v1.PhaseTimings;
import io.pepper.contracts.v1.StatusRange;
import io.pepper.net.GuardedDns;
import io.pepper.net.GuardedHttpClient;
import io.pepper.net.TargetPolicy;
import io.pepper.probe.check.Checker;
import io.pepper.probe.check.Failures;
import io.pepper.probe.check.Results;
import io.pepper.probe.dns.DeadlineResolver;
import io.pepper.probe.tls.TlsSockets;
import okhttp3.Call;
import okhttp3.ConnectionPool;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Protocol;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okhttp3.ResponseBody;
import okio.Buffer;
import okio.BufferedSource;
import org.jspecify.annotations.Nullable;

/**
 * Runs one HTTP check of an endpoint on a fresh connection and reports what it found,
 * including the protocol negotiated (HTTP/2 through ALPN where offered, unless the
 * endpoint is pinned to HTTP/1.1). It never throws: every failure becomes a failed
 * {@link CheckResult} that says why.
 */
public final class HttpChecker implements Checker {

	/** How much of a body a check reads by default. */
	public static final long DEFAULT_MAX_BODY_BYTES = 1024 * 1024;

	private static final MediaType DEFAULT_BODY_TYPE = MediaType.get("application/octet-stream");

	/**
	 * HTTP/2 where the server offers it through ALPN, as browsers do; HTTP/1.1 otherwise.
	 */
	private static final List<Protocol> NEGOTIATED = List.of(Protocol.HTTP_2, Protocol.HTTP_1_1);

	private static final List<Protocol> HTTP_1_ONLY = List.of(Protocol.HTTP_1_1);

	private final OkHttpClient base;

	private final DeadlineResolver resolver;

	private final TargetPolicy policy;

	private final long maxBodyBytes;

	private final Clock clock;

	/**
	 * @param tls how TLS connections are made and verified
	 * @param resolver resolves host names within each check's deadline
	 * @param policy the SSRF guard, applied to the URL's host, every resolved address and
	 * every connect
	 * @param maxBodyBytes how much of a body a check reads before it gives up
	 */
	public HttpChecker(TlsSockets tls, DeadlineResolver resolver, TargetPolicy policy, long maxBodyBytes, Clock clock) {
		this.base = baseClient(policy, tls);
		this.resolver = resolver;
		this.policy = policy;
		this.maxBodyBytes = maxBodyBytes;
		this.clock = clock;
	}

	/**
	 * The client every check derives from: guarded connects, no proxy (a probe measures
	 * the direct path), no silent retries, no cookies, and a full TLS handshake every
	 * time. Each check adds its own guarded, deadline-bound name resolution.
	 */
	public static OkHttpClient baseClient(TargetPolicy policy, TlsSockets tls) {
		return GuardedHttpClient.builder(policy)
			.sslSocketFactory(tls.socketFactory(), tls.trustManager())
			.retryOnConnectionFailure(false)
			.build();
	}

	@Override
	public CheckKind kind() {
		return CheckKind.HTTP;
	}

	@Override
	public CheckResult check(EndpointSpec spec, String location, Instant scheduledAt) {
		Instant startedAt = this.clock.instant();
		long start = System.nanoTime();
		PhaseRecorder recorder = new PhaseRecorder(start);
		Finding finding;
		try {
			finding = run(spec, recorder);
		}
		catch (RuntimeException ex) {
			// A bug or a bad spec must still produce a result rather than lose the check.
			finding = new Finding(
					Outcome.failed(OutcomeKind.CONNECTION_ERROR, recorder.phase(), "the check could not run: " + ex),
					null, 0);
		}
		PhaseTimings timings = recorder.timings(System.nanoTime());
		Outcome outcome = finding.outcome();
		return Results.of(spec, location, scheduledAt, startedAt, timings, finding.status(), finding.bytes(),
				recorder.certificateExpiry(), outcome, recorder.protocol());
	}

	private Finding run(EndpointSpec spec, PhaseRecorder recorder) {
		HttpUrl url = HttpUrl.parse(spec.url().toString());
		if (url == null) {
			return new Finding(Outcome.failed(OutcomeKind.CONNECTION_ERROR, Phase.DNS, "invalid URL " + spec.url()),
					null, 0);
		}
		String refusal = this.policy.refusalForHost(url.host());
		if (refusal != null) {
			return new Finding(Outcome.failed(OutcomeKind.BLOCKED, Phase.DNS, "blocked: " + refusal), null, 0);
		}
		Duration timeout = Duration.ofMillis(spec.timeoutMs());
		long deadline = recorder.startNanos() + timeout.toNanos();
		OkHttpClient client = this.base.newBuilder()
			.dns(new GuardedDns(this.policy, (host) -> this.resolver.resolve(host, deadline)))
			.protocols((spec.httpVersion() == HttpVersion.HTTP_1_1) ? HTTP_1_ONLY : NEGOTIATED)
			// A pool of its own, emptied when the check ends: every check pays DNS,
			// connect and TLS. (A pool that keeps nothing idle would close an HTTP/2
			// connection while its last stream is still being read.)
			.connectionPool(new ConnectionPool(1, 1, TimeUnit.MINUTES))
			.eventListener(recorder)
			.callTimeout(timeout)
			.connectTimeout(timeout)
			.readTimeout(timeout)
			.writeTimeout(timeout)
			.followRedirects(spec.followRedirects())
			.followSslRedirects(spec.followRedirects())
			.build();
		Call call = client.newCall(request(spec, url));
		try (Response response = call.execute()) {
			recorder.bodyStarted();
			Body body = read(response.body(), !spec.assertions().isEmpty() && spec.method() != HttpMethod.HEAD);
			recorder.protocol(response.protocol());
			return new Finding(judge(spec, response.code(), body), validStatus(response.code()), body.bytes());
		}
		catch (IOException ex) {
			// The call timeout cancels the call; that is how a deadline shows up here.
			boolean timedOut = call.isCanceled();
			return new Finding(Failures.classify(ex, recorder.phase(), timedOut, spec.timeoutMs()), null, 0);
		}
		finally {
			client.connectionPool().evictAll();
		}
	}

	private Outcome judge(EndpointSpec spec, int status, Body body) {
		if (validStatus(status) == null || !spec.accepts(status)) {
			return Outcome.failed(OutcomeKind.UNEXPECTED_STATUS, Phase.FIRST_BYTE,
					"expected " + expected(spec.expectedStatus()) + " but got " + status);
		}
		if (body.tooLarge()) {
			return Outcome.failed(OutcomeKind.RESPONSE_TOO_LARGE, Phase.BODY,
					"body is larger than " + this.maxBodyBytes + " bytes");
		}
		String failure = BodyAssertions.firstFailure(spec.assertions(), body.text());
		if (failure != null) {
			return Outcome.failed(OutcomeKind.ASSERTION_FAILED, Phase.BODY, failure);
		}
		return Outcome.up();
	}

	private Body read(@Nullable ResponseBody body, boolean keepText) throws IOException {
		if (body == null) {
			return new Body(0, false, "");
		}
		BufferedSource source = body.source();
		Buffer kept = new Buffer();
		long total = 0;
		long read;
		while ((read = source.read(kept, 8192)) != -1) {
			total += read;
			if (total > this.maxBodyBytes) {
				return new Body(this.maxBodyBytes, true, "");
			}
			if (!keepText) {
				kept.clear();
			}
		}
		MediaType type = body.contentType();
		Charset declared = (type != null) ? type.charset() : null;
		Charset charset = (declared != null) ? declared : StandardCharsets.UTF_8;
		return new Body(total, false, keepText ? kept.readString(charset) : "");
	}

	private static Request request(EndpointSpec spec, HttpUrl url) {
		Request.Builder request = new Request.Builder().url(url);
		for (Map.Entry<String, String> header : spec.headers().entrySet()) {
			request.header(header.getKey(), header.getValue());
		}
		String method = spec.method().name();
		RequestBody body = null;
		if (spec.method() != HttpMethod.GET && spec.method() != HttpMethod.HEAD) {
			String contentType = spec.headers()
				.entrySet()
				.stream()
				.filter((header) -> header.getKey().equalsIgnoreCase("Content-Type"))
				.map(Map.Entry::getValue)
				.findFirst()
				.orElse(null);
			MediaType mediaType = (contentType != null) ? MediaType.parse(contentType) : DEFAULT_BODY_TYPE;
			if (spec.body() != null) {
				body = RequestBody.create(spec.body(), mediaType);
			}
			else if (spec.method() == HttpMethod.POST || spec.method() == HttpMethod.PUT
					|| spec.method() == HttpMethod.PATCH) {
				body = RequestBody.create(new byte[0], mediaType);
			}
		}
		return request.method(method, body).build();
	}

	private static @Nullable Integer validStatus(int status) {
		return (status >= 100 && status <= 599) ? status : null;
	}

	private static String expected(List<StatusRange> ranges) {
		List<StatusRange> effective = ranges.isEmpty() ? List.of(StatusRange.SUCCESS) : ranges;
		return effective.stream()
			.map((range) -> (range.from() == range.to()) ? String.valueOf(range.from())
					: range.from() + "-" + range.to())
			.collect(Collectors.joining(", "));
	}

	private record Finding(Outcome outcome, @Nullable Integer status, long bytes) {
	}

	private record Body(long bytes, boolean tooLarge, String text) {
	}

}
