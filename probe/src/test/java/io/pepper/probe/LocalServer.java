package io.pepper.probe;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;

import javax.net.ssl.SSLContext;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;

/**
 * A real HTTP(S) server on 127.0.0.1 and a random port for one test, recording every
 * request it received.
 */
public final class LocalServer implements AutoCloseable {

	private final HttpServer server;

	private final String scheme;

	private final List<Received> received = new CopyOnWriteArrayList<>();

	private LocalServer(HttpServer server, String scheme) {
		this.server = server;
		this.scheme = scheme;
		server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
		server.start();
	}

	public static LocalServer http() {
		return http(0);
	}

	/** On a given port, e.g. to bring back a service that was down. */
	public static LocalServer http(int port) {
		try {
			return new LocalServer(HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0),
					"http");
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	public static LocalServer https(SSLContext context) {
		try {
			HttpsServer server = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
			server.setHttpsConfigurator(new HttpsConfigurator(context));
			return new LocalServer(server, "https");
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** Answers requests under {@code path}, recording each one first. */
	public LocalServer on(String path, HttpHandler handler) {
		this.server.createContext(path, (exchange) -> {
			byte[] body;
			try (InputStream in = exchange.getRequestBody()) {
				body = in.readAllBytes();
			}
			this.received.add(new Received(exchange.getRequestMethod(), exchange.getRequestURI(),
					exchange.getRequestHeaders().getFirst("Authorization"),
					exchange.getRequestHeaders().getFirst("If-None-Match"),
					exchange.getRequestHeaders().getFirst("X-Probe-Test"), new String(body, StandardCharsets.UTF_8)));
			try {
				handler.handle(exchange);
			}
			finally {
				exchange.close();
			}
		});
		return this;
	}

	/** Answers {@code status} with {@code body} under {@code path}. */
	public LocalServer answer(String path, int status, String body) {
		return on(path, (exchange) -> respond(exchange, status, body));
	}

	public static void respond(HttpExchange exchange, int status, String body) throws IOException {
		byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
		exchange.sendResponseHeaders(status, (bytes.length == 0) ? -1 : bytes.length);
		if (bytes.length > 0) {
			try (OutputStream out = exchange.getResponseBody()) {
				out.write(bytes);
			}
		}
	}

	public int port() {
		return this.server.getAddress().getPort();
	}

	/** A URL on this server by IP literal, e.g. {@code http://127.0.0.1:1234/ok}. */
	public URI url(String path) {
		return URI.create(this.scheme + "://127.0.0.1:" + port() + path);
	}

	/** A port nothing listens on now. */
	public static int closedPort() {
		try (java.net.ServerSocket socket = new java.net.ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	public List<Received> received() {
		return List.copyOf(this.received);
	}

	@Override
	public void close() {
		this.server.stop(0);
	}

	/** One request the server received. */
	public record Received(String method, URI uri, String authorization, String ifNoneMatch, String testHeader,
			String body) {
	}

}
