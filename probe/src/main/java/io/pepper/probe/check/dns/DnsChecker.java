package io.pepper.probe.check.dns;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;

import io.pepper.contracts.v1.CheckKind;
import io.pepper.contracts.v1.CheckResult;
import io.pepper.contracts.v1.CheckSettings;
import io.pepper.contracts.v1.CheckUrls;
import io.pepper.contracts.v1.DnsRcode;
import io.pepper.contracts.v1.DnsRecordType;
import io.pepper.contracts.v1.EndpointSpec;
import io.pepper.contracts.v1.Outcome;
import io.pepper.contracts.v1.OutcomeKind;
import io.pepper.contracts.v1.Phase;
import io.pepper.contracts.v1.PhaseTimings;
import io.pepper.net.BlockedTargetException;
import io.pepper.probe.check.Checker;
import io.pepper.probe.check.Connector;
import io.pepper.probe.check.Connector.Phases;
import io.pepper.probe.check.Failures;
import io.pepper.probe.check.Results;
import org.xbill.DNS.AAAARecord;
import org.xbill.DNS.ARecord;
import org.xbill.DNS.CNAMERecord;
import org.xbill.DNS.DClass;
import org.xbill.DNS.ExtendedResolver;
import org.xbill.DNS.MXRecord;
import org.xbill.DNS.Message;
import org.xbill.DNS.NSRecord;
import org.xbill.DNS.Name;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.Resolver;
import org.xbill.DNS.Section;
import org.xbill.DNS.SimpleResolver;
import org.xbill.DNS.TXTRecord;
import org.xbill.DNS.TextParseException;
import org.xbill.DNS.Type;

/**
 * Asks a name server one question (A, AAAA, CNAME, MX, TXT or NS) and judges the response
 * code and the answers. The server is the one the check names, which must pass the SSRF
 * guard like any target, or else the probe's own. Recursion is asked for, nothing is
 * cached, and only the DNS phase is timed.
 */
public final class DnsChecker implements Checker {

	private final Connector connector;

	private final List<InetSocketAddress> probeServers;

	private final Clock clock;

	/**
	 * @param connector resolves a resolver given by name, through the SSRF guard
	 * @param probeServers the name servers asked when a check names none
	 */
	public DnsChecker(Connector connector, List<InetSocketAddress> probeServers, Clock clock) {
		this.connector = connector;
		this.probeServers = List.copyOf(probeServers);
		this.clock = clock;
	}

	@Override
	public CheckKind kind() {
		return CheckKind.DNS;
	}

	@Override
	public CheckResult check(EndpointSpec spec, String location, Instant scheduledAt) {
		Instant startedAt = this.clock.instant();
		long start = System.nanoTime();
		Phases phases = new Phases(start, spec.timeoutMs());
		CheckSettings.Dns settings = spec.settings(CheckSettings.Dns.class);
		Outcome outcome;
		Double dnsMs = null;
		try {
			Resolver resolver = resolver(settings, phases);
			Message query = Message.newQuery(Record.newRecord(Name.fromString(CheckUrls.dnsName(spec.url()), Name.root),
					type(settings.recordType()), DClass.IN));
			long asked = System.nanoTime();
			Message response = await(resolver, query, phases);
			dnsMs = (System.nanoTime() - asked) / 1_000_000.0;
			outcome = judge(settings, response);
		}
		catch (TextParseException ex) {
			outcome = Outcome.failed(OutcomeKind.INVALID_SPEC, Phase.DNS, "not a DNS name: " + ex.getMessage());
		}
		catch (BlockedTargetException ex) {
			outcome = Outcome.failed(OutcomeKind.BLOCKED, Phase.DNS, "blocked: resolver " + ex.getMessage());
		}
		catch (TimeoutException ex) {
			outcome = Outcome.failed(OutcomeKind.TIMEOUT, Phase.DNS,
					"no answer within " + spec.timeoutMs() + " ms (" + ex.getMessage() + ")");
		}
		catch (IOException ex) {
			Outcome classified = Failures.classify(ex, Phase.DNS, false, spec.timeoutMs());
			outcome = (classified.kind() == OutcomeKind.DNS_FAILURE || classified.kind() == OutcomeKind.TIMEOUT
					|| classified.kind() == OutcomeKind.BLOCKED) ? classified
							: Outcome.failed(OutcomeKind.DNS_FAILURE, Phase.DNS,
									"no answer from the name server: " + ex.getMessage());
		}
		catch (RuntimeException ex) {
			outcome = Outcome.failed(OutcomeKind.DNS_FAILURE, Phase.DNS, "the check could not run: " + ex);
		}
		PhaseTimings timings = new PhaseTimings(dnsMs, null, null, null, (System.nanoTime() - start) / 1_000_000.0);
		return Results.of(spec, location, scheduledAt, startedAt, timings, outcome);
	}

	private Resolver resolver(CheckSettings.Dns settings, Phases phases) throws IOException {
		List<InetSocketAddress> servers;
		if (settings.resolver() == null) {
			servers = this.probeServers;
		}
		else {
			CheckSettings.HostPort named = settings.resolverAddress();
			String refusal = this.connector.policy().refusalForHost(named.host());
			if (refusal != null) {
				throw new BlockedTargetException(refusal);
			}
			List<InetAddress> addresses = this.connector.resolve(named.host(), phases);
			servers = addresses.stream().map((address) -> new InetSocketAddress(address, named.port())).toList();
		}
		if (servers.isEmpty()) {
			throw new IOException("no name server to ask");
		}
		Duration left = Duration.ofMillis(phases.remainingMillis());
		List<Resolver> resolvers = new ArrayList<>();
		for (InetSocketAddress server : servers) {
			SimpleResolver simple = new SimpleResolver(server);
			simple.setTimeout(left);
			resolvers.add(simple);
		}
		if (resolvers.size() == 1) {
			return resolvers.getFirst();
		}
		ExtendedResolver extended = new ExtendedResolver(resolvers);
		extended.setLoadBalance(false);
		extended.setTimeout(left);
		return extended;
	}

	private static Message await(Resolver resolver, Message query, Phases phases) throws IOException, TimeoutException {
		try {
			return resolver.sendAsync(query)
				.toCompletableFuture()
				.get(Math.max(1, phases.deadlineNanos() - System.nanoTime()), TimeUnit.NANOSECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new TimeoutException("interrupted");
		}
		catch (TimeoutException ex) {
			throw new TimeoutException("asking the name server");
		}
		catch (ExecutionException ex) {
			Throwable cause = ex.getCause();
			while (cause instanceof CompletionException && cause.getCause() != null) {
				cause = cause.getCause();
			}
			if (cause instanceof SocketTimeoutException || cause instanceof TimeoutException) {
				throw new TimeoutException("asking the name server");
			}
			if (cause instanceof IOException io) {
				throw io;
			}
			throw new IOException(String.valueOf(cause), cause);
		}
	}

	static Outcome judge(CheckSettings.Dns settings, Message response) {
		int rcode = response.getRcode();
		if (rcode != settings.expectedRcode().value()) {
			return Outcome.failed(OutcomeKind.DNS_RCODE_MISMATCH, Phase.DNS,
					"expected rcode " + settings.expectedRcode() + " but got " + Rcode.string(rcode));
		}
		if (settings.expectedRcode() != DnsRcode.NOERROR) {
			return Outcome.up();
		}
		int type = type(settings.recordType());
		List<String> answers = response.getSection(Section.ANSWER)
			.stream()
			.filter((record) -> record.getType() == type)
			.map(DnsChecker::text)
			.toList();
		if (answers.isEmpty()) {
			return Outcome.failed(OutcomeKind.DNS_ANSWER_MISMATCH, Phase.DNS,
					"no " + settings.recordType() + " record in the answer");
		}
		if (settings.expectedAnswers().isEmpty()) {
			return Outcome.up();
		}
		List<String> expected = settings.expectedAnswers()
			.stream()
			.map((answer) -> normalize(settings.recordType(), answer))
			.toList();
		boolean holds = switch (settings.match()) {
			case ANY -> expected.stream().anyMatch(answers::contains);
			case ALL -> answers.containsAll(expected);
		};
		if (holds) {
			return Outcome.up();
		}
		String wanted = (settings.match() == CheckSettings.AnswerMatch.ANY) ? "any of " : "all of ";
		return Outcome.failed(OutcomeKind.DNS_ANSWER_MISMATCH, Phase.DNS,
				"expected " + wanted + quoted(expected) + " but got " + quoted(answers));
	}

	private static String quoted(List<String> values) {
		return values.stream().map((value) -> "'" + value + "'").collect(Collectors.joining(", ", "[", "]"));
	}

	/** A record's data as people write it: an address, a name, "10 mail.example.com". */
	static String text(Record record) {
		return switch (record) {
			case ARecord a -> a.getAddress().getHostAddress();
			case AAAARecord aaaa -> aaaa.getAddress().getHostAddress();
			case CNAMERecord cname -> name(cname.getTarget());
			case NSRecord ns -> name(ns.getTarget());
			case MXRecord mx -> mx.getPriority() + " " + name(mx.getTarget());
			case TXTRecord txt -> String.join("", txt.getStrings());
			default -> record.rdataToString();
		};
	}

	/** An expected answer in the form {@link #text} gives the actual ones. */
	static String normalize(DnsRecordType type, String answer) {
		String value = answer.strip();
		return switch (type) {
			case A, AAAA -> {
				try {
					yield InetAddress.ofLiteral(value).getHostAddress();
				}
				catch (IllegalArgumentException ex) {
					yield value;
				}
			}
			case CNAME, NS -> bareName(value);
			case MX -> {
				String[] parts = value.split("\\s+", 2);
				yield (parts.length == 2) ? parts[0] + " " + bareName(parts[1]) : bareName(value);
			}
			case TXT -> value;
		};
	}

	private static String name(Name name) {
		return bareName(name.toString());
	}

	private static String bareName(String name) {
		String lower = name.toLowerCase(Locale.ROOT);
		return (lower.endsWith(".") && lower.length() > 1) ? lower.substring(0, lower.length() - 1) : lower;
	}

	private static int type(DnsRecordType type) {
		return switch (type) {
			case A -> Type.A;
			case AAAA -> Type.AAAA;
			case CNAME -> Type.CNAME;
			case MX -> Type.MX;
			case TXT -> Type.TXT;
			case NS -> Type.NS;
		};
	}

}
