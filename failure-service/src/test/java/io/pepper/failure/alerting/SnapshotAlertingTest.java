package io.pepper.failure.alerting;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.pepper.contracts.v1.AlertPolicy;
import io.pepper.contracts.v1.AlertingSnapshot;
import io.pepper.contracts.v1.EndpointAlerting;
import io.pepper.contracts.v1.TrendSensitivity;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Where k of n comes from, and when nothing may be decided: the rules as data. */
class SnapshotAlertingTest {

	static final UUID ENDPOINT = UUID.randomUUID();

	@Test
	void takesNFromTheEndpointsConfiguredLocations() {
		AlertPolicy twoOfN = new AlertPolicy(2, 2, 2, null, TrendSensitivity.MEDIUM, null, List.of());
		SnapshotAlerting alerting = new SnapshotAlerting(new AlertingSnapshot(Instant.now(),
				List.of(new EndpointAlerting(ENDPOINT, UUID.randomUUID(), "Checkout", URI.create("https://a.example"),
						List.of("eu-west", "us-east", "ap-south"), List.of(), 300, twoOfN, List.of())),
				List.of(), List.of(), List.of()));

		EndpointRules rules = alerting.rulesFor(ENDPOINT);

		assertThat(rules.held()).isFalse();
		assertThat(rules.quorum()).isEqualTo(2);
		assertThat(rules.counts("us-east")).isTrue();
		assertThat(rules.counts("sa-east")).as("a location it is not configured for").isFalse();
		assertThat(alerting.rulesFor(UUID.randomUUID()).held()).as("not listed yet").isTrue();
	}

	@Test
	void holdsEveryEndpointBeforeASnapshotIsLoaded() {
		SnapshotAlerting alerting = SnapshotAlerting.notLoaded();

		assertThat(alerting.loaded()).isFalse();
		assertThat(alerting.rulesFor(ENDPOINT).held()).isTrue();
	}

	@Test
	void standAloneNeedsAllKLocationsWhenNIsUnknown() {
		EndpointRules rules = SnapshotAlerting.standalone(List.of("ops@example.com"), List.of()).rulesFor(ENDPOINT);

		assertThat(rules.held()).isFalse();
		assertThat(rules.quorum()).as("the default policy's k, not 1 of 1")
			.isEqualTo(AlertPolicy.DEFAULT.locationsToConfirm());
		assertThat(rules.counts("anywhere")).isTrue();
		assertThat(rules.contactEmails()).containsExactly("ops@example.com");
	}

	@Test
	void standAloneTakesNFromItsConfiguredLocations() {
		EndpointRules rules = SnapshotAlerting.standalone(List.of(), List.of("eu-west")).rulesFor(ENDPOINT);

		assertThat(rules.quorum()).isEqualTo(1);
		assertThat(rules.counts("eu-west")).isTrue();
		assertThat(rules.counts("us-east")).isFalse();
	}

}
