package io.pepper.receiver.store.influx;

import java.io.IOException;
import java.util.Map;

import okhttp3.HttpUrl;
import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.Response;
import org.jspecify.annotations.Nullable;

/**
 * Lets influxdb-client-java's WriteApi talk to InfluxDB 1.x older than 1.8, which has no
 * {@code /api/v2/write}: rewrites {@code /api/v2/write?bucket=db/rp&precision=ms} to
 * {@code /write?db=db&rp=rp&precision=ms}, and sends {@code username:password}
 * credentials as HTTP Basic, which those servers understand.
 */
final class InfluxV1CompatInterceptor implements Interceptor {

	private static final String V2_WRITE = "api/v2/write";

	/** 1.x spells precisions differently from 2.x. */
	private static final Map<String, String> PRECISIONS = Map.of("ns", "n", "us", "u", "ms", "ms", "s", "s");

	private final @Nullable String basicAuthorization;

	InfluxV1CompatInterceptor(@Nullable String basicAuthorization) {
		this.basicAuthorization = basicAuthorization;
	}

	@Override
	public Response intercept(Chain chain) throws IOException {
		Request request = chain.request();
		Request.Builder rewritten = request.newBuilder().url(rewrite(request.url()));
		if (this.basicAuthorization != null) {
			rewritten.header("Authorization", this.basicAuthorization);
		}
		return chain.proceed(rewritten.build());
	}

	/** The 1.x URL for a 2.x write URL; any other URL unchanged. */
	static HttpUrl rewrite(HttpUrl url) {
		String path = url.encodedPath();
		String bucket = url.queryParameter("bucket");
		if (!path.endsWith("/" + V2_WRITE) || bucket == null) {
			return url;
		}
		int slash = bucket.indexOf('/');
		String database = (slash < 0) ? bucket : bucket.substring(0, slash);
		String retentionPolicy = (slash < 0) ? "" : bucket.substring(slash + 1);
		HttpUrl.Builder v1 = url.newBuilder()
			.encodedPath(path.substring(0, path.length() - V2_WRITE.length()) + "write")
			.query(null)
			.addQueryParameter("db", database);
		if (!retentionPolicy.isEmpty()) {
			v1.addQueryParameter("rp", retentionPolicy);
		}
		String precision = url.queryParameter("precision");
		if (precision != null) {
			v1.addQueryParameter("precision", PRECISIONS.getOrDefault(precision, precision));
		}
		String consistency = url.queryParameter("consistency");
		if (consistency != null) {
			v1.addQueryParameter("consistency", consistency);
		}
		return v1.build();
	}

}
