package io.pepper.net;

import java.net.Proxy;

import okhttp3.Dns;
import okhttp3.OkHttpClient;

/**
 * The one HTTP client for requests to user-supplied URLs (checks, Slack, webhooks). Every
 * host name is resolved once, through {@link GuardedDns}, and the connection goes to
 * exactly the addresses that were checked, so a name that answers a public address to the
 * check and an internal one later (DNS rebinding) cannot slip through. Every socket
 * checks its address again right before it connects ({@link GuardedSocketFactory}), which
 * covers IP literals, which OkHttp does not resolve, and every redirect hop. No proxy: a
 * proxy would connect where the guard cannot see.
 * <p>
 * OkHttp because it lets a client resolve names itself and pins the connection to the
 * answer; the JDK's client resolves again on its own when it connects.
 */
public final class GuardedHttpClient {

	private GuardedHttpClient() {
	}

	/** A client builder guarded by {@code policy}, resolving through the system. */
	public static OkHttpClient.Builder builder(TargetPolicy policy) {
		return builder(policy, Dns.SYSTEM);
	}

	/**
	 * A client builder guarded by {@code policy}, resolving through {@code resolver}.
	 * Callers add timeouts, TLS and redirect settings; replacing its {@code dns},
	 * {@code socketFactory} or {@code proxy} would remove the guard.
	 */
	public static OkHttpClient.Builder builder(TargetPolicy policy, Dns resolver) {
		return new OkHttpClient.Builder().dns(new GuardedDns(policy, resolver))
			.socketFactory(new GuardedSocketFactory(policy))
			.proxy(Proxy.NO_PROXY);
	}

}
