package io.pepper.contracts.v1;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Fully populated instances of the wire types, for round trips. */
final class Samples {

	static final UUID ENDPOINT = UUID.fromString("0b6f1f8e-6a43-4c51-9d7e-1c2f3a4b5c6d");

	static final UUID ORGANIZATION = UUID.fromString("7d1e2f3a-4b5c-4d6e-8f90-a1b2c3d4e5f6");

	private Samples() {
	}

	static EndpointSpec endpoint() {
		return new EndpointSpec(ENDPOINT, ORGANIZATION, "Checkout API", URI.create("https://shop.example.com/health"),
				HttpMethod.POST, Map.of("Accept", "application/json"), "{\"ping\":true}",
				List.of(StatusRange.of(200), new StatusRange(300, 302)),
				List.of(new BodyAssertion.KeywordPresent("ok"), new BodyAssertion.KeywordAbsent("error"),
						new BodyAssertion.JsonPathEquals("$.status", "UP")),
				5_000, true, 300, 60, HttpVersion.HTTP_1_1);
	}

	static EndpointSpec tcp() {
		return EndpointSpec.of(UUID.fromString("1b6f1f8e-6a43-4c51-9d7e-1c2f3a4b5c6d"), ORGANIZATION, "Database",
				URI.create("tcp://db.example.com:5432"), new CheckSettings.Tcp(true, "PING\r\n", "+PONG"), 3_000, 200,
				60);
	}

	static EndpointSpec dns() {
		return EndpointSpec.of(UUID.fromString("2b6f1f8e-6a43-4c51-9d7e-1c2f3a4b5c6d"), ORGANIZATION, "Mail DNS",
				URI.create("dns:_dmarc.example.com"), new CheckSettings.Dns(DnsRecordType.TXT, "[2001:db8::53]:5353",
						DnsRcode.NOERROR, List.of("v=DMARC1; p=reject"), CheckSettings.AnswerMatch.ALL),
				2_000, 100, 300);
	}

	static EndpointSpec tls() {
		return EndpointSpec.of(UUID.fromString("3b6f1f8e-6a43-4c51-9d7e-1c2f3a4b5c6d"), ORGANIZATION, "Certificate",
				URI.create("tls://shop.example.com:443"), new CheckSettings.Tls(List.of(7, 21)), 5_000, 500, 3600);
	}

	/** A TCP check's result: no HTTP status, no body phase, no protocol. */
	static CheckResult tcpUp() {
		return new CheckResult(tcp().id(), ORGANIZATION, "eu-west", Instant.parse("2026-11-24T10:15:00Z"),
				Instant.parse("2026-11-24T10:15:00.250Z"), new PhaseTimings(null, 1.0, null, null, 1.5), null, 0, null,
				Outcome.up(), 200, ApdexClass.SATISFIED, null);
	}

	static CheckResult up() {
		return new CheckResult(ENDPOINT, ORGANIZATION, "eu-west", Instant.parse("2026-11-24T10:15:00Z"),
				Instant.parse("2026-11-24T10:15:00.250Z"), new PhaseTimings(1.5, 2.25, 10.0, 40.125, 42.5), 200, 1234,
				Instant.parse("2027-02-01T00:00:00Z"), Outcome.up(), 300, ApdexClass.SATISFIED, "h2");
	}

	static CheckResult failed() {
		return new CheckResult(ENDPOINT, ORGANIZATION, "eu-west", Instant.parse("2026-11-24T10:16:00Z"),
				Instant.parse("2026-11-24T10:16:00.250Z"), new PhaseTimings(null, 0.5, null, 3.0, 3.5), 500, 12, null,
				Outcome.failed(OutcomeKind.UNEXPECTED_STATUS, Phase.FIRST_BYTE, "expected 200-299 but got 500"), 300,
				ApdexClass.FRUSTRATED);
	}

}
