package io.pepper.probe.round;

import java.io.IOException;

import io.pepper.contracts.v1.ProbeEndpointList;
import io.pepper.contracts.v1.WireJson;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;

/**
 * Fetches the endpoint list of this probe's location from admin-app, keeping the last
 * list and its ETag so an unchanged list costs a 304.
 */
public final class EndpointListClient {

	private static final Logger log = LoggerFactory.getLogger(EndpointListClient.class);

	private final OkHttpClient client;

	private final HttpUrl url;

	private final String token;

	private @Nullable ProbeEndpointList last;

	private @Nullable String etag;

	public EndpointListClient(OkHttpClient client, String adminUrl, String location, String token) {
		this.client = client;
		this.url = HttpUrl.get(stripSlash(adminUrl) + ProbeEndpointList.PATH)
			.newBuilder()
			.addQueryParameter("location", location)
			.build();
		this.token = token;
	}

	/** The list to check now; synchronized because overlapping rounds share the cache. */
	public synchronized Fetched fetch() {
		Request.Builder request = new Request.Builder().url(this.url)
			.header("Authorization", "Bearer " + this.token)
			.header("Accept", "application/json");
		if (this.etag != null && this.last != null) {
			request.header("If-None-Match", this.etag);
		}
		try (Response response = this.client.newCall(request.build()).execute()) {
			if (response.code() == 304 && this.last != null) {
				return new Fetched(this.last, ListStatus.NOT_MODIFIED, "not modified");
			}
			if (!response.isSuccessful()) {
				return unavailable("admin-app answered " + response.code() + " for " + this.url);
			}
			ProbeEndpointList list = WireJson.mapper().readValue(response.body().bytes(), ProbeEndpointList.class);
			this.last = list;
			this.etag = response.header("ETag");
			return new Fetched(list, ListStatus.FRESH, "fetched");
		}
		catch (IOException | JacksonException ex) {
			return unavailable("cannot fetch " + this.url + ": " + ex.getMessage());
		}
	}

	private Fetched unavailable(String why) {
		if (this.last != null) {
			log.warn("{}; checking the last list known", why);
			return new Fetched(this.last, ListStatus.STALE, why);
		}
		log.warn(why);
		return new Fetched(null, ListStatus.UNAVAILABLE, why);
	}

	static String stripSlash(String url) {
		return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
	}

	/**
	 * @param list the endpoints to check, or null when none is known
	 * @param status where it came from
	 * @param detail what happened, for logs
	 */
	public record Fetched(@Nullable ProbeEndpointList list, ListStatus status, String detail) {
	}

}
