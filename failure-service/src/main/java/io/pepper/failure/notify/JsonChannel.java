package io.pepper.failure.notify;

import java.net.URI;
import java.util.Map;

import io.pepper.contracts.v1.NotificationChannelSpec;
import io.pepper.contracts.v1.WireJson;
import io.pepper.failure.FailureProperties;
import io.pepper.failure.alerting.AlertingConfiguration;
import io.pepper.failure.notify.guard.GuardedHttp;
import org.jspecify.annotations.Nullable;

/**
 * A channel that posts JSON to a vendor's HTTP API. It finds the recipient's channel of
 * type {@code S} in the alerting configuration and hands it, with the message, to
 * {@link #send(NotificationChannelSpec, NotificationMessage, URI)}; every post goes
 * through the SSRF guard and its answer rules. A new vendor writes only what it sends.
 *
 * @param <S> the channel settings this vendor reads
 */
public abstract class JsonChannel<S extends NotificationChannelSpec> implements NotificationChannel {

	private final String name;

	private final Class<S> type;

	private final String vendor;

	private final AlertingConfiguration alerting;

	private final GuardedHttp http;

	private final FailureProperties properties;

	/**
	 * @param name the channel type's name, as targets name it
	 * @param vendor how people call it in an error, e.g. {@code PagerDuty}
	 */
	protected JsonChannel(String name, Class<S> type, String vendor, AlertingConfiguration alerting, GuardedHttp http,
			FailureProperties properties) {
		this.name = name;
		this.type = type;
		this.vendor = vendor;
		this.alerting = alerting;
		this.http = http;
		this.properties = properties;
	}

	@Override
	public final String name() {
		return this.name;
	}

	@Override
	public final void send(Notification notification) {
		send(ChannelLookup.find(this.alerting, notification, this.type, this.vendor), notification.message(),
				this.properties.adminPublicUrl());
	}

	/**
	 * Sends {@code message} to the channel {@code settings} describe.
	 * @param adminPublicUrl admin-app's address for links, when configured
	 */
	protected abstract void send(S settings, NotificationMessage message, @Nullable URI adminPublicUrl);

	/** Posts {@code body} as JSON to {@code url}, through the guard. */
	protected final void post(URI url, Object body, Map<String, String> headers) {
		this.http.postJson(url, WireJson.mapper().writeValueAsBytes(body), headers);
	}

}
