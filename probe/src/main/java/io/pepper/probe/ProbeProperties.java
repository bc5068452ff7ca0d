package io.pepper.probe;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.List;

import io.pepper.http.ServiceClient;
import io.pepper.net.TargetPolicy;
import io.pepper.probe.dns.DeadlineResolver;
import io.pepper.probe.round.Shard;
import io.pepper.probe.tls.TlsProvider;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import org.hibernate.validator.constraints.time.DurationMax;
import org.hibernate.validator.constraints.time.DurationMin;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * The probe's settings, {@code pepper.probe.*}; every default is here.
 *
 * @param name this probe, in logs and batches (default: the host name)
 * @param location the location whose endpoint list this probe checks
 * @param adminUrl admin-app's base URL
 * @param adminToken the plaintext probe token admin-app accepts
 * @param receiverUrl receiver-service's base URL
 * @param receiverToken the token receiver-service accepts
 * @param failureUrl failure-service's base URL
 * @param failureToken the token failure-service accepts
 * @param interval the round length; rounds start at multiples of it since the epoch
 * @param allowedTargets internal CIDR blocks or host names checks may reach anyway
 * @param maxConcurrency how many checks run at once at most
 * @param maxBodySize how much of a response body a check reads
 * @param deliveryAttempts with {@code --once}, how often a batch is sent before the probe
 * gives up on it (the daemon retries until the full buffer pushes it out)
 * @param deliveryBackoff the wait before the first retry; it doubles after each
 * @param deliveryMaxBackoff the longest wait between retries
 * @param deliveryLinger how long results gather before a batch that is not full is sent
 * @param bufferCapacity results (and, apart, failures) held at most while a service is
 * slow or down; beyond it the oldest are dropped and counted
 * @param shard which share of the location's endpoints this probe checks, {@code i/n}
 * @param tlsProvider the TLS implementation of checks: Conscrypt (native, the default;
 * JSSE where its library does not load) or JSSE
 * @param dnsServers name servers checks resolve with, {@code host} or {@code host:port};
 * empty for the machine's own (resolv.conf, hosts file)
 */
@ConfigurationProperties("pepper.probe")
@Validated
public record ProbeProperties(String name, @NotBlank String location, @NotNull URI adminUrl,
		@NotBlank String adminToken, @NotNull URI receiverUrl, @NotBlank String receiverToken, @NotNull URI failureUrl,
		@NotBlank String failureToken,
		@DefaultValue("60s") @NotNull @DurationMin(seconds = 1) @DurationMax(hours = 24) Duration interval,
		@DefaultValue List<String> allowedTargets, @DefaultValue("2000") @Min(1) @Max(100_000) int maxConcurrency,
		@DefaultValue("1MB") @NotNull DataSize maxBodySize, @DefaultValue("4") @Min(1) @Max(10) int deliveryAttempts,
		@DefaultValue("1s") @NotNull @DurationMin(millis = 1) @DurationMax(minutes = 1) Duration deliveryBackoff,
		@DefaultValue("1m") @NotNull @DurationMin(millis = 1) @DurationMax(hours = 1) Duration deliveryMaxBackoff,
		@DefaultValue("1s") @NotNull @DurationMax(minutes = 1) Duration deliveryLinger,
		@DefaultValue("100000") @Min(1) @Max(10_000_000) int bufferCapacity, @DefaultValue("0/1") @NotNull Shard shard,
		@DefaultValue("conscrypt") @NotNull TlsProvider tlsProvider, @DefaultValue List<String> dnsServers) {

	/** The setting that lists internal targets requests may reach anyway. */
	public static final String ALLOWED_TARGETS = "pepper.probe.allowed-targets";

	public ProbeProperties {
		name = (name == null || name.isBlank()) ? hostName() : name;
		requireHttpUrl(adminUrl, "admin-url");
		requireHttpUrl(receiverUrl, "receiver-url");
		requireHttpUrl(failureUrl, "failure-url");
		allowedTargets = (allowedTargets != null) ? List.copyOf(allowedTargets) : List.of();
		dnsServers = (dnsServers != null) ? List.copyOf(dnsServers) : List.of();
		dnsServerAddresses(dnsServers);
		if (deliveryBackoff != null && deliveryMaxBackoff != null
				&& deliveryMaxBackoff.compareTo(deliveryBackoff) < 0) {
			throw new IllegalArgumentException("pepper.probe.delivery-max-backoff (" + deliveryMaxBackoff
					+ ") must not be shorter than pepper.probe.delivery-backoff (" + deliveryBackoff + ")");
		}
		try {
			TargetPolicy.allowing(ALLOWED_TARGETS, allowedTargets);
		}
		catch (IllegalArgumentException ex) {
			throw new IllegalArgumentException(ALLOWED_TARGETS + ": " + ex.getMessage(), ex);
		}
	}

	/** The SSRF guard these settings describe. */
	public TargetPolicy targetPolicy() {
		return TargetPolicy.allowing(ALLOWED_TARGETS, this.allowedTargets);
	}

	/** The resolver checks use. */
	public DeadlineResolver resolver() {
		return this.dnsServers.isEmpty() ? DeadlineResolver.system()
				: DeadlineResolver.using(dnsServerAddresses(this.dnsServers));
	}

	/**
	 * The name servers of the probe as DNS checks without a resolver of their own ask
	 * them: the configured ones, else the machine's.
	 */
	public List<InetSocketAddress> dnsCheckServers() {
		return this.dnsServers.isEmpty() ? org.xbill.DNS.ResolverConfig.getCurrentConfig().servers()
				: dnsServerAddresses(this.dnsServers);
	}

	private static List<InetSocketAddress> dnsServerAddresses(List<String> servers) {
		return servers.stream().map(ProbeProperties::dnsServer).toList();
	}

	/**
	 * {@code ip}, {@code ipv4:port} or {@code [ipv6]:port}; port 53 when none is given.
	 */
	private static InetSocketAddress dnsServer(String server) {
		String text = server.trim();
		String host = text;
		String port = "53";
		if (text.startsWith("[") && text.contains("]:")) {
			host = text.substring(1, text.indexOf("]:"));
			port = text.substring(text.indexOf("]:") + 2);
		}
		else if (text.indexOf(':') > 0 && text.indexOf(':') == text.lastIndexOf(':')) {
			host = text.substring(0, text.indexOf(':'));
			port = text.substring(text.indexOf(':') + 1);
		}
		int number = port.matches("\\d{1,5}") ? Integer.parseInt(port) : -1;
		if (number < 1 || number > 65_535 || host.isBlank()) {
			throw new IllegalArgumentException(
					"pepper.probe.dns-servers: '" + server + "' is not host or host:port with a port from 1 to 65535");
		}
		try {
			// An address, not a name: the resolver cannot depend on resolving itself.
			return new InetSocketAddress(InetAddress.ofLiteral(host.replace("[", "").replace("]", "")), number);
		}
		catch (IllegalArgumentException ex) {
			throw new IllegalArgumentException(
					"pepper.probe.dns-servers: '" + server + "' must name the server by its IP address", ex);
		}
	}

	private static void requireHttpUrl(@Nullable URI url, String property) {
		ServiceClient.requireBaseUrl(url, "pepper.probe." + property);
	}

	private static String hostName() {
		try {
			return InetAddress.getLocalHost().getHostName();
		}
		catch (UnknownHostException ex) {
			return "probe";
		}
	}

}
