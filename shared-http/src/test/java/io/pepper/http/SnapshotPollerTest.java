package io.pepper.http;

import java.net.URI;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import io.pepper.contracts.v1.OpenIncidentEndpoints;
import io.pepper.http.SnapshotPoller.Refresh;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The ETag poller against a real local server serving a snapshot that tests change. */
class SnapshotPollerTest {

	private final LocalService service = LocalService.start();

	private final AtomicInteger status = new AtomicInteger(200);

	private final AtomicReference<String> body = new AtomicReference<>(snapshot(UUID.randomUUID()));

	private final SnapshotPoller<OpenIncidentEndpoints> poller = new SnapshotPoller<>(
			ServiceClient.builder("test-service", URI.create(this.service.url("/base"))).token("t").build(),
			"the watched endpoints", OpenIncidentEndpoints.class, "/v1/snapshot?for={who}", "me");

	SnapshotPollerTest() {
		this.service.on("/base/v1/snapshot", (exchange) -> {
			String etag = "\"" + Integer.toHexString(this.body.get().hashCode()) + "\"";
			if (this.status.get() == 200 && etag.equals(exchange.getRequestHeaders().getFirst("If-None-Match"))) {
				exchange.getResponseHeaders().add("ETag", etag);
				LocalService.respond(exchange, 304, "", "");
				return;
			}
			if (this.status.get() == 200) {
				exchange.getResponseHeaders().add("ETag", etag);
			}
			LocalService.respond(exchange, this.status.get(), "application/json", this.body.get());
		});
	}

	@AfterEach
	void stop() {
		this.poller.stop();
		this.service.close();
	}

	@Test
	void hasNoSnapshotBeforeTheFirstAnswer() {
		this.status.set(503);

		assertThat(this.poller.refresh()).isEqualTo(Refresh.FAILED);
		assertThat(this.poller.current()).isNull();
		assertThat(this.poller.detail()).contains("test-service answered 503");
		assertThat(this.service.requests()).extracting(LocalService.Request::ifNoneMatch).containsOnlyNulls();
	}

	@Test
	void fetchesWithTheTokenThenAsksWithTheEtag() {
		assertThat(this.poller.refresh()).isEqualTo(Refresh.UPDATED);
		assertThat(this.poller.refresh()).isEqualTo(Refresh.NOT_MODIFIED);

		assertThat(this.poller.current()).isNotNull();
		assertThat(this.service.requests()).extracting(LocalService.Request::ifNoneMatch)
			.containsExactly(null, "\"" + Integer.toHexString(this.body.get().hashCode()) + "\"");
		assertThat(this.service.requests()).extracting(LocalService.Request::query).containsOnly("for=me");
		assertThat(this.service.requests()).extracting(LocalService.Request::authorization).containsOnly("Bearer t");
	}

	@Test
	void keepsTheLastGoodSnapshotWhileTheServiceFailsOrSendsGarbage() {
		UUID first = UUID.randomUUID();
		this.body.set(snapshot(first));
		this.poller.refresh();

		this.status.set(500);
		assertThat(this.poller.refresh()).isEqualTo(Refresh.FAILED);
		this.status.set(200);
		this.body.set("{\"endpointIds\": [\"broken");
		assertThat(this.poller.refresh()).isEqualTo(Refresh.FAILED);
		this.service.close();
		assertThat(this.poller.refresh()).isEqualTo(Refresh.FAILED);

		assertThat(this.poller.current().endpointIds()).containsExactly(first);
		assertThat(this.poller.detail()).contains("cannot reach test-service");
	}

	@Test
	void keepsTheLastSnapshotWhenAListenerRefusesTheNewOne() {
		UUID good = UUID.randomUUID();
		UUID refused = UUID.randomUUID();
		AtomicReference<OpenIncidentEndpoints> seen = new AtomicReference<>();
		this.poller.onUpdate((snapshot) -> {
			if (snapshot.endpointIds().contains(refused)) {
				throw new IllegalArgumentException("endpoint " + refused + " is not allowed");
			}
			seen.set(snapshot);
		});
		this.body.set(snapshot(good));
		this.poller.refresh();
		this.body.set(snapshot(refused));

		assertThat(this.poller.refresh()).isEqualTo(Refresh.FAILED);

		assertThat(this.poller.current().endpointIds()).containsExactly(good);
		assertThat(seen.get().endpointIds()).containsExactly(good);
		assertThat(this.poller.detail()).contains("is not allowed");
		assertThat(this.service.requests().getLast().ifNoneMatch()).as("a refused snapshot is fetched again")
			.isNotNull()
			.isNotEqualTo("\"" + Integer.toHexString(this.body.get().hashCode()) + "\"");
	}

	@Test
	void pollsOnItsOwnOnceStarted() {
		this.poller.start(Duration.ofMillis(20));

		await().atMost(Duration.ofSeconds(5)).until(() -> this.service.requests().size() >= 3);
		assertThat(this.poller.current()).isNotNull();
		assertThat(this.poller.isRunning()).isTrue();
		this.poller.stop();
		assertThat(this.poller.isRunning()).isFalse();
	}

	private static String snapshot(UUID endpoint) {
		return "{\"endpointIds\":[\"" + endpoint + "\"]}";
	}

}
