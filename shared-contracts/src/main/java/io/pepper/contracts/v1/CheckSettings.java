package io.pepper.contracts.v1;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import org.jspecify.annotations.Nullable;

/**
 * The settings of a check that is not HTTP, one record per kind. (An HTTP check keeps its
 * settings in the fields of {@link EndpointSpec}, where they were before there were other
 * kinds.)
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({ @JsonSubTypes.Type(value = CheckSettings.Tcp.class, name = "tcp"),
		@JsonSubTypes.Type(value = CheckSettings.Dns.class, name = "dns"),
		@JsonSubTypes.Type(value = CheckSettings.Tls.class, name = "tls") })
public sealed interface CheckSettings {

	/** Most text a TCP check sends or expects. */
	int MAX_TEXT = 4096;

	/** The kind these settings belong to. */
	@JsonIgnore
	CheckKind kind();

	/** The settings a check of {@code kind} has when none are given; null for HTTP. */
	static @Nullable CheckSettings defaults(CheckKind kind) {
		return switch (kind) {
			case HTTP -> null;
			case TCP -> new Tcp(false, null, null);
			case DNS -> new Dns(DnsRecordType.A, null, DnsRcode.NOERROR, List.of(), AnswerMatch.ANY);
			case TLS -> new Tls(Tls.DEFAULT_WARNING_DAYS);
		};
	}

	/**
	 * A TCP connection.
	 *
	 * @param tls whether the connection speaks TLS once connected (the certificate is
	 * verified)
	 * @param send text sent once connected, or null to send nothing
	 * @param expect text the answer must contain, or null to expect nothing; the check
	 * reads until it appears, the connection closes, or the deadline
	 */
	record Tcp(boolean tls, @Nullable String send, @Nullable String expect) implements CheckSettings {

		public Tcp {
			if (send != null) {
				Require.storable(send, "settings.send");
				Require.between(send.length(), 1, MAX_TEXT, "settings.send length");
			}
			if (expect != null) {
				Require.storable(expect, "settings.expect");
				Require.between(expect.length(), 1, MAX_TEXT, "settings.expect length");
			}
		}

		@Override
		public CheckKind kind() {
			return CheckKind.TCP;
		}

	}

	/**
	 * A DNS query for the name of the check's {@code dns:} URL.
	 *
	 * @param recordType what is asked for
	 * @param resolver the name server asked, as {@code host} or {@code host:port} (port
	 * 53 by default), or null for the probe's own resolver
	 * @param expectedRcode the response code the answer must have
	 * @param expectedAnswers answers the response must hold, as text (an address, a name,
	 * {@code 10 mail.example.com} for MX, the text of a TXT record); empty means any
	 * answer will do
	 * @param match whether one expected answer is enough or all are needed
	 */
	record Dns(DnsRecordType recordType, @Nullable String resolver, DnsRcode expectedRcode,
			List<String> expectedAnswers, AnswerMatch match) implements CheckSettings {

		public Dns {
			recordType = (recordType != null) ? recordType : DnsRecordType.A;
			expectedRcode = (expectedRcode != null) ? expectedRcode : DnsRcode.NOERROR;
			match = (match != null) ? match : AnswerMatch.ANY;
			expectedAnswers = Require.list(expectedAnswers, "settings.expectedAnswers");
			for (int i = 0; i < expectedAnswers.size(); i++) {
				Require.text(expectedAnswers.get(i), "settings.expectedAnswers[" + i + "]");
			}
			if (resolver != null) {
				String problem = resolverProblem(resolver).orElse(null);
				if (problem != null) {
					throw new IllegalArgumentException("settings.resolver " + problem);
				}
			}
		}

		@Override
		public CheckKind kind() {
			return CheckKind.DNS;
		}

		/** What is wrong with {@code resolver} as {@code host} or {@code host:port}. */
		public static Optional<String> resolverProblem(String resolver) {
			return HostPort.parse(resolver, 53).problem();
		}

		/** The resolver's host and port; call only when {@link #resolver()} is set. */
		public HostPort resolverAddress() {
			return HostPort.parse(Require.present(this.resolver, "settings.resolver"), 53);
		}

	}

	/**
	 * A TLS handshake, to judge the certificate.
	 *
	 * @param expiryWarningDays how many days before its expiry a certificate is warned
	 * about, one warning each; {@link #DEFAULT_WARNING_DAYS} when left out
	 */
	record Tls(List<Integer> expiryWarningDays) implements CheckSettings {

		public static final List<Integer> DEFAULT_WARNING_DAYS = List.of(30, 14, 7, 1);

		public Tls {
			expiryWarningDays = (expiryWarningDays == null || expiryWarningDays.isEmpty()) ? DEFAULT_WARNING_DAYS
					: Require.list(expiryWarningDays, "settings.expiryWarningDays");
			for (int days : expiryWarningDays) {
				Require.between(days, 1, 365, "settings.expiryWarningDays");
			}
			expiryWarningDays = expiryWarningDays.stream().distinct().sorted((a, b) -> b - a).toList();
		}

		@Override
		public CheckKind kind() {
			return CheckKind.TLS;
		}

	}

	/** Whether a DNS check needs one of its expected answers or all of them. */
	enum AnswerMatch {

		ANY, ALL

	}

	/**
	 * A host and port as people write them: {@code ns.example.com},
	 * {@code 192.0.2.1:5353}, {@code [2001:db8::1]:53}.
	 */
	record HostPort(String host, int port, @Nullable String problemText) {

		static HostPort parse(String text, int defaultPort) {
			String value = text.trim();
			if (value.isEmpty()) {
				return new HostPort("", defaultPort, "must not be blank");
			}
			String host = value;
			String port = null;
			if (value.startsWith("[")) {
				int close = value.indexOf(']');
				if (close < 0) {
					return new HostPort(value, defaultPort, "must close the IPv6 address with ']' but was " + text);
				}
				host = value.substring(1, close);
				String rest = value.substring(close + 1);
				if (!rest.isEmpty()) {
					if (!rest.startsWith(":")) {
						return new HostPort(host, defaultPort, "must be host or host:port but was " + text);
					}
					port = rest.substring(1);
				}
			}
			else if (value.indexOf(':') != value.lastIndexOf(':')) {
				// a bare IPv6 address
				host = value;
			}
			else if (value.indexOf(':') >= 0) {
				host = value.substring(0, value.indexOf(':'));
				port = value.substring(value.indexOf(':') + 1);
			}
			int number = defaultPort;
			if (port != null) {
				try {
					number = Integer.parseInt(port);
				}
				catch (NumberFormatException ex) {
					return new HostPort(host, defaultPort, "must have a port from 1 to 65535 but was '" + port + "'");
				}
				if (number < 1 || number > 65_535) {
					return new HostPort(host, number, "must have a port from 1 to 65535 but was " + number);
				}
			}
			if (!host.contains(":") && !CheckUrls.isHostName(host)) {
				return new HostPort(host, number,
						"must name a host in letters, digits, '-' and '.' but was '" + host + "'");
			}
			return new HostPort(host.toLowerCase(Locale.ROOT), number, null);
		}

		Optional<String> problem() {
			return Optional.ofNullable(this.problemText);
		}

	}

}
