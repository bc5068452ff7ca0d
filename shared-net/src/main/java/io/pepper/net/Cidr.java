package io.pepper.net;

import java.net.InetAddress;

import org.jspecify.annotations.Nullable;

/**
 * A block of IPv4 or IPv6 addresses, e.g. {@code 10.0.0.0/8} or {@code ::1/128}.
 *
 * @param network the first address of the block
 * @param prefixLength how many leading bits are fixed
 */
public record Cidr(InetAddress network, int prefixLength) {

	public Cidr {
		int bits = network.getAddress().length * 8;
		if (prefixLength < 0 || prefixLength > bits) {
			throw new IllegalArgumentException(
					"prefix length must be between 0 and " + bits + " but was " + prefixLength);
		}
	}

	/**
	 * Parses {@code address/prefix} or a single address; null when the text is not an IP
	 * address or block at all (so it may be a host name).
	 */
	public static @Nullable Cidr parse(String text) {
		int slash = text.indexOf('/');
		String address = (slash < 0) ? text : text.substring(0, slash);
		InetAddress network = literal(address);
		if (network == null) {
			return null;
		}
		int bits = network.getAddress().length * 8;
		if (slash < 0) {
			return new Cidr(network, bits);
		}
		String prefix = text.substring(slash + 1);
		if (!prefix.matches("\\d{1,3}")) {
			throw new IllegalArgumentException("'" + text + "' has an invalid prefix length '" + prefix + "'");
		}
		return new Cidr(network, Integer.parseInt(prefix));
	}

	/** An IP address written as a canonical literal, or null; never asks DNS. */
	static @Nullable InetAddress literal(String text) {
		String bare = (text.startsWith("[") && text.endsWith("]")) ? text.substring(1, text.length() - 1) : text;
		if (bare.isEmpty() || !bare.matches("[0-9a-fA-F:.%]+") || (!bare.contains(":") && !isDottedQuad(bare))) {
			return null;
		}
		try {
			return InetAddress.ofLiteral(bare);
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

	/** Four decimal parts 0-255 without leading zeros: the one unambiguous IPv4 form. */
	static boolean isDottedQuad(String text) {
		String[] parts = text.split("\\.", -1);
		if (parts.length != 4) {
			return false;
		}
		for (String part : parts) {
			if (!part.matches("0|[1-9]\\d{0,2}") || Integer.parseInt(part) > 255) {
				return false;
			}
		}
		return true;
	}

	public boolean contains(InetAddress address) {
		byte[] candidate = address.getAddress();
		byte[] block = this.network.getAddress();
		if (candidate.length != block.length) {
			return false;
		}
		int full = this.prefixLength / 8;
		for (int i = 0; i < full; i++) {
			if (candidate[i] != block[i]) {
				return false;
			}
		}
		int rest = this.prefixLength % 8;
		if (rest == 0) {
			return true;
		}
		int mask = (0xFF << (8 - rest)) & 0xFF;
		return (candidate[full] & mask) == (block[full] & mask);
	}

	@Override
	public String toString() {
		return this.network.getHostAddress() + "/" + this.prefixLength;
	}

}
