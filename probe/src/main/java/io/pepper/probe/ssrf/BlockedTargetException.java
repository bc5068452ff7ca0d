package io.pepper.probe.ssrf;

import java.net.UnknownHostException;

/**
 * A check tried to reach an address the guard refuses. An {@link UnknownHostException}
 * because OkHttp's {@code Dns} may only throw that.
 */
public class BlockedTargetException extends UnknownHostException {

	public BlockedTargetException(String message) {
		super(message);
	}

}
