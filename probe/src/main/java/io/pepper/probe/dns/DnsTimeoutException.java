package io.pepper.probe.dns;

import java.net.UnknownHostException;

/**
 * The check's deadline passed before the name resolved. An {@link UnknownHostException}
 * because that is what a resolver may throw (OkHttp's {@code Dns} included).
 */
public class DnsTimeoutException extends UnknownHostException {

	public DnsTimeoutException(String message) {
		super(message);
	}

}
