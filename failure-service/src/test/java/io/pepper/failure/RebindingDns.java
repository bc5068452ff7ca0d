package io.pepper.failure;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import okhttp3.Dns;

/**
 * A resolver that plays DNS rebinding for names under {@value #DOMAIN}: the first answer
 * for such a name is 127.0.0.1, where the local receivers stand in for public hosts (and
 * which the tests' allowed targets let through), every later one 127.0.0.2, a loopback
 * address nothing allows. Other names go to the system resolver.
 */
public final class RebindingDns implements Dns {

	public static final String DOMAIN = ".rebind.test";

	public static final InetAddress FIRST = InetAddress.ofLiteral("127.0.0.1");

	public static final InetAddress LATER = InetAddress.ofLiteral("127.0.0.2");

	private final Map<String, AtomicInteger> lookups = new ConcurrentHashMap<>();

	@Override
	public List<InetAddress> lookup(String hostname) throws UnknownHostException {
		if (!hostname.endsWith(DOMAIN)) {
			return Dns.SYSTEM.lookup(hostname);
		}
		int earlier = this.lookups.computeIfAbsent(hostname, (name) -> new AtomicInteger()).getAndIncrement();
		InetAddress answer = (earlier == 0) ? FIRST : LATER;
		return List.of(InetAddress.getByAddress(hostname, answer.getAddress()));
	}

	/** How often {@code hostname} was looked up. */
	public int lookups(String hostname) {
		AtomicInteger count = this.lookups.get(hostname);
		return (count != null) ? count.get() : 0;
	}

}
