package io.pepper.probe.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import javax.net.ssl.KeyManager;
import javax.net.ssl.SSLContext;

import okhttp3.tls.HandshakeCertificates;
import okhttp3.tls.HeldCertificate;
import org.conscrypt.Conscrypt;

/**
 * The benchmark's target farm, run as a process of its own so its CPU time is not counted
 * against the probe: HTTP and HTTPS servers on 127.0.0.1 whose paths say what to inject
 * ({@code /t/DELAY_MS/STATUS/BODY_BYTES/N}), plus stand-ins for admin-app (the endpoint
 * list, set with {@code PUT /list}), the receiver and failure-service (accept and count).
 * Prints one line {@code READY http=P,P https=P,P services=P} and serves until stdin
 * closes.
 */
public final class TargetFarm {

	private static final int SERVERS_PER_SCHEME = 2;

	private TargetFarm() {
	}

	public static void main(String[] args) throws Exception {
		Path caFile = Path.of(args[0]);
		HeldCertificate root = new HeldCertificate.Builder().certificateAuthority(0)
			.commonName("Pepper Benchmark Root")
			.build();
		HeldCertificate leaf = new HeldCertificate.Builder().signedBy(root)
			.commonName("127.0.0.1")
			.addSubjectAlternativeName("127.0.0.1")
			.build();
		Files.writeString(caFile, root.certificatePem());
		HandshakeCertificates serverCertificates = new HandshakeCertificates.Builder()
			.heldCertificate(leaf, root.certificate())
			.build();

		SSLContext serverContext = serverContext(serverCertificates);
		List<HttpServer> servers = new ArrayList<>();
		List<Integer> http = new ArrayList<>();
		List<Integer> https = new ArrayList<>();
		for (int i = 0; i < SERVERS_PER_SCHEME; i++) {
			HttpServer plain = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 4096);
			plain.createContext("/t/", TargetFarm::target);
			servers.add(plain);
			http.add(plain.getAddress().getPort());
			HttpsServer secure = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 4096);
			secure.setHttpsConfigurator(new HttpsConfigurator(serverContext));
			secure.createContext("/t/", TargetFarm::target);
			servers.add(secure);
			https.add(secure.getAddress().getPort());
		}
		HttpServer services = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 1024);
		AtomicReference<byte[]> list = new AtomicReference<>(
				("{\"location\":\"bench\",\"generatedAt\":\"" + Instant.now() + "\",\"endpoints\":[]}")
					.getBytes(StandardCharsets.UTF_8));
		AtomicLong accepted = new AtomicLong();
		services.createContext("/list", (exchange) -> {
			try (InputStream in = exchange.getRequestBody()) {
				list.set(in.readAllBytes());
			}
			respond(exchange, 204, 0);
		});
		services.createContext("/api/probe/v1/endpoints", (exchange) -> {
			byte[] body = list.get();
			String etag = "\"" + java.util.Arrays.hashCode(body) + "\"";
			if (etag.equals(exchange.getRequestHeaders().getFirst("If-None-Match"))) {
				respond(exchange, 304, 0);
				return;
			}
			exchange.getResponseHeaders().add("ETag", etag);
			exchange.getResponseHeaders().add("Content-Type", "application/json");
			exchange.sendResponseHeaders(200, body.length);
			try (OutputStream out = exchange.getResponseBody()) {
				out.write(body);
			}
		});
		services.createContext("/v1/", (exchange) -> {
			try (InputStream in = exchange.getRequestBody()) {
				in.transferTo(OutputStream.nullOutputStream());
			}
			accepted.incrementAndGet();
			respond(exchange, 201, 0);
		});
		servers.add(services);
		for (HttpServer server : servers) {
			server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
			server.start();
		}
		System.out.println("READY http=" + join(http) + " https=" + join(https) + " services="
				+ services.getAddress().getPort() + " tls=" + serverContext.getProvider().getName());
		System.out.flush();
		// Serve until the benchmark closes our stdin (or dies).
		System.in.transferTo(OutputStream.nullOutputStream());
		servers.forEach((server) -> server.stop(0));
	}

	/**
	 * The farm's TLS: BoringSSL through Conscrypt, so that the server side of a handshake
	 * costs the farm little and clients are what the figures compare. JSSE with
	 * {@code -Dfarm.tls=jsse}.
	 */
	private static SSLContext serverContext(HandshakeCertificates certificates) throws Exception {
		if ("jsse".equals(System.getProperty("farm.tls")) || !Conscrypt.isAvailable()) {
			return certificates.sslContext();
		}
		SSLContext context = SSLContext.getInstance("TLS", Conscrypt.newProvider());
		context.init(new KeyManager[] { certificates.keyManager() }, null, null);
		return context;
	}

	private static void target(HttpExchange exchange) throws IOException {
		// /t/DELAY_MS/STATUS/BODY_BYTES/N
		String[] parts = exchange.getRequestURI().getPath().split("/");
		long delay = Long.parseLong(parts[2]);
		int status = Integer.parseInt(parts[3]);
		int bytes = Integer.parseInt(parts[4]);
		try (InputStream in = exchange.getRequestBody()) {
			in.transferTo(OutputStream.nullOutputStream());
		}
		if (delay > 0) {
			try {
				Thread.sleep(delay);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}
		respond(exchange, status, bytes);
	}

	private static void respond(HttpExchange exchange, int status, int bytes) throws IOException {
		exchange.sendResponseHeaders(status, (bytes == 0) ? -1 : bytes);
		if (bytes > 0) {
			try (OutputStream out = exchange.getResponseBody()) {
				out.write(Body.of(bytes));
			}
		}
		exchange.close();
	}

	private static String join(List<Integer> ports) {
		return String.join(",", ports.stream().map(String::valueOf).toList());
	}

	/** Bodies of a given size, made once each. */
	private static final class Body {

		private static final Map<Integer, byte[]> BY_SIZE = new ConcurrentHashMap<>();

		static byte[] of(int bytes) {
			return BY_SIZE.computeIfAbsent(bytes, (size) -> "x".repeat(size).getBytes(StandardCharsets.US_ASCII));
		}

	}

}
