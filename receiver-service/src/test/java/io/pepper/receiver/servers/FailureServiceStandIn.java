package io.pepper.receiver.servers;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.pepper.contracts.v1.OpenIncidentEndpoints;
import io.pepper.contracts.v1.ResultBatch;
import io.pepper.contracts.v1.WireJson;

/**
 * A local HTTP server answering on failure-service's routes for receiver-service's
 * client: it names the followed endpoints and records every batch of successes it
 * accepts. Answers can be scripted, one status per request, to play an outage.
 */
public final class FailureServiceStandIn implements AutoCloseable {

	private final HttpServer server;

	private volatile Set<UUID> followed = Set.of();

	private volatile int followedStatus = 200;

	private final ConcurrentLinkedQueue<Integer> successAnswers = new ConcurrentLinkedQueue<>();

	private final List<ResultBatch> accepted = new CopyOnWriteArrayList<>();

	private final List<UUID> attempts = new CopyOnWriteArrayList<>();

	private final List<String> authorizations = new CopyOnWriteArrayList<>();

	private FailureServiceStandIn(HttpServer server) {
		this.server = server;
		server.createContext(OpenIncidentEndpoints.PATH, this::followed);
		server.createContext(OpenIncidentEndpoints.SUCCESSES_PATH, this::successes);
		server.start();
	}

	/** Starts on a free port. */
	public static FailureServiceStandIn start() {
		return on(0);
	}

	/** Starts on the given port, e.g. one a client already tried in vain. */
	public static FailureServiceStandIn on(int port) {
		try {
			return new FailureServiceStandIn(HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	public URI url() {
		return URI.create("http://127.0.0.1:" + this.server.getAddress().getPort());
	}

	/** The endpoints named on the next polls. */
	public void follow(Collection<UUID> endpoints) {
		this.followed = Set.copyOf(endpoints);
	}

	/** The status the followed-endpoints route answers with; 200 sends the set. */
	public void answerFollowedWith(int status) {
		this.followedStatus = status;
	}

	/** The statuses the next batches get, one each, before 202 again. */
	public void answerSuccessesWith(int... statuses) {
		for (int status : statuses) {
			this.successAnswers.add(status);
		}
	}

	/** The batches answered with 202, in order. */
	public List<ResultBatch> accepted() {
		return List.copyOf(this.accepted);
	}

	/** The batch id of every request on the successes route, whatever its answer. */
	public List<UUID> attempts() {
		return List.copyOf(this.attempts);
	}

	/** The Authorization header of every request. */
	public List<String> authorizations() {
		return List.copyOf(this.authorizations);
	}

	private void followed(HttpExchange exchange) throws IOException {
		this.authorizations.add(String.valueOf(exchange.getRequestHeaders().getFirst("Authorization")));
		int status = this.followedStatus;
		if (status != 200) {
			answer(exchange, status, "");
			return;
		}
		answer(exchange, 200,
				WireJson.mapper().writeValueAsString(new OpenIncidentEndpoints(new ArrayList<>(this.followed))));
	}

	private void successes(HttpExchange exchange) throws IOException {
		this.authorizations.add(String.valueOf(exchange.getRequestHeaders().getFirst("Authorization")));
		String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
		ResultBatch batch = WireJson.mapper().readValue(body, ResultBatch.class);
		this.attempts.add(batch.batchId());
		Integer scripted = this.successAnswers.poll();
		int status = (scripted != null) ? scripted : 202;
		if (status == 202) {
			this.accepted.add(batch);
		}
		answer(exchange, status, "");
	}

	private static void answer(HttpExchange exchange, int status, String body) throws IOException {
		byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
		exchange.getResponseHeaders().add("Content-Type", "application/json");
		exchange.sendResponseHeaders(status, (bytes.length == 0) ? -1 : bytes.length);
		if (bytes.length > 0) {
			exchange.getResponseBody().write(bytes);
		}
		exchange.close();
	}

	@Override
	public void close() {
		this.server.stop(0);
	}

}
