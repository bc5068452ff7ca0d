package io.pepper.admin.channel;

import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import io.pepper.net.TargetPolicy;
import org.jspecify.annotations.Nullable;

/**
 * The configuration-time SSRF guard for channel URLs: https only (http for allowed hosts
 * on webhooks), and no literal loopback, private, link-local (metadata) or otherwise
 * internal address (by the same classification as the delivery-time guard). Names are
 * resolved and checked again by failure-service when it delivers.
 */
final class ChannelUrls {

	/** Hosts made of digits, dots and hex: numeric forms like 2130706433 or 0x7f.1. */
	private static final Pattern NUMERIC_HOST = Pattern.compile("(0x)?[0-9a-fx.]+", Pattern.CASE_INSENSITIVE);

	private static final List<String> INTERNAL_NAMES = List.of("localhost", "metadata.google.internal", "metadata");

	private ChannelUrls() {
	}

	/**
	 * Why {@code value} may not be used as a channel URL, or null when it may.
	 * @param value the URL as given
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
			return "must use https"
					+ (webhook ? " (or name a host in pepper.admin.channels.allowed-webhook-hosts)" : "");
		}
		if (allowed) {
			return null;
		}
		if (INTERNAL_NAMES.contains(bare) || bare.endsWith(".localhost") || bare.endsWith(".internal")) {
			return "must not point at an internal host";
		}
		InetAddress literal = literal(bare);
		if (literal != null && TargetPolicy.internalKind(literal) != null) {
			return "must not point at a loopback, private, link-local or reserved address";
		}
		if (literal == null && NUMERIC_HOST.matcher(bare).matches() && !bare.contains("..")) {
			return "must name a host or a dotted IPv4 address";
		}
		return null;
	}

	private static @Nullable InetAddress literal(String host) {
		try {
			return InetAddress.ofLiteral(host);
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

}
