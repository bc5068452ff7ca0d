package io.pepper.testsupport;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * The one table of endpoint URLs that admin-app's creation and the probe's reading are
 * both tested against, so the two never disagree on which URL can be checked.
 */
public final class CheckUrlCases {

	private CheckUrlCases() {
	}

	/**
	 * One URL and what becomes of it.
	 *
	 * @param url the URL as a person would type it
	 * @param refusal words the refusal must contain, or null when the URL is accepted
	 */
	public record Case(String url, @Nullable String refusal) {

		public boolean accepted() {
			return this.refusal == null;
		}

		@Override
		public String toString() {
			return this.url;
		}

	}

	/** Every case. */
	public static final List<Case> ALL = List.of(ok("https://shop.example.com/health?full=1"),
			ok("HTTPS://Shop.Example.COM/"), ok("http://shop.example.com:8080/"), ok("http://shop.example.com:65535/"),
			ok("http://[2001:db8::1]:8443/status"), ok("http://192.0.2.10/"),
			bad("http://example.com:99999/", "must have a port from 1 to 65535 but was 99999"),
			bad("https://example.com:0/", "must have a port from 1 to 65535 but was 0"),
			bad("http://user:pass@example.com/", "must not carry a user name or password"),
			bad("https://token@example.com/", "must not carry a user name or password"),
			bad("http://exa_mple.com/", "must name a host"), bad("http://example.com:abc/", "must name a host"),
			bad("http:///no-host", "must name a host"),
			bad("ftp://example.com/file", "must be an absolute http or https URL"),
			bad("javascript:alert(1)", "must be an absolute http or https URL"),
			bad("/relative/path", "must be an absolute http or https URL"),
			bad("http://a b.example.com/", "Illegal character in authority"));

	/**
	 * A target of a check of another kind than HTTP and what becomes of it.
	 *
	 * @param kind the name of the kind of check, as in the wire's {@code kind}
	 * @param url the target as a person would type it
	 * @param refusal words the refusal must contain, or null when it is accepted
	 */
	public record KindCase(String kind, String url, @Nullable String refusal) {

		public boolean accepted() {
			return this.refusal == null;
		}

		@Override
		public String toString() {
			return this.kind + " " + this.url;
		}

	}

	/** Every case of the kinds other than HTTP. */
	public static final List<KindCase> OTHER_KINDS = List.of(new KindCase("TCP", "tcp://db.example.com:5432", null),
			new KindCase("TCP", "tcp://[2001:db8::1]:6379", null),
			new KindCase("TCP", "tcp://db.example.com",
					"must have a port from 1 to 65535 (tcp://host:port) but was none"),
			new KindCase("TCP", "tcp://db.example.com:0", "must have a port from 1 to 65535"),
			new KindCase("TCP", "tcp://db.example.com:5432/path", "with nothing after the port"),
			new KindCase("TCP", "tcp://user@db.example.com:5432", "must not carry a user name or password"),
			new KindCase("TCP", "https://db.example.com/", "must be tcp://host:port for a TCP check"),
			new KindCase("TLS", "tls://shop.example.com:443", null),
			new KindCase("TLS", "tcp://shop.example.com:443", "must be tls://host:port for a TLS check"),
			new KindCase("TLS", "tls://sh_op.example.com:443", "must name a host"),
			new KindCase("DNS", "dns:example.com", null), new KindCase("DNS", "dns:_dmarc.example.com.", null),
			new KindCase("DNS", "dns:-bad.example.com",
					"must name a host in letters, digits, '-', '_' and '.' after dns:"),
			new KindCase("DNS", "dns:example.com?type=A", "after dns:"),
			new KindCase("DNS", "example.com", "must be dns:name for a DNS check"),
			new KindCase("HTTP", "tcp://db.example.com:5432", "must be an absolute http or https URL"));

	private static Case ok(String url) {
		return new Case(url, null);
	}

	private static Case bad(String url, String refusal) {
		return new Case(url, refusal);
	}

}
