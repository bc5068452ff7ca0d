package io.pepper.http.server;

import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Who may scrape a service's metrics, under {@code pepper.metrics}, the same key in every
 * service.
 *
 * @param scrapeTokenSha256 SHA-256 hex digests of the bearer tokens Prometheus scrapes
 * with; none accepted when empty, so metrics stay closed until one is set
 */
@ConfigurationProperties("pepper.metrics")
public record ScrapeProperties(@Nullable List<String> scrapeTokenSha256) {

	private static final Pattern DIGEST = Pattern.compile("[0-9a-fA-F]{64}");

	public ScrapeProperties {
		scrapeTokenSha256 = List.copyOf(Objects.requireNonNullElse(scrapeTokenSha256, List.of()));
		for (String digest : scrapeTokenSha256) {
			if (!DIGEST.matcher(digest).matches()) {
				throw new IllegalArgumentException("pepper.metrics.scrape-token-sha256 must list SHA-256 hex digests "
						+ "(64 hex digits, echo -n \"$token\" | sha256sum), not the token itself");
			}
		}
	}

	/** The digests, never null. */
	public List<String> digests() {
		return Objects.requireNonNull(this.scrapeTokenSha256);
	}

}
