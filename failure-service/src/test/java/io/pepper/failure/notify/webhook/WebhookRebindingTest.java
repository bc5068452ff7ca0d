package io.pepper.failure.notify.webhook;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import com.sun.net.httpserver.HttpServer;
import io.pepper.contracts.v1.NotificationChannelSpec;
import io.pepper.failure.IncidentTestBase;
import io.pepper.failure.RebindingDns;
import io.pepper.failure.TestEndpoint;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static io.pepper.failure.TestEndpoint.policy;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A webhook whose host name rebinds: the resolver's first answer passes the SSRF guard
 * (127.0.0.1 stands in for a public address here, allowed like the local receivers that
 * stand in for Slack), every later one is loopback that nothing allows, where a trap
 * listens. The webhook goes to the address that was checked, and the name is looked up
 * once: no second lookup can send it elsewhere.
 */
class WebhookRebindingTest extends IncidentTestBase {

	@Autowired
	private RebindingDns dns;

	private final List<String> trapped = new CopyOnWriteArrayList<>();

	private HttpServer trap;

	private int port;

	@BeforeEach
	void setTrap() throws IOException {
		this.port = URI.create(receiver.url("")).getPort();
		this.trap = HttpServer.create(new InetSocketAddress(RebindingDns.LATER, this.port), 0);
		this.trap.createContext("/", (exchange) -> {
			this.trapped.add(exchange.getRequestURI().getPath());
			exchange.sendResponseHeaders(200, -1);
			exchange.close();
		});
		this.trap.start();
	}

	@AfterEach
	void removeTrap() {
		this.trap.stop(0);
	}

	@Test
	void deliversToTheAddressItCheckedAndNeverToTheRebindingTarget() {
		TestEndpoint endpoint = TestEndpoint.create("Rebinding", "eu-west");
		String host = "hooks-" + UUID.randomUUID() + RebindingDns.DOMAIN;
		String path = "/hook/" + UUID.randomUUID();
		NotificationChannelSpec.Webhook hook = new NotificationChannelSpec.Webhook(UUID.randomUUID(),
				endpoint.organizationId(), "rebinding", URI.create("http://" + host + ":" + this.port + path),
				"secret");
		this.alerting.add(endpoint.alerting(policy(1, 1, 1, null, hook.id())), hook);

		fail(endpoint, "eu-west", 0);

		await().atMost(Duration.ofSeconds(20)).until(() -> "SENT".equals(row(hook.id()).get("state")));
		assertThat(receiver.requests(path)).singleElement()
			.satisfies((request) -> assertThat(request.header("Host")).isEqualTo(host + ":" + this.port));
		assertThat(this.dns.lookups(host)).isEqualTo(1);
		assertThat(this.trapped).isEmpty();
	}

	private Map<String, Object> row(UUID channelId) {
		return this.jdbc.sql("SELECT state, attempts, last_error FROM notifications WHERE recipient = ?")
			.param(channelId.toString())
			.query()
			.singleRow();
	}

}
