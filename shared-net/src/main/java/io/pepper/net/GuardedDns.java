package io.pepper.net;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;

import okhttp3.Dns;

/**
 * Resolves a host name, then refuses it when any of its addresses is internal. OkHttp
 * connects only to the addresses returned here, so a second lookup cannot rebind the name
 * to another address.
 */
public final class GuardedDns implements Dns {

	private final TargetPolicy policy;

	private final Dns delegate;

	public GuardedDns(TargetPolicy policy) {
		this(policy, Dns.SYSTEM);
	}

	public GuardedDns(TargetPolicy policy, Dns delegate) {
		this.policy = policy;
		this.delegate = delegate;
	}

	@Override
	public List<InetAddress> lookup(String hostname) throws UnknownHostException {
		String hostRefusal = this.policy.refusalForHost(hostname);
		if (hostRefusal != null) {
			throw new BlockedTargetException(hostRefusal);
		}
		List<InetAddress> addresses = this.delegate.lookup(hostname);
		for (InetAddress address : addresses) {
			String refusal = this.policy.refusal(hostname, address);
			if (refusal != null) {
				throw new BlockedTargetException(refusal);
			}
		}
		return addresses;
	}

}
