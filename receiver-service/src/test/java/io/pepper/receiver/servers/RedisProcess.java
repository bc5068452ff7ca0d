package io.pepper.receiver.servers;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * A private {@code redis-server} on loopback with the append-only file on and fsynced on
 * every write, as production runs it.
 */
public final class RedisProcess extends ServerProcess {

	public RedisProcess() {
		super("redis-server");
	}

	@Override
	protected List<String> command() {
		return List.of("redis-server", "--bind", "127.0.0.1", "--port", String.valueOf(port()), "--dir",
				directory().toString(), "--appendonly", "yes", "--appendfsync", "always", "--save", "", "--daemonize",
				"no");
	}

	/** Answers PING, so it finished loading its append-only file. */
	@Override
	protected boolean ready() {
		try (Socket socket = new Socket()) {
			socket.connect(new InetSocketAddress("127.0.0.1", port()), 200);
			socket.setSoTimeout(500);
			socket.getOutputStream().write("PING\r\n".getBytes(StandardCharsets.US_ASCII));
			InputStream in = socket.getInputStream();
			byte[] reply = in.readNBytes(5);
			return "+PONG".equals(new String(reply, StandardCharsets.US_ASCII));
		}
		catch (IOException ex) {
			return false;
		}
	}

}
