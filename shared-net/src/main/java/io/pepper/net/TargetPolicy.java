package io.pepper.net;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * Which addresses a request to a user-supplied URL may reach: every public address, plus
 * the internal ones an operator lists in the service's allowed-targets setting (CIDR
 * blocks or host names). Refusals name that setting, so an operator knows what to change.
 */
public final class TargetPolicy {

	private static final List<Range> INTERNAL_V4 = List.of(range("0.0.0.0/8", "\"this network\""),
			range("127.0.0.0/8", "loopback"), range("10.0.0.0/8", "private"), range("172.16.0.0/12", "private"),
			range("192.168.0.0/16", "private"), range("169.254.0.0/16", "link-local"),
			range("100.64.0.0/10", "carrier-grade NAT"), range("192.0.0.0/24", "IETF protocol"),
			range("198.18.0.0/15", "benchmarking"), range("224.0.0.0/4", "multicast"),
			range("240.0.0.0/4", "reserved"));

	/** Names that only ever lead inside: loopback names and cloud metadata services. */
	private static final List<String> INTERNAL_NAMES = List.of("localhost", "metadata", "metadata.google.internal");

	/**
	 * Suffixes reserved for names inside a network (RFC 6761 {@code .localhost}, ICANN
	 * {@code .internal}).
	 */
	private static final List<String> INTERNAL_SUFFIXES = List.of(".localhost", ".internal");

	private static final List<Range> INTERNAL_V6 = List.of(range("::/128", "unspecified"), range("::1/128", "loopback"),
			range("fe80::/10", "link-local"), range("fec0::/10", "site-local"), range("fc00::/7", "unique-local"),
			range("ff00::/8", "multicast"));

	private final List<Cidr> allowedBlocks;

	private final Set<String> allowedHosts;

	private final String setting;

	private TargetPolicy(List<Cidr> allowedBlocks, Set<String> allowedHosts, String setting) {
		this.allowedBlocks = List.copyOf(allowedBlocks);
		this.allowedHosts = Set.copyOf(allowedHosts);
		this.setting = setting;
	}

	/**
	 * Only public addresses.
	 * @param setting the property that would allow more, named in refusals
	 */
	public static TargetPolicy publicOnly(String setting) {
		return new TargetPolicy(List.of(), Set.of(), setting);
	}

	/**
	 * Public addresses plus {@code allowedTargets}: CIDR blocks, single addresses or host
	 * names.
	 * @param setting the property {@code allowedTargets} came from, named in refusals
	 * @param allowedTargets the allowed blocks, addresses and host names
	 * @throws IllegalArgumentException naming the entry that is neither
	 */
	public static TargetPolicy allowing(String setting, List<String> allowedTargets) {
		List<Cidr> blocks = new ArrayList<>();
		Set<String> hosts = new HashSet<>();
		for (String raw : allowedTargets) {
			String entry = raw.trim();
			Cidr block;
			try {
				block = Cidr.parse(entry);
			}
			catch (IllegalArgumentException ex) {
				throw new IllegalArgumentException(
						"allowed target '" + raw + "' is not a valid CIDR: " + ex.getMessage(), ex);
			}
			if (block != null) {
				blocks.add(block);
			}
			else if (entry.matches("(?i)[a-z0-9_]([a-z0-9_-]*[a-z0-9_])?(\\.[a-z0-9_]([a-z0-9_-]*[a-z0-9_])?)*\\.?")
					&& !entry.matches("[0-9.]+")) {
				hosts.add(normalize(entry));
			}
			else {
				throw new IllegalArgumentException(
						"allowed target '" + raw + "' is neither a CIDR block, an IP address nor a host name");
			}
		}
		return new TargetPolicy(blocks, hosts, setting);
	}

	/**
	 * Why a request may not go to {@code host} as written in its URL, or null when it may
	 * go on to name resolution. Refuses internal IP literals and numeric forms other than
	 * a plain dotted quad ({@code 2130706433}, {@code 0177.0.0.1}, {@code 127.1}), which
	 * resolvers read differently.
	 */
	public @Nullable String refusalForHost(String host) {
		String bare = (host.startsWith("[") && host.endsWith("]")) ? host.substring(1, host.length() - 1) : host;
		InetAddress literal = Cidr.literal(bare);
		if (literal != null) {
			return refusal(bare, literal);
		}
		if (isNumericForm(bare)) {
			return "host " + host + " is a numeric address in an ambiguous form; write it as a dotted quad";
		}
		return null;
	}

	/**
	 * Why a URL may not name {@code host} at all, judged without resolving it, for
	 * settings checked when they are saved (a channel's URL); null when it may. Refuses
	 * internal IP literals, numeric forms other than a plain dotted quad (as the internal
	 * address they stand for, when they decode to one), and names that only lead inside:
	 * {@code localhost}, cloud metadata names, {@code *.localhost} and
	 * {@code *.internal}. Allowed hosts and blocks pass. Where a name resolves is checked
	 * again on every request, by {@link GuardedHttpClient}.
	 */
	public @Nullable HostRefusal refusalForName(String host) {
		String bare = normalize(
				(host.startsWith("[") && host.endsWith("]")) ? host.substring(1, host.length() - 1) : host);
		if (this.allowedHosts.contains(bare)) {
			return null;
		}
		InetAddress literal = Cidr.literal(bare);
		if (literal != null) {
			String refusal = refusal(bare, literal);
			return (refusal != null) ? new HostRefusal(HostRefusal.Kind.INTERNAL_ADDRESS, refusal) : null;
		}
		if (isNumericForm(bare)) {
			InetAddress decoded = lenientLiteral(bare);
			if (decoded != null && refusal(bare, decoded) != null) {
				return new HostRefusal(HostRefusal.Kind.INTERNAL_ADDRESS, "host " + host + " is "
						+ decoded.getHostAddress() + " written another way, a " + internalKind(decoded) + " address");
			}
			return new HostRefusal(HostRefusal.Kind.AMBIGUOUS_NUMBER,
					"host " + host + " is a numeric address in an ambiguous form; write it as a dotted quad");
		}
		if (INTERNAL_NAMES.contains(bare) || INTERNAL_SUFFIXES.stream().anyMatch(bare::endsWith)) {
			return new HostRefusal(HostRefusal.Kind.INTERNAL_NAME,
					"host " + host + " is a name for internal hosts and not in " + this.setting);
		}
		return null;
	}

	/**
	 * Why {@code address}, reached through {@code host}, is refused, or null when it is
	 * allowed.
	 */
	public @Nullable String refusal(String host, InetAddress address) {
		if (this.allowedHosts.contains(normalize(host))) {
			return null;
		}
		for (Cidr block : this.allowedBlocks) {
			if (block.contains(address)) {
				return null;
			}
		}
		String kind = internalKind(address);
		if (kind == null) {
			return null;
		}
		String target = host.equals(address.getHostAddress()) ? address.getHostAddress()
				: host + " (" + address.getHostAddress() + ")";
		return target + " is a " + kind + " address and not in " + this.setting;
	}

	/** What kind of internal address this is, or null for a public one. */
	public static @Nullable String internalKind(InetAddress address) {
		if (address instanceof Inet4Address) {
			return kindIn(INTERNAL_V4, address);
		}
		if (address instanceof Inet6Address) {
			InetAddress embedded = embeddedIpv4(address.getAddress());
			if (embedded != null) {
				String kind = kindIn(INTERNAL_V4, embedded);
				return (kind != null) ? kind + " (IPv4 embedded in IPv6)" : null;
			}
			return kindIn(INTERNAL_V6, address);
		}
		return "unknown";
	}

	/**
	 * The IPv4 address inside an IPv4-mapped ({@code ::ffff:a.b.c.d}), IPv4-compatible
	 * ({@code ::a.b.c.d}), NAT64 ({@code 64:ff9b::/96}) or 6to4 ({@code 2002::/16})
	 * address.
	 */
	private static @Nullable InetAddress embeddedIpv4(byte[] v6) {
		boolean firstTenZero = true;
		for (int i = 0; i < 10; i++) {
			firstTenZero &= v6[i] == 0;
		}
		boolean mapped = firstTenZero && (v6[10] & 0xFF) == 0xFF && (v6[11] & 0xFF) == 0xFF;
		boolean compatible = firstTenZero && v6[10] == 0 && v6[11] == 0
				&& ((v6[12] | v6[13] | v6[14]) != 0 || (v6[15] & 0xFF) > 1);
		boolean nat64 = v6[0] == 0 && v6[1] == 0x64 && (v6[2] & 0xFF) == 0xFF && (v6[3] & 0xFF) == 0x9B;
		for (int i = 4; nat64 && i < 12; i++) {
			nat64 = v6[i] == 0;
		}
		try {
			if (mapped || compatible || nat64) {
				return InetAddress.getByAddress(new byte[] { v6[12], v6[13], v6[14], v6[15] });
			}
			if (v6[0] == 0x20 && v6[1] == 0x02) {
				return InetAddress.getByAddress(new byte[] { v6[2], v6[3], v6[4], v6[5] });
			}
		}
		catch (java.net.UnknownHostException ex) {
			throw new IllegalStateException("four bytes are always an IPv4 address", ex);
		}
		return null;
	}

	private static @Nullable InetAddress lenientLiteral(String host) {
		try {
			return InetAddress.ofLiteral(host);
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

	private static boolean isNumericForm(String host) {
		for (String part : host.split("\\.", -1)) {
			if (!part.matches("(?i)0x[0-9a-f]*|\\d+")) {
				return false;
			}
		}
		return true;
	}

	private static @Nullable String kindIn(List<Range> ranges, InetAddress address) {
		for (Range range : ranges) {
			if (range.block().contains(address)) {
				return range.kind();
			}
		}
		return null;
	}

	private static String normalize(String host) {
		String lower = host.toLowerCase(Locale.ROOT);
		return lower.endsWith(".") ? lower.substring(0, lower.length() - 1) : lower;
	}

	private static Range range(String cidr, String kind) {
		Cidr block = Cidr.parse(cidr);
		if (block == null) {
			throw new IllegalStateException("not a CIDR: " + cidr);
		}
		return new Range(block, kind);
	}

	private record Range(Cidr block, String kind) {
	}

	/**
	 * Why a host may not be named.
	 *
	 * @param kind which rule refused it
	 * @param reason the refusal, naming the host
	 */
	public record HostRefusal(Kind kind, String reason) {

		/** Which rule refused a host. */
		public enum Kind {

			/** An IP literal (in any spelling) of an internal address. */
			INTERNAL_ADDRESS,
			/** Digits and dots (or hex) that resolvers read in different ways. */
			AMBIGUOUS_NUMBER,
			/** A name that only leads inside: localhost, a metadata service, ... */
			INTERNAL_NAME

		}

	}

}
