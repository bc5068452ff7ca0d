package io.pepper.contracts.v1;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Optional;

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

	private CheckUrls() {
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
