package io.pepper.net;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.UnknownHostException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpServer;
import okhttp3.Call;
import okhttp3.Dns;
import okhttp3.EventListener;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The guarded client against real servers on loopback: a rebinding name, redirects and IP
 * literals. A trap server on 127.0.0.1 records whatever gets through to it.
 */
class GuardedHttpClientTest {

	private static final String SETTING = "example.allowed-targets";

	private final List<String> trapped = new CopyOnWriteArrayList<>();

	private final HttpServer trap = server("127.0.0.1", 0, this.trapped);

	private final int port = this.trap.getAddress().getPort();

	private final List<String> served = new CopyOnWriteArrayList<>();

	private HttpServer allowed;

	@AfterEach
	void stop() {
		this.trap.stop(0);
		if (this.allowed != null) {
			this.allowed.stop(0);
		}
	}

	@Test
	void connectsToThePublicAddressItCheckedWhenTheNameRebindsToLoopback() throws IOException {
		Rebinding dns = new Rebinding(address("203.0.113.7"), address("127.0.0.1"));
		List<InetSocketAddress> connects = new CopyOnWriteArrayList<>();
		OkHttpClient client = GuardedHttpClient.builder(TargetPolicy.publicOnly(SETTING), dns)
			.eventListener(new EventListener() {
				@Override
				public void connectStart(Call call, InetSocketAddress address, Proxy proxy) {
					// Record where the connection goes, and go no further: no packet
					// leaves.
					connects.add(address);
					call.cancel();
				}
			})
			.build();

		assertThatExceptionOfType(IOException.class)
			.isThrownBy(() -> get(client, "http://rebinding.example:" + this.port));
		assertThat(connects).containsExactly(new InetSocketAddress(address("203.0.113.7"), this.port));
		assertThat(dns.lookups).hasValue(1);

		client.connectionPool().evictAll();
		assertThatExceptionOfType(BlockedTargetException.class)
			.isThrownBy(() -> get(client, "http://rebinding.example:" + this.port))
			.withMessage("rebinding.example (127.0.0.1) is a loopback address and not in " + SETTING);
		assertThat(connects).hasSize(1);
		assertThat(this.trapped).isEmpty();
	}

	@Test
	void sendsTheRequestToTheAddressItCheckedAndNeverToTheRebindingTarget() throws IOException {
		// 127.0.0.2 stands in for a public address: the policy allows it, as it allows
		// nothing else here.
		this.allowed = server("127.0.0.2", this.port, this.served);
		Rebinding dns = new Rebinding(address("127.0.0.2"), address("127.0.0.1"));
		OkHttpClient client = GuardedHttpClient.builder(TargetPolicy.allowing(SETTING, List.of("127.0.0.2/32")), dns)
			.build();

		assertThat(get(client, "http://hooks.example:" + this.port + "/hook")).isEqualTo(200);
		client.connectionPool().evictAll();
		assertThatExceptionOfType(BlockedTargetException.class)
			.isThrownBy(() -> get(client, "http://hooks.example:" + this.port + "/hook"))
			.withMessageContaining("127.0.0.1) is a loopback address");

		assertThat(this.served).containsExactly("/hook");
		assertThat(this.trapped).isEmpty();
		assertThat(dns.lookups).hasValue(2);
	}

	@Test
	void checksEveryRedirectHop() throws IOException {
		this.allowed = HttpServer.create(new InetSocketAddress("127.0.0.2", this.port), 0);
		this.allowed.createContext("/", (exchange) -> {
			exchange.getResponseHeaders().add("Location", "http://127.0.0.1:" + this.port + "/secret");
			exchange.sendResponseHeaders(302, -1);
			exchange.close();
		});
		this.allowed.start();
		OkHttpClient client = GuardedHttpClient.builder(TargetPolicy.allowing(SETTING, List.of("127.0.0.2/32")))
			.build();

		assertThatExceptionOfType(BlockedTargetException.class)
			.isThrownBy(() -> get(client, "http://127.0.0.2:" + this.port + "/"))
			.withMessage("127.0.0.1 is a loopback address and not in " + SETTING);
		assertThat(this.trapped).isEmpty();
	}

	@Test
	void checksAnIpLiteralTheResolverIsNeverAskedAbout() {
		Rebinding dns = new Rebinding(address("203.0.113.7"), address("203.0.113.7"));
		OkHttpClient client = GuardedHttpClient.builder(TargetPolicy.publicOnly(SETTING), dns).build();

		assertThatExceptionOfType(BlockedTargetException.class)
			.isThrownBy(() -> get(client, "http://127.0.0.1:" + this.port + "/"))
			.withMessage("127.0.0.1 is a loopback address and not in " + SETTING);
		assertThat(dns.lookups).hasValue(0);
		assertThat(this.trapped).isEmpty();
	}

	private static int get(OkHttpClient client, String url) throws IOException {
		try (Response response = client.newCall(new Request.Builder().url(url).build()).execute()) {
			return response.code();
		}
	}

	private static HttpServer server(String host, int port, List<String> paths) {
		try {
			HttpServer server = HttpServer.create(new InetSocketAddress(host, port), 0);
			server.createContext("/", (exchange) -> {
				paths.add(exchange.getRequestURI().getPath());
				exchange.sendResponseHeaders(200, -1);
				exchange.close();
			});
			server.start();
			return server;
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static InetAddress address(String literal) {
		return InetAddress.ofLiteral(literal);
	}

	/** A resolver whose first answer passes the check and whose later ones do not. */
	private static final class Rebinding implements Dns {

		private final InetAddress first;

		private final InetAddress later;

		private final AtomicInteger lookups = new AtomicInteger();

		Rebinding(InetAddress first, InetAddress later) {
			this.first = first;
			this.later = later;
		}

		@Override
		public List<InetAddress> lookup(String hostname) throws UnknownHostException {
			InetAddress answer = (this.lookups.getAndIncrement() == 0) ? this.first : this.later;
			return List.of(InetAddress.getByAddress(hostname, answer.getAddress()));
		}

	}

}
