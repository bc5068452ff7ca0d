package io.pepper.admin.endpoint;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

import io.pepper.admin.ui.FieldErrors;
import io.pepper.contracts.v1.BodyAssertion;
import io.pepper.contracts.v1.CheckKind;
import io.pepper.contracts.v1.CheckSettings;
import io.pepper.contracts.v1.DnsRcode;
import io.pepper.contracts.v1.DnsRecordType;
import io.pepper.contracts.v1.HttpMethod;
import io.pepper.contracts.v1.HttpVersion;
import io.pepper.contracts.v1.StatusRange;
import org.jspecify.annotations.Nullable;

/**
 * An endpoint as the web form edits it: text fields people can type, turned into an
 * {@link EndpointRequest} that the API's validation then checks. Headers are one
 * {@code Name: value} per line; expected status codes are a list like
 * {@code 200-299, 301}; assertions are one per line, {@code contains: text},
 * {@code lacks: text} or {@code json: $.path = value}; tags are comma-separated.
 *
 * @param name what people call it
 * @param url the URL checked
 * @param method the request method
 * @param headers request headers, one per line
 * @param body request body
 * @param expectedStatus accepted codes and ranges
 * @param assertions body assertions, one per line
 * @param timeoutMs deadline of one check
 * @param followRedirects whether redirects are followed
 * @param apdexThresholdMs the Apdex threshold T
 * @param intervalSeconds how often it is checked
 * @param enabled whether probes check it
 * @param locations where it is checked from
 * @param tags comma-separated labels
 * @param http11Only whether checks speak HTTP/1.1 even where the server offers HTTP/2
 * @param kind HTTP, TCP, DNS or TLS
 * @param tcpTls whether a TCP check speaks TLS
 * @param tcpSend what a TCP check sends, with {@code \r} and {@code \n} written out
 * @param tcpExpect what a TCP check expects in the answer, written as {@code tcpSend}
 * @param dnsRecordType what a DNS check asks for
 * @param dnsResolver the name server a DNS check asks, {@code host} or {@code host:port};
 * empty for the probe's
 * @param dnsRcode the response code a DNS check expects
 * @param dnsAnswers the answers a DNS check expects, one per line
 * @param dnsMatchAll whether every expected answer is needed (else one is enough)
 * @param tlsWarningDays days before a certificate's expiry to warn, comma-separated
 */
record EndpointForm(@Nullable String name, @Nullable String url, @Nullable String method, @Nullable String headers,
		@Nullable String body, @Nullable String expectedStatus, @Nullable String assertions, @Nullable String timeoutMs,
		@Nullable Boolean followRedirects, @Nullable String apdexThresholdMs, @Nullable String intervalSeconds,
		@Nullable Boolean enabled, @Nullable List<String> locations, @Nullable String tags,
		@Nullable Boolean http11Only, @Nullable String kind, @Nullable Boolean tcpTls, @Nullable String tcpSend,
		@Nullable String tcpExpect, @Nullable String dnsRecordType, @Nullable String dnsResolver,
		@Nullable String dnsRcode, @Nullable String dnsAnswers, @Nullable Boolean dnsMatchAll,
		@Nullable String tlsWarningDays) {

	static final String CONTAINS = "contains:";

	static final String LACKS = "lacks:";

	static final String JSON = "json:";

	/** A new endpoint's form: the API's defaults, checked from every location. */
	static EndpointForm blank(List<String> allLocations) {
		return new EndpointForm("", "https://", "GET", "", "", "", "",
				String.valueOf(EndpointSettings.DEFAULT_TIMEOUT_MS), false,
				String.valueOf(EndpointSettings.DEFAULT_APDEX_THRESHOLD_MS),
				String.valueOf(EndpointSettings.DEFAULT_INTERVAL_SECONDS), true, allLocations, "", false, "HTTP", false,
				"", "", "A", "", "NOERROR", "", false, days(CheckSettings.Tls.DEFAULT_WARNING_DAYS));
	}

	static EndpointForm of(EndpointSettings settings) {
		return new EndpointForm(settings.name(), settings.url().toString(), settings.method().name(),
				settings.headers()
					.entrySet()
					.stream()
					.sorted(Map.Entry.comparingByKey())
					.map((header) -> header.getKey() + ": " + header.getValue())
					.collect(Collectors.joining("\n")),
				Objects.requireNonNullElse(settings.body(), ""),
				settings.expectedStatus()
					.stream()
					.map((range) -> (range.from() == range.to()) ? String.valueOf(range.from())
							: range.from() + "-" + range.to())
					.collect(Collectors.joining(", ")),
				settings.assertions().stream().map(EndpointForm::line).collect(Collectors.joining("\n")),
				String.valueOf(settings.timeoutMs()), settings.followRedirects(),
				String.valueOf(settings.apdexThresholdMs()), String.valueOf(settings.intervalSeconds()),
				settings.enabled(), settings.locations(), String.join(", ", settings.tags()),
				settings.httpVersion() == HttpVersion.HTTP_1_1, settings.kind().name(),
				(settings.settings() instanceof CheckSettings.Tcp tcp) && tcp.tls(),
				(settings.settings() instanceof CheckSettings.Tcp tcp) ? escape(tcp.send()) : "",
				(settings.settings() instanceof CheckSettings.Tcp tcp) ? escape(tcp.expect()) : "",
				(settings.settings() instanceof CheckSettings.Dns dns) ? dns.recordType().name() : "A",
				(settings.settings() instanceof CheckSettings.Dns dns) ? Objects.requireNonNullElse(dns.resolver(), "")
						: "",
				(settings.settings() instanceof CheckSettings.Dns dns) ? dns.expectedRcode().name() : "NOERROR",
				(settings.settings() instanceof CheckSettings.Dns dns) ? String.join("\n", dns.expectedAnswers()) : "",
				(settings.settings() instanceof CheckSettings.Dns dns) && dns.match() == CheckSettings.AnswerMatch.ALL,
				days((settings.settings() instanceof CheckSettings.Tls tls) ? tls.expiryWarningDays()
						: CheckSettings.Tls.DEFAULT_WARNING_DAYS));
	}

	/**
	 * The request this form describes; what cannot even be parsed is added to
	 * {@code errors} (and left out of the request).
	 */
	EndpointRequest toRequest(FieldErrors errors) {
		return new EndpointRequest(this.name, this.url, method(errors), headers(errors), blankToNull(this.body),
				expectedStatus(errors), assertions(errors), number("timeoutMs", this.timeoutMs, errors),
				Boolean.TRUE.equals(this.followRedirects), number("apdexThresholdMs", this.apdexThresholdMs, errors),
				number("intervalSeconds", this.intervalSeconds, errors), Boolean.TRUE.equals(this.enabled),
				Objects.requireNonNullElse(this.locations, List.of()), parseTags(),
				Boolean.TRUE.equals(this.http11Only) ? HttpVersion.HTTP_1_1 : HttpVersion.AUTO, kind(errors),
				settings(errors));
	}

	private @Nullable CheckKind kind(FieldErrors errors) {
		if (this.kind == null || this.kind.isBlank()) {
			return null;
		}
		try {
			return CheckKind.valueOf(this.kind.strip().toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException ex) {
			errors.add("kind", "must be one of " + Arrays.toString(CheckKind.values()));
			return null;
		}
	}

	/** The settings of the chosen kind; the other kinds' fields are ignored. */
	private @Nullable CheckSettings settings(FieldErrors errors) {
		CheckKind chosen = kind(new FieldErrors());
		if (chosen == null || chosen == CheckKind.HTTP) {
			return null;
		}
		return switch (chosen) {
			case TCP -> build(errors, "tcpSend", () -> new CheckSettings.Tcp(Boolean.TRUE.equals(this.tcpTls),
					unescape(this.tcpSend), unescape(this.tcpExpect)));
			case DNS -> dns(errors);
			case TLS -> tls(errors);
			case HTTP -> null;
		};
	}

	private @Nullable CheckSettings dns(FieldErrors errors) {
		DnsRecordType type = choice(DnsRecordType.class, this.dnsRecordType, DnsRecordType.A, "dnsRecordType", errors);
		DnsRcode rcode = choice(DnsRcode.class, this.dnsRcode, DnsRcode.NOERROR, "dnsRcode", errors);
		List<String> answers = Arrays.stream(Objects.requireNonNullElse(this.dnsAnswers, "").split("\r?\n"))
			.map(String::strip)
			.filter((line) -> !line.isEmpty())
			.toList();
		String resolver = (this.dnsResolver == null || this.dnsResolver.isBlank()) ? null : this.dnsResolver.strip();
		if (type == null || rcode == null) {
			return null;
		}
		return build(errors, "dnsResolver", () -> new CheckSettings.Dns(type, resolver, rcode, answers,
				Boolean.TRUE.equals(this.dnsMatchAll) ? CheckSettings.AnswerMatch.ALL : CheckSettings.AnswerMatch.ANY));
	}

	private @Nullable CheckSettings tls(FieldErrors errors) {
		List<Integer> days = new ArrayList<>();
		for (String part : Objects.requireNonNullElse(this.tlsWarningDays, "").split("[,\\s]+")) {
			if (part.isBlank()) {
				continue;
			}
			try {
				days.add(Integer.parseInt(part));
			}
			catch (NumberFormatException ex) {
				errors.add("tlsWarningDays", "'" + part + "': write whole days like 30, 14, 7, 1");
				return null;
			}
		}
		return build(errors, "tlsWarningDays", () -> new CheckSettings.Tls(days));
	}

	private static @Nullable CheckSettings build(FieldErrors errors, String field,
			java.util.function.Supplier<CheckSettings> settings) {
		try {
			return settings.get();
		}
		catch (IllegalArgumentException ex) {
			String message = String.valueOf(ex.getMessage());
			// "settings.expect length must be ..." belongs to the form's tcpExpect
			String named = message.startsWith("settings.expect") ? "tcpExpect"
					: message.startsWith("settings.expectedAnswers") ? "dnsAnswers" : field;
			errors.add(named, message.replaceFirst("^settings\\.[A-Za-z]+(\\[\\d+\\])?( length)? ?", ""));
			return null;
		}
	}

	private static <E extends Enum<E>> @Nullable E choice(Class<E> type, @Nullable String text, E fallback,
			String field, FieldErrors errors) {
		if (text == null || text.isBlank()) {
			return fallback;
		}
		try {
			return Enum.valueOf(type, text.strip().toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException ex) {
			errors.add(field, "must be one of " + Arrays.toString(type.getEnumConstants()));
			return null;
		}
	}

	private static String days(List<Integer> days) {
		return days.stream().map(String::valueOf).collect(Collectors.joining(", "));
	}

	/** Text as typed in one line: {@code \r}, {@code \n} and {@code \\} written out. */
	static String escape(@Nullable String text) {
		if (text == null) {
			return "";
		}
		return text.replace("\\", "\\\\").replace("\r", "\\r").replace("\n", "\\n");
	}

	static @Nullable String unescape(@Nullable String text) {
		if (text == null || text.isEmpty()) {
			return null;
		}
		StringBuilder out = new StringBuilder();
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (c == '\\' && i + 1 < text.length()) {
				char next = text.charAt(++i);
				switch (next) {
					case 'r' -> out.append('\r');
					case 'n' -> out.append('\n');
					case 't' -> out.append('\t');
					case '\\' -> out.append('\\');
					default -> out.append(c).append(next);
				}
			}
			else {
				out.append(c);
			}
		}
		return out.toString();
	}

	private @Nullable HttpMethod method(FieldErrors errors) {
		if (this.method == null || this.method.isBlank()) {
			return null;
		}
		try {
			return HttpMethod.valueOf(this.method.strip().toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException ex) {
			errors.add("method", "must be one of " + Arrays.toString(HttpMethod.values()));
			return null;
		}
	}

	/**
	 * Lines split on LF (and CR LF) only: a lone CR stays in the value, where the header
	 * check refuses it rather than silently starting a new header.
	 */
	private @Nullable Map<String, String> headers(FieldErrors errors) {
		Map<String, String> headers = new LinkedHashMap<>();
		String[] lines = Objects.requireNonNullElse(this.headers, "").split("\r?\n");
		for (int i = 0; i < lines.length; i++) {
			String line = lines[i];
			if (line.isBlank()) {
				continue;
			}
			int colon = line.indexOf(':');
			if (colon <= 0) {
				errors.add("headers", "line " + (i + 1) + ": write each header as 'Name: value'");
				return null;
			}
			String name = line.substring(0, colon).strip();
			if (headers.put(name, line.substring(colon + 1).stripLeading()) != null) {
				errors.add("headers", "header '" + name + "' is given twice");
				return null;
			}
		}
		return headers;
	}

	private @Nullable List<StatusRange> expectedStatus(FieldErrors errors) {
		List<StatusRange> ranges = new ArrayList<>();
		for (String part : Objects.requireNonNullElse(this.expectedStatus, "").split("[,\\s]+")) {
			if (part.isBlank()) {
				continue;
			}
			try {
				int dash = part.indexOf('-');
				ranges.add((dash < 0) ? StatusRange.of(Integer.parseInt(part)) : new StatusRange(
						Integer.parseInt(part.substring(0, dash)), Integer.parseInt(part.substring(dash + 1))));
			}
			catch (IllegalArgumentException ex) {
				String why = (ex instanceof NumberFormatException) ? "write codes like 200 or ranges like 200-299"
						: ex.getMessage();
				errors.add("expectedStatus", "'" + part + "': " + why);
				return null;
			}
		}
		return ranges;
	}

	private @Nullable List<BodyAssertion> assertions(FieldErrors errors) {
		List<BodyAssertion> assertions = new ArrayList<>();
		String[] lines = Objects.requireNonNullElse(this.assertions, "").split("\r?\n");
		for (int i = 0; i < lines.length; i++) {
			String line = lines[i].strip();
			if (line.isEmpty()) {
				continue;
			}
			try {
				assertions.add(assertion(line));
			}
			catch (IllegalArgumentException ex) {
				errors.add("assertions", "line " + (i + 1) + ": " + ex.getMessage());
				return null;
			}
		}
		return assertions;
	}

	private static BodyAssertion assertion(String line) {
		String lower = line.toLowerCase(Locale.ROOT);
		if (lower.startsWith(CONTAINS)) {
			return new BodyAssertion.KeywordPresent(line.substring(CONTAINS.length()).strip());
		}
		if (lower.startsWith(LACKS)) {
			return new BodyAssertion.KeywordAbsent(line.substring(LACKS.length()).strip());
		}
		if (lower.startsWith(JSON)) {
			String rest = line.substring(JSON.length());
			int equals = rest.indexOf('=');
			if (equals < 0) {
				throw new IllegalArgumentException("write 'json: $.path = value'");
			}
			return new BodyAssertion.JsonPathEquals(rest.substring(0, equals).strip(),
					rest.substring(equals + 1).strip());
		}
		throw new IllegalArgumentException("start with 'contains:', 'lacks:' or 'json:'");
	}

	private static String line(BodyAssertion assertion) {
		return switch (assertion) {
			case BodyAssertion.KeywordPresent present -> CONTAINS + " " + present.keyword();
			case BodyAssertion.KeywordAbsent absent -> LACKS + " " + absent.keyword();
			case BodyAssertion.JsonPathEquals json -> JSON + " " + json.path() + " = " + json.expected();
		};
	}

	private static @Nullable Integer number(String field, @Nullable String text, FieldErrors errors) {
		if (text == null || text.isBlank()) {
			return null;
		}
		try {
			long value = Long.parseLong(text.strip());
			if (value < Integer.MIN_VALUE || value > Integer.MAX_VALUE) {
				errors.add(field, "is far too large");
				return null;
			}
			return (int) value;
		}
		catch (NumberFormatException ex) {
			errors.add(field, "must be a whole number");
			return null;
		}
	}

	private List<String> parseTags() {
		return Arrays.stream(Objects.requireNonNullElse(this.tags, "").split(","))
			.map(String::strip)
			.filter((tag) -> !tag.isEmpty())
			.toList();
	}

	private static @Nullable String blankToNull(@Nullable String text) {
		return (text == null || text.isEmpty()) ? null : text;
	}

}
