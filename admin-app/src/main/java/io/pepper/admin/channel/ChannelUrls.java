package io.pepper.admin.channel;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Locale;

import io.pepper.net.TargetPolicy;
import org.jspecify.annotations.Nullable;

/**
 * The configuration-time SSRF guard for channel URLs: https only (http for allowed hosts
 * on webhooks), and no host the shared {@link TargetPolicy} refuses to be named: internal
 * address literals in any spelling and names that only lead inside. Names are resolved
 * and checked again by failure-service when it delivers.
 */
final class ChannelUrls {

	private static final String ALLOWED_HOSTS = "pepper.admin.channels.allowed-webhook-hosts";

	private static final TargetPolicy HOSTS = TargetPolicy.publicOnly(ALLOWED_HOSTS);

	private ChannelUrls() {
	}

	private static final java.util.regex.Pattern TOPIC = java.util.regex.Pattern.compile("[-_A-Za-z0-9]{1,64}");

	/**
	 * Why {@code value}, a URL {@link #problem} accepts, does not name an ntfy topic (its
	 * last path segment), or null when it does.
	 */
	static @Nullable String ntfyTopicProblem(String value) {
		String path = URI.create(value).getRawPath();
		String topic = (path != null && path.lastIndexOf('/') >= 0) ? path.substring(path.lastIndexOf('/') + 1) : "";
		if (!TOPIC.matcher(topic).matches() || URI.create(value).getRawQuery() != null) {
			return "must end with the topic, e.g. https://ntfy.sh/my-alerts (letters, digits, - and _)";
		}
		return null;
	}

	/**
	 * Why {@code value} may not be used as a channel URL, or null when it may.
	 * @param value the URL as given
	 * @param webhook whether the URL is one a self-hosted receiver may have (webhooks,
	 * ntfy, vendor API bases), so {@code allowHttpFor} applies
	 * @param allowHttpFor hosts that may be reached over http and at internal addresses
	 */
	static @Nullable String problem(String value, boolean webhook, List<String> allowHttpFor) {
		if (value.length() > 2048) {
			return "must be at most 2048 characters";
		}
		URI uri;
		try {
			uri = new URI(value);
		}
		catch (URISyntaxException ex) {
			return "is not a URL: " + ex.getReason();
		}
		String scheme = (uri.getScheme() != null) ? uri.getScheme().toLowerCase(Locale.ROOT) : "";
		String host = (uri.getHost() != null) ? uri.getHost().toLowerCase(Locale.ROOT) : null;
		if (!uri.isAbsolute() || host == null || !(scheme.equals("https") || scheme.equals("http"))) {
			return "must be an absolute https URL with a host";
		}
		String bare = host.startsWith("[") ? host.substring(1, host.length() - 1) : host;
		boolean allowed = webhook && allowHttpFor.contains(bare);
		if (scheme.equals("http") && !allowed) {
			return "must use https" + (webhook ? " (or name a host in " + ALLOWED_HOSTS + ")" : "");
		}
		if (allowed) {
			return null;
		}
		TargetPolicy.HostRefusal refusal = HOSTS.refusalForName(host);
		if (refusal == null) {
			return null;
		}
		return switch (refusal.kind()) {
			case INTERNAL_NAME -> "must not point at an internal host";
			case INTERNAL_ADDRESS -> "must not point at a loopback, private, link-local or reserved address";
			case AMBIGUOUS_NUMBER -> "must name a host or a dotted IPv4 address";
		};
	}

}
