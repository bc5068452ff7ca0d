package io.pepper.probe.dns;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.jspecify.annotations.Nullable;
import org.xbill.DNS.AAAARecord;
import org.xbill.DNS.ARecord;
import org.xbill.DNS.ExtendedResolver;
import org.xbill.DNS.Name;
import org.xbill.DNS.Record;
import org.xbill.DNS.Resolver;
import org.xbill.DNS.ResolverConfig;
import org.xbill.DNS.SimpleResolver;
import org.xbill.DNS.TextParseException;
import org.xbill.DNS.Type;
import org.xbill.DNS.lookup.LookupFailedException;
import org.xbill.DNS.lookup.LookupResult;
import org.xbill.DNS.lookup.LookupSession;
import org.xbill.DNS.lookup.NoSuchDomainException;
import org.xbill.DNS.lookup.NoSuchRRSetException;

/**
 * Resolves host names to IPv4 and IPv6 addresses within a deadline. A and AAAA are asked
 * at once, as the system resolver does; the search path, {@code ndots} and the hosts file
 * apply as configured for the machine. Nothing is cached, so every check's DNS phase is a
 * real lookup. A lookup waits for no thread of its own: a check on a virtual thread
 * unmounts while it waits, and gives up at its deadline however the server behaves.
 */
public final class DeadlineResolver {

	/** How long one query waits before it is sent again (or to the next server). */
	static final Duration QUERY_TIMEOUT = Duration.ofSeconds(2);

	private final LookupSession session;

	private final String servers;

	private DeadlineResolver(LookupSession session, String servers) {
		this.session = session;
		this.servers = servers;
	}

	/** Asks the name servers, search path and hosts file of this machine. */
	public static DeadlineResolver system() {
		ResolverConfig config = ResolverConfig.getCurrentConfig();
		return create(config.servers(), config.searchPath(), config.ndots(), true);
	}

	/**
	 * Asks the given name servers only, with no search path and no hosts file.
	 * @param servers one or more servers, tried in order
	 */
	public static DeadlineResolver using(List<InetSocketAddress> servers) {
		if (servers.isEmpty()) {
			throw new IllegalArgumentException("at least one name server is needed");
		}
		return create(servers, List.of(), 1, false);
	}

	private static DeadlineResolver create(List<InetSocketAddress> servers, List<Name> searchPath, int ndots,
			boolean hostsFile) {
		List<Resolver> resolvers = new ArrayList<>();
		for (InetSocketAddress server : servers) {
			SimpleResolver simple = new SimpleResolver(server);
			simple.setTimeout(QUERY_TIMEOUT);
			resolvers.add(simple);
		}
		ExtendedResolver resolver = new ExtendedResolver(resolvers);
		resolver.setTimeout(QUERY_TIMEOUT);
		resolver.setLoadBalance(false);
		LookupSession.LookupSessionBuilder builder = LookupSession.builder()
			.resolver(resolver)
			.clearCaches()
			.searchPath(searchPath)
			.ndots(ndots);
		if (hostsFile) {
			builder.defaultHostsFileParser();
		}
		return new DeadlineResolver(builder.build(), servers.toString());
	}

	/**
	 * The addresses of {@code host}, IPv4 first.
	 * @param deadlineNanos the {@link System#nanoTime()} by which the answer is needed
	 * @throws DnsTimeoutException when neither family has answered by the deadline
	 * @throws UnknownHostException when the name has no address
	 */
	public List<InetAddress> resolve(String host, long deadlineNanos) throws UnknownHostException {
		Name name;
		try {
			name = Name.fromString(host);
		}
		catch (TextParseException ex) {
			throw new UnknownHostException(host + ": not a valid host name (" + ex.getMessage() + ")");
		}
		CompletableFuture<LookupResult> ipv4 = this.session.lookupAsync(name, Type.A).toCompletableFuture();
		CompletableFuture<LookupResult> ipv6 = this.session.lookupAsync(name, Type.AAAA).toCompletableFuture();
		Answer v4 = await(ipv4, deadlineNanos);
		Answer v6 = await(ipv6, deadlineNanos);
		List<InetAddress> addresses = new ArrayList<>();
		addresses.addAll(v4.addresses(host));
		addresses.addAll(v6.addresses(host));
		if (!addresses.isEmpty()) {
			// One family is enough, as with the system resolver.
			return addresses;
		}
		if (v4.timedOut() || v6.timedOut()) {
			ipv4.cancel(false);
			ipv6.cancel(false);
			throw new DnsTimeoutException(host + ": no answer from " + this.servers + " in time");
		}
		String reason = (v4.failure() != null) ? v4.failure() : v6.failure();
		throw new UnknownHostException(host + ((reason != null) ? ": " + reason : ": no address"));
	}

	private static Answer await(CompletableFuture<LookupResult> lookup, long deadlineNanos) {
		try {
			long left = Math.max(0, deadlineNanos - System.nanoTime());
			return new Answer(lookup.get(left, TimeUnit.NANOSECONDS).getRecords(), false, null);
		}
		catch (TimeoutException ex) {
			return new Answer(List.of(), true, null);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return new Answer(List.of(), true, null);
		}
		catch (ExecutionException ex) {
			return failed(ex.getCause());
		}
	}

	private static Answer failed(@Nullable Throwable failure) {
		Throwable cause = failure;
		while (cause instanceof java.util.concurrent.CompletionException && cause.getCause() != null) {
			cause = cause.getCause();
		}
		if (cause instanceof java.net.SocketTimeoutException || cause instanceof TimeoutException) {
			// Every try of every server went unanswered: as good as the deadline.
			return new Answer(List.of(), true, null);
		}
		return switch (cause) {
			case NoSuchDomainException ex -> new Answer(List.of(), false, "no such domain (NXDOMAIN)");
			case NoSuchRRSetException ex -> new Answer(List.of(), false, null);
			case LookupFailedException ex -> new Answer(List.of(), false, ex.getMessage());
			case java.io.IOException ex -> new Answer(List.of(), false, "no answer (" + ex.getMessage() + ")");
			case null, default -> new Answer(List.of(), false, String.valueOf(cause));
		};
	}

	private record Answer(List<Record> records, boolean timedOut, @Nullable String failure) {

		List<InetAddress> addresses(String host) throws UnknownHostException {
			List<InetAddress> addresses = new ArrayList<>();
			for (Record record : this.records) {
				InetAddress address = switch (record) {
					case ARecord a -> a.getAddress();
					case AAAARecord aaaa -> aaaa.getAddress();
					default -> null;
				};
				if (address != null) {
					// Keep the name the check asked for, as the system resolver does.
					addresses.add(InetAddress.getByAddress(host, address.getAddress()));
				}
			}
			return addresses;
		}

	}

}
