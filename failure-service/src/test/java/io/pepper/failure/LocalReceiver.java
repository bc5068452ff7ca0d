package io.pepper.failure;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A local HTTP server standing in for what is outside failure-service's control (Slack,
 * webhook receivers) and for the far end of its clients: records every request, answers
 * 200 unless told otherwise, and can go away and come back on the same port.
 */
public final class LocalReceiver implements AutoCloseable {

	private final int port;

	private final List<Request> requests = new CopyOnWriteArrayList<>();

	private final Map<String, Deque<Integer>> scripted = new ConcurrentHashMap<>();

	private final Map<String, Integer> byBody = new ConcurrentHashMap<>();

	private volatile HttpServer server;

	private LocalReceiver(int port) {
		this.port = port;
		this.server = listen(port);
	}

	public static LocalReceiver start() {
		LocalReceiver receiver = new LocalReceiver(0);
		return new LocalReceiver(receiver.stopAndGetPort());
	}

	private int stopAndGetPort() {
		int bound = this.server.getAddress().getPort();
		this.server.stop(0);
		return bound;
	}

	public String url(String path) {
		return "http://127.0.0.1:" + this.port + path;
	}

	/** The next answers to requests for {@code path}; 200 after them. */
	public void answer(String path, int... statuses) {
		Deque<Integer> queue = this.scripted.computeIfAbsent(path, (key) -> new ArrayDeque<>());
		synchronized (queue) {
			for (int status : statuses) {
				queue.add(status);
			}
		}
	}

	/**
	 * From now on, answers {@code status} to every request for {@code path} whose body
	 * contains {@code text}, whatever else is scripted.
	 */
	public void answerBodiesContaining(String path, String text, int status) {
		this.byBody.put(path + " " + text, status);
	}

	public List<Request> requests(String path) {
		return this.requests.stream().filter((request) -> request.path().equals(path)).toList();
	}

	/** Stops answering: connections are refused until {@link #restart()}. */
	public void stop() {
		this.server.stop(0);
	}

	public void restart() {
		this.server = listen(this.port);
	}

	@Override
	public void close() {
		this.server.stop(0);
	}

	private HttpServer listen(int port) {
		try {
			HttpServer created = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
			created.createContext("/", this::handle);
			created.start();
			return created;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private void handle(HttpExchange exchange) throws IOException {
		String path = exchange.getRequestURI().getPath();
		String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
		Map<String, String> headers = exchange.getRequestHeaders()
			.entrySet()
			.stream()
			.collect(Collectors.toMap((entry) -> entry.getKey().toLowerCase(Locale.ROOT),
					(entry) -> entry.getValue().getFirst(), (first, second) -> first));
		Integer status = this.byBody.entrySet()
			.stream()
			.filter((entry) -> entry.getKey().startsWith(path + " ")
					&& body.contains(entry.getKey().substring(path.length() + 1)))
			.map(Map.Entry::getValue)
			.findFirst()
			.orElse(null);
		Deque<Integer> queue = (status == null) ? this.scripted.get(path) : null;
		if (queue != null) {
			synchronized (queue) {
				status = queue.poll();
			}
		}
		int answer = (status != null) ? status : 200;
		this.requests.add(new Request(exchange.getRequestMethod(), path, headers, body, answer,
				exchange.getRequestURI().getRawQuery()));
		byte[] content = (answer / 100 == 2) ? "ok".getBytes() : "not now".getBytes();
		exchange.sendResponseHeaders(answer, content.length);
		exchange.getResponseBody().write(content);
		exchange.close();
	}

	/**
	 * One request received.
	 *
	 * @param method the HTTP method
	 * @param path the path
	 * @param headers the headers, names in lower case
	 * @param body the body as text
	 * @param answered the status it was answered with
	 * @param query the raw query string, or null when there was none
	 */
	public record Request(String method, String path, Map<String, String> headers, String body, int answered,
			String query) {

		public String header(String name) {
			return this.headers.get(name.toLowerCase(Locale.ROOT));
		}

	}

}
