package io.pepper.failure.incident;

import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.pepper.contracts.v1.ApdexClass;
import io.pepper.contracts.v1.CheckResult;
import io.pepper.contracts.v1.EndpointAlerting;
import io.pepper.contracts.v1.NotificationChannelSpec;
import io.pepper.contracts.v1.OpenIncidentEndpoints;
import io.pepper.contracts.v1.Outcome;
import io.pepper.contracts.v1.PhaseTimings;
import io.pepper.contracts.v1.ResultBatch;
import io.pepper.failure.IncidentTestBase;
import io.pepper.failure.TestEndpoint;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static io.pepper.failure.TestEndpoint.policy;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A TLS check's certificate through failure-service's API: a warning incident with its
 * own notification once per threshold, and its end when the certificate is renewed, with
 * real PostgreSQL and SMTP.
 */
class CertificateExpiryTest extends IncidentTestBase {

	@Test
	void warnsOncePerThresholdAndResolvesWhenTheCertificateIsRenewed() {
		TestEndpoint endpoint = TestEndpoint.create("Shop certificate", "eu-west").at("tls://shop.example.com:443");
		NotificationChannelSpec.Email oncall = emailChannel(endpoint);
		this.alerting.add(new EndpointAlerting(endpoint.id(), endpoint.organizationId(), endpoint.name(),
				URI.create(endpoint.url()), endpoint.locations(), List.of(), 300, policy(3, 1, 1, null, oncall.id()),
				List.of(), List.of(30, 14, 7, 1)), oncall);
		String address = oncall.addresses().getFirst();
		Instant expiry = this.clock.instant()
			.plus(Duration.ofDays(20))
			.plus(Duration.ofHours(1))
			.truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
		assertThat(watched()).contains(endpoint.id());

		seen(endpoint, 0, expiry);
		seen(endpoint, 1, expiry);

		JsonNode incident = onlyIncident(endpoint);
		assertThat(incident.get("kind").asString()).isEqualTo("CERTIFICATE_EXPIRING");
		assertThat(incident.get("state").asString()).isEqualTo("OPEN");
		MimeMessage first = awaitMails(address, 1).getFirst();
		assertThat(subject(first)).isEqualTo("[Pepper] CERTIFICATE EXPIRING: Shop certificate — the certificate "
				+ "expires in 20 days, at " + expiry);

		this.clock.advance(Duration.ofDays(10));
		seen(endpoint, 2, expiry);
		seen(endpoint, 3, expiry);

		MimeMessage second = awaitMails(address, 2).get(1);
		assertThat(subject(second)).contains("expires in 10 days");
		assertThat(incidents(endpoint)).hasSize(1);

		Instant renewed = this.clock.instant().plus(Duration.ofDays(90));
		seen(endpoint, 4, renewed);

		MimeMessage third = awaitMails(address, 3).get(2);
		assertThat(subject(third)).isEqualTo("[Pepper] CERTIFICATE RENEWED: Shop certificate");
		JsonNode resolved = onlyIncident(endpoint);
		assertThat(resolved.get("state").asString()).isEqualTo("RESOLVED");
		assertThat(timeline(endpoint, resolved.get("id").asString())).containsExactly("opened", "notified", "warned",
				"notified", "resolved", "notified");
	}

	private void seen(TestEndpoint endpoint, int minute, Instant expiry) {
		CheckResult result = new CheckResult(endpoint.id(), endpoint.organizationId(), "eu-west", slot(minute),
				slot(minute).plusMillis(30), new PhaseTimings(1.0, 2.0, 10.0, null, 13.0), null, 0, expiry,
				Outcome.up("certificate CN=shop.example.com"), 300, ApdexClass.SATISFIED, null);
		HttpResponse<String> response = this.api.postAsService(OpenIncidentEndpoints.SUCCESSES_PATH,
				new ResultBatch(UUID.randomUUID(), "receiver", List.of(result)));
		assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
	}

	private List<UUID> watched() {
		HttpResponse<String> response = this.api.getAsService(OpenIncidentEndpoints.PATH);
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		return io.pepper.contracts.v1.WireJson.mapper()
			.readValue(response.body(), OpenIncidentEndpoints.class)
			.endpointIds();
	}

}
