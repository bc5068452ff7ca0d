package io.pepper.systemtests;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpServer;

/**
 * Local HTTP targets for checks: one healthy, one answering 500, one that can be
 * switched.
 */
final class Targets implements AutoCloseable {

	private final HttpServer server;

	final AtomicInteger healthyHits = new AtomicInteger();

	final AtomicInteger brokenHits = new AtomicInteger();

	/** Whether {@code /flaky} answers 500 (down) or 200 (up). */
	final AtomicBoolean flakyDown = new AtomicBoolean(true);

	Targets() throws IOException {
		this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		this.server.createContext("/healthy", (exchange) -> {
			this.healthyHits.incrementAndGet();
			respond(exchange, 200, "{\"status\":\"UP\"}");
		});
		this.server.createContext("/broken", (exchange) -> {
			this.brokenHits.incrementAndGet();
			respond(exchange, 500, "{\"status\":\"DOWN\"}");
		});
		this.server.createContext("/flaky", (exchange) -> {
			boolean down = this.flakyDown.get();
			respond(exchange, down ? 500 : 200, down ? "{\"status\":\"DOWN\"}" : "{\"status\":\"UP\"}");
		});
		this.server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
		this.server.start();
	}

	private static void respond(com.sun.net.httpserver.HttpExchange exchange, int status, String body)
			throws IOException {
		byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
		exchange.getResponseHeaders().add("Content-Type", "application/json");
		exchange.sendResponseHeaders(status, bytes.length);
		try (OutputStream out = exchange.getResponseBody()) {
			out.write(bytes);
		}
	}

	String url(String path) {
		return "http://127.0.0.1:" + this.server.getAddress().getPort() + path;
	}

	@Override
	public void close() {
		this.server.stop(0);
	}

}
