package io.pepper.net;

import java.net.UnknownHostException;

/**
 * A request tried to reach an address the guard refuses. An {@link UnknownHostException}
 * because OkHttp's {@code Dns} may only throw that.
 */
public class BlockedTargetException extends UnknownHostException {

	public BlockedTargetException(String message) {
		super(message);
	}

}
