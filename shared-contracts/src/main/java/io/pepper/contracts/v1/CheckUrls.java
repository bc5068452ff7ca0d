package io.pepper.contracts.v1;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The one rule for the URL of an endpoint: what admin-app accepts when an endpoint is
 * created or changed, and what a probe checks. A URL is checkable when {@link URI} reads
 * it, its scheme is http or https, it names a host, its port (if any) is 1 to 65535, and
 * it carries no user name or password.
 * <p>
 * User info is refused rather than masked: a check never sends it (credentials go in an
 * {@code Authorization} header, which is kept as a secret), and the URL travels in lists,
 * exports, history, notifications and webhooks, where no mask could follow it.
 */
public final class CheckUrls {

	private static final Pattern HOST_NAME = Pattern.compile(
			"(?=.{1,253}\\.?$)([A-Za-z0-9_]([A-Za-z0-9_-]{0,61}[A-Za-z0-9_])?)(\\.[A-Za-z0-9_]([A-Za-z0-9_-]{0,61}[A-Za-z0-9_])?)*\\.?");

	private CheckUrls() {
	}

	/**
	 * What is wrong with {@code url} as the target of a check of {@code kind}; empty when
	 * nothing is. HTTP takes an http or https URL (see {@link #problem(URI)}), TCP
	 * {@code tcp://host:port}, TLS {@code tls://host:port} and DNS {@code dns:name}.
	 */
	public static Optional<String> problem(CheckKind kind, String url) {
		try {
			return problem(kind, new URI(url));
		}
		catch (URISyntaxException ex) {
			return Optional.of("must be a URL but " + ex.getMessage());
		}
	}

	/** What is wrong with {@code url} as the target of a check of {@code kind}. */
	public static Optional<String> problem(CheckKind kind, URI url) {
		if (kind == CheckKind.HTTP) {
			return problem(url);
		}
		Optional<String> unreadable = unreadable(kind, url);
		if (unreadable.isPresent() || kind == CheckKind.DNS) {
			return unreadable;
		}
		if (url.getRawUserInfo() != null) {
			return Optional.of("must not carry a user name or password");
		}
		String path = url.getRawPath();
		if ((path != null && !path.isEmpty() && !path.equals("/")) || url.getRawQuery() != null
				|| url.getRawFragment() != null) {
			return Optional.of("must be " + kind.scheme() + "://host:port with nothing after the port but was " + url);
		}
		return Optional.empty();
	}

	/**
	 * The name a DNS check asks about: the part after {@code dns:}, without a trailing
	 * dot.
	 */
	public static String dnsName(URI url) {
		String name = url.getSchemeSpecificPart();
		if (name.startsWith("//")) {
			name = name.substring(2);
		}
		return (name.endsWith(".") && name.length() > 1) ? name.substring(0, name.length() - 1) : name;
	}

	/**
	 * Whether {@code host} is a DNS name: labels of letters, digits, '-' and '_' (as in
	 * {@code _dmarc.example.com}), at most 63 characters each and 253 in all.
	 */
	public static boolean isHostName(String host) {
		return HOST_NAME.matcher(host).matches();
	}

	static Optional<String> unreadable(CheckKind kind, URI url) {
		if (kind == CheckKind.HTTP) {
			return unreadable(url);
		}
		String scheme = (url.getScheme() != null) ? url.getScheme().toLowerCase(Locale.ROOT) : "";
		if (kind == CheckKind.DNS) {
			if (!scheme.equals("dns")) {
				return Optional.of("must be dns:name for a DNS check, e.g. dns:example.com, but was " + url);
			}
			String name = dnsName(url);
			if (!isHostName(name) || url.getRawQuery() != null || url.getRawFragment() != null) {
				return Optional.of("must name a host in letters, digits, '-', '_' and '.' after dns: but was " + url);
			}
			return Optional.empty();
		}
		String example = kind.scheme() + "://host:port";
		if (!url.isAbsolute() || !scheme.equals(kind.scheme())) {
			return Optional.of("must be " + example + " for a " + kind + " check but was " + url);
		}
		if (url.getHost() == null) {
			return Optional.of("must name a host in letters, digits, '-' and '.' but was " + url);
		}
		if (url.getPort() < 1 || url.getPort() > 65_535) {
			return Optional.of("must have a port from 1 to 65535 (" + example + ") but was "
					+ ((url.getPort() < 0) ? "none" : url.getPort()));
		}
		return Optional.empty();
	}

	/** What is wrong with {@code url} as the URL of a check; empty when nothing is. */
	public static Optional<String> problem(String url) {
		try {
			return problem(new URI(url));
		}
		catch (URISyntaxException ex) {
			return Optional.of("must be a URL but " + ex.getMessage());
		}
	}

	/** What is wrong with {@code url} as the URL of a check; empty when nothing is. */
	public static Optional<String> problem(URI url) {
		Optional<String> unreadable = unreadable(url);
		if (unreadable.isPresent()) {
			return unreadable;
		}
		if (url.getPort() == 0 || url.getPort() > 65_535) {
			return Optional.of("must have a port from 1 to 65535 but was " + url.getPort());
		}
		if (url.getRawUserInfo() != null) {
			return Optional.of("must not carry a user name or password; send credentials in an Authorization header");
		}
		return Optional.empty();
	}

	/**
	 * The part of the rule every {@link EndpointSpec} keeps, so that a list holding an
	 * older endpoint that breaks the rest still reads: an http or https URL naming a
	 * host.
	 */
	static Optional<String> unreadable(URI url) {
		String scheme = (url.getScheme() != null) ? url.getScheme().toLowerCase(Locale.ROOT) : "";
		if (!url.isAbsolute() || !(scheme.equals("http") || scheme.equals("https"))) {
			return Optional.of("must be an absolute http or https URL but was " + url);
		}
		if (url.getHost() == null) {
			// e.g. an underscore in the host name, or a port that is no number
			return Optional.of("must name a host in letters, digits, '-' and '.' but was " + url);
		}
		return Optional.empty();
	}

}
