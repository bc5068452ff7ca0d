package io.pepper.http;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A real HTTP server on loopback standing in for one of our services: each path answers
 * what a test set, and every request is recorded.
 */
final class LocalService implements AutoCloseable {

	private final HttpServer server;

	private final Map<String, Handler> handlers = new ConcurrentHashMap<>();

	private final List<Request> requests = new CopyOnWriteArrayList<>();

	private LocalService() throws IOException {
		this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		this.server.createContext("/", this::handle);
		this.server.setExecutor(java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor());
		this.server.start();
	}

	static LocalService start() {
		try {
			return new LocalService();
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	String url(String path) {
		return "http://127.0.0.1:" + this.server.getAddress().getPort() + path;
	}

	LocalService answer(String path, int status, String contentType, String body) {
		return on(path, (exchange) -> respond(exchange, status, contentType, body));
	}

	LocalService on(String path, Handler handler) {
		this.handlers.put(path, handler);
		return this;
	}

	List<Request> requests() {
		return List.copyOf(this.requests);
	}

	static void respond(HttpExchange exchange, int status, String contentType, String body) throws IOException {
		byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
		if (!contentType.isEmpty()) {
			exchange.getResponseHeaders().add("Content-Type", contentType);
		}
		exchange.sendResponseHeaders(status, (bytes.length == 0) ? -1 : bytes.length);
		if (bytes.length > 0) {
			exchange.getResponseBody().write(bytes);
		}
		exchange.close();
	}

	private void handle(HttpExchange exchange) throws IOException {
		String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
		this.requests.add(new Request(exchange.getRequestMethod(), exchange.getRequestURI().getRawPath(),
				exchange.getRequestURI().getRawQuery(), exchange.getRequestHeaders().getFirst("Authorization"),
				exchange.getRequestHeaders().getFirst("Content-Type"),
				exchange.getRequestHeaders().getFirst("If-None-Match"), body));
		Handler handler = this.handlers.get(exchange.getRequestURI().getRawPath());
		if (handler == null) {
			respond(exchange, 404, "", "");
			return;
		}
		handler.handle(exchange);
	}

	@Override
	public void close() {
		this.server.stop(0);
	}

	interface Handler {

		void handle(HttpExchange exchange) throws IOException;

	}

	record Request(String method, String path, String query, String authorization, String contentType,
			String ifNoneMatch, String body) {

	}

}
