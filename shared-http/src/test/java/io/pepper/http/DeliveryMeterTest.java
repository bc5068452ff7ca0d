package io.pepper.http;

import java.time.Duration;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class DeliveryMeterTest {

	private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

	private final DeliveryMeter meter = new DeliveryMeter(this.registry, "test-queue");

	@Test
	void countsWhatWasDeliveredRetriedAndSetAsideByStatus() {
		this.meter.delivered(3);
		this.meter.retrying("a batch", new Answer(503, Verdict.RETRY, "busy"), Duration.ofSeconds(1));
		this.meter.setAside(2, "a batch", new Answer(400, Verdict.SET_ASIDE, "bad"), "in the dead list");
		this.meter.setAside(1, "a batch", new Answer(401, Verdict.SET_ASIDE, "token"), "in the dead list");

		assertThat(this.meter.deliveredCount()).isEqualTo(3);
		assertThat(this.meter.retryCount()).isEqualTo(1);
		assertThat(this.meter.setAsideCount()).isEqualTo(3);
		assertThat(this.registry.get("pepper.delivery.set.aside")
			.tag("queue", "test-queue")
			.tag("status", "400")
			.counter()
			.count()).isEqualTo(2);
		assertThat(this.registry.get("pepper.delivery.delivered").tag("queue", "test-queue").counter().count())
			.isEqualTo(3);
	}

}
