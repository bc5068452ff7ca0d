package io.pepper.failure.incident;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.pepper.contracts.v1.IncidentView.Kind;
import io.pepper.contracts.v1.IncidentView.State;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/** The incident aggregate refuses transitions its state does not allow. */
class IncidentTest {

	private static final Instant T0 = Instant.parse("2030-01-01T10:00:00Z");

	@Test
	void refusesToResolveTwice() {
		Incident incident = open();
		incident.resolve(T0.plusSeconds(60), "up again");

		assertThatExceptionOfType(IncidentStateException.class)
			.isThrownBy(() -> incident.resolve(T0.plusSeconds(120), "up again"))
			.withMessageContaining("is resolved and cannot resolve");
		assertThat(incident.resolvedAt()).isEqualTo(T0.plusSeconds(60));
	}

	@Test
	void refusesToAcknowledgeTwiceOrWhenResolved() {
		Incident incident = open();
		incident.acknowledge("ada", T0);

		assertThatExceptionOfType(IncidentStateException.class).isThrownBy(() -> incident.acknowledge("bob", T0))
			.withMessageContaining("already acknowledged by ada");
		incident.resolve(T0, "up");
		assertThatExceptionOfType(IncidentStateException.class).isThrownBy(() -> incident.acknowledge("bob", T0));
	}

	@Test
	void refusesToReopenAnOpenIncidentOrRemindAResolvedOne() {
		Incident incident = open();

		assertThatExceptionOfType(IncidentStateException.class)
			.isThrownBy(() -> incident.reopen(T0, List.of("eu-west"), "down", 2));
		incident.resolve(T0, "up");
		assertThatExceptionOfType(IncidentStateException.class).isThrownBy(() -> incident.remind(T0));
	}

	@Test
	void becomesFlappingAtTheThresholdAndForgetsItsAcknowledgementOnReopening() {
		Incident incident = open();
		incident.acknowledge("ada", T0);
		incident.resolve(T0.plusSeconds(60), "up");

		TimelineEntry first = incident.reopen(T0.plusSeconds(120), List.of("us-east"), "timeout", 2);
		incident.resolve(T0.plusSeconds(180), "up");
		TimelineEntry second = incident.reopen(T0.plusSeconds(240), List.of("eu-west"), "timeout", 2);

		assertThat(first.type()).isEqualTo("reopened");
		assertThat(second.type()).isEqualTo("flapping");
		assertThat(incident.flapping()).isTrue();
		assertThat(incident.state()).isEqualTo(State.OPEN);
		assertThat(incident.acknowledgedBy()).isNull();
		assertThat(incident.locations()).containsExactly("eu-west", "us-east");
	}

	@Test
	void remindsOnlyWhileOpenUnacknowledgedAndDown() {
		Incident incident = open();

		assertThat(incident.reminderDue(null)).isNull();
		assertThat(incident.reminderDue(10)).isEqualTo(T0.plusSeconds(600));
		incident.remind(T0.plusSeconds(600));
		assertThat(incident.reminderDue(10)).isEqualTo(T0.plusSeconds(1200));
		incident.acknowledge("ada", T0.plusSeconds(700));
		assertThat(incident.reminderDue(10)).isNull();
	}

	private static Incident open() {
		return Incident.open(UUID.randomUUID(), UUID.randomUUID(), "Shop", "https://shop.example.com", Kind.DOWN,
				List.of("eu-west"), "down", T0, "opened");
	}

}
