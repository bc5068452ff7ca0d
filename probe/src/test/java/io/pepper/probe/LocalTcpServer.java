package io.pepper.probe;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import javax.net.ssl.SSLContext;

/**
 * A real TCP server on 127.0.0.1 for one test: each connection is handed to the test's
 * conversation, plain or over TLS.
 */
public final class LocalTcpServer implements AutoCloseable {

	private final ServerSocket socket;

	private final Conversation conversation;

	private final AtomicInteger accepted = new AtomicInteger();

	private final List<String> received = new CopyOnWriteArrayList<>();

	private LocalTcpServer(ServerSocket socket, Conversation conversation) {
		this.socket = socket;
		this.conversation = conversation;
		Thread.ofPlatform().daemon().name("local-tcp-" + socket.getLocalPort()).start(this::serve);
	}

	/** A plain TCP server. */
	public static LocalTcpServer plain(Conversation conversation) {
		try {
			return new LocalTcpServer(new ServerSocket(0, 50, InetAddress.getLoopbackAddress()), conversation);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** A TLS server with the given certificates. */
	public static LocalTcpServer tls(SSLContext context, Conversation conversation) {
		try {
			ServerSocket server = context.getServerSocketFactory()
				.createServerSocket(0, 50, InetAddress.getLoopbackAddress());
			return new LocalTcpServer(server, conversation);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** Answers every connection with {@code text} and closes it. */
	public static Conversation greeting(String text) {
		return (in, out, server) -> {
			out.write(text.getBytes(StandardCharsets.UTF_8));
			out.flush();
		};
	}

	/** Reads one line and answers {@code answer} when it is {@code line}. */
	public static Conversation replying(String line, String answer) {
		return (in, out, server) -> {
			StringBuilder got = new StringBuilder();
			int c;
			while ((c = in.read()) >= 0 && c != '\n') {
				got.append((char) c);
			}
			server.received.add(got.toString().strip());
			if (got.toString().strip().equals(line)) {
				out.write(answer.getBytes(StandardCharsets.UTF_8));
				out.flush();
			}
		};
	}

	public int port() {
		return this.socket.getLocalPort();
	}

	public InetSocketAddress address() {
		return new InetSocketAddress(InetAddress.getLoopbackAddress(), port());
	}

	/** How many connections were accepted. */
	public int accepted() {
		return this.accepted.get();
	}

	/**
	 * How many connections were accepted once {@code count} were, or after two seconds
	 * (the server accepts on its own thread, after the client's connect returned).
	 */
	public int awaitAccepted(int count) {
		long until = System.nanoTime() + 2_000_000_000L;
		while (this.accepted.get() < count && System.nanoTime() < until) {
			Thread.onSpinWait();
			Thread.yield();
		}
		return this.accepted.get();
	}

	/** The lines {@link #replying} servers read. */
	public List<String> received() {
		return List.copyOf(this.received);
	}

	private void serve() {
		while (!this.socket.isClosed()) {
			try {
				Socket connection = this.socket.accept();
				this.accepted.incrementAndGet();
				Thread.ofVirtual().start(() -> talk(connection));
			}
			catch (IOException ex) {
				if (this.socket.isClosed()) {
					return;
				}
			}
		}
	}

	private void talk(Socket connection) {
		try (connection) {
			if (connection instanceof javax.net.ssl.SSLSocket tls) {
				// Handshake before talking, so a conversation that says nothing still
				// completes one.
				tls.startHandshake();
			}
			this.conversation.talk(connection.getInputStream(), connection.getOutputStream(), this);
		}
		catch (IOException ex) {
			// the check hung up
		}
	}

	@Override
	public void close() {
		try {
			this.socket.close();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** What the server does with one connection. */
	@FunctionalInterface
	public interface Conversation {

		void talk(InputStream in, OutputStream out, LocalTcpServer server) throws IOException;

	}

}
