package io.pepper.admin.channel;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * The configuration-time SSRF guard for channel URLs: https only (http for allowed hosts
 * on webhooks), and no literal loopback, private, link-local (metadata) or otherwise
 * internal address. Names are resolved and checked again by failure-service when it
 * delivers.
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
		if (literal != null && internal(literal)) {
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

	static boolean internal(InetAddress address) {
		if (address.isAnyLocalAddress() || address.isLoopbackAddress() || address.isLinkLocalAddress()
				|| address.isSiteLocalAddress() || address.isMulticastAddress()) {
			return true;
		}
		byte[] b = address.getAddress();
		if (address instanceof Inet4Address) {
			int first = b[0] & 0xff;
			int second = b[1] & 0xff;
			// 0/8, CGNAT 100.64/10, 192.0.0/24, benchmarking 198.18/15, 240/4 and
			// broadcast.
			return first == 0 || (first == 100 && (second & 0xc0) == 64)
					|| (first == 192 && second == 0 && (b[2] & 0xff) == 0) || (first == 198 && (second & 0xfe) == 18)
					|| first >= 240;
		}
		if (address instanceof Inet6Address) {
			// Unique-local fc00::/7, and IPv4 embedded in IPv6 (mapped, compatible,
			// NAT64).
			if ((b[0] & 0xfe) == 0xfc) {
				return true;
			}
			boolean embedded = true;
			for (int i = 0; i < 10; i++) {
				embedded &= b[i] == 0;
			}
			boolean nat64 = (b[0] & 0xff) == 0x00 && (b[1] & 0xff) == 0x64 && (b[2] & 0xff) == 0xff
					&& (b[3] & 0xff) == 0x9b;
			return embedded || nat64;
		}
		return false;
	}

}
