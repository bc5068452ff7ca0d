package io.pepper.contracts.v1;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

class RoundTripTest {

	private final JsonMapper json = WireJson.mapper();

	private <T> T roundTrip(T value, Class<T> type) {
		String text = this.json.writeValueAsString(value);
		return this.json.readValue(text, type);
	}

	@Test
	void endpointListSurvivesRoundTripWithEveryAssertionType() {
		ProbeEndpointList list = new ProbeEndpointList("eu-west", Instant.parse("2026-11-24T10:00:00Z"),
				List.of(Samples.endpoint()));
		assertThat(roundTrip(list, ProbeEndpointList.class)).isEqualTo(list);
	}

	@Test
	void endpointListSurvivesRoundTripWithEveryKind() {
		ProbeEndpointList list = new ProbeEndpointList("eu-west", Instant.parse("2026-11-24T10:00:00Z"),
				List.of(Samples.endpoint(), Samples.tcp(), Samples.dns(), Samples.tls()));
		ProbeEndpointList back = roundTrip(list, ProbeEndpointList.class);
		assertThat(back).isEqualTo(list);
		assertThat(back.endpoints()).extracting(EndpointSpec::kind)
			.containsExactly(CheckKind.HTTP, CheckKind.TCP, CheckKind.DNS, CheckKind.TLS);
	}

	@Test
	void eachKindsSettingsCarryTheirTypeName() {
		assertThat(this.json.writeValueAsString(Samples.tcp())).contains("\"kind\":\"TCP\"")
			.contains("\"settings\":{\"type\":\"tcp\"");
		assertThat(this.json.writeValueAsString(Samples.dns())).contains("\"type\":\"dns\"")
			.contains("\"recordType\":\"TXT\"");
		assertThat(this.json.writeValueAsString(Samples.tls())).contains("\"type\":\"tls\"")
			.contains("\"expiryWarningDays\":[21,7]");
		assertThat(this.json.writeValueAsString(Samples.endpoint())).contains("\"kind\":\"HTTP\"")
			.contains("\"settings\":null");
	}

	@Test
	void anEndpointFromASenderThatDoesNotSayTheKindIsHttp() {
		tools.jackson.databind.node.ObjectNode old = this.json.valueToTree(Samples.endpoint());
		old.remove("kind");
		old.remove("settings");

		EndpointSpec spec = this.json.treeToValue(old, EndpointSpec.class);

		assertThat(spec.kind()).isEqualTo(CheckKind.HTTP);
		assertThat(spec.settings()).isNull();
		assertThat(spec).isEqualTo(Samples.endpoint());
	}

	@Test
	void aKindWithoutSettingsGetsItsDefaults() {
		tools.jackson.databind.node.ObjectNode tree = this.json.valueToTree(Samples.dns());
		tree.remove("settings");
		tree.remove("method");

		EndpointSpec spec = this.json.treeToValue(tree, EndpointSpec.class);

		assertThat(spec.settings()).isEqualTo(new CheckSettings.Dns(DnsRecordType.A, null, DnsRcode.NOERROR, List.of(),
				CheckSettings.AnswerMatch.ANY));
		assertThat(spec.settings(CheckSettings.Dns.class).recordType()).isEqualTo(DnsRecordType.A);
		assertThat(CheckUrls.dnsName(spec.url())).isEqualTo("_dmarc.example.com");
	}

	@Test
	void aResultWithoutHttpPhasesSurvivesRoundTrip() {
		ResultBatch batch = new ResultBatch(UUID.randomUUID(), "probe-1", List.of(Samples.tcpUp()));
		ResultBatch back = roundTrip(batch, ResultBatch.class);
		assertThat(back).isEqualTo(batch);
		assertThat(back.results().getFirst().status()).isNull();
		assertThat(back.results().getFirst().timings().firstByteMs()).isNull();
	}

	@Test
	void resultBatchSurvivesRoundTrip() {
		ResultBatch batch = new ResultBatch(UUID.randomUUID(), "probe-1", List.of(Samples.up()));
		assertThat(roundTrip(batch, ResultBatch.class)).isEqualTo(batch);
	}

	@Test
	void failureBatchSurvivesRoundTripWithNullPhases() {
		FailureBatch batch = new FailureBatch(UUID.randomUUID(), "probe-1",
				List.of(new FailureReport("Checkout API", Samples.endpoint().url(), Samples.failed())));
		FailureBatch back = roundTrip(batch, FailureBatch.class);
		assertThat(back).isEqualTo(batch);
		assertThat(back.failures().getFirst().result().timings().dnsMs()).isNull();
	}

	@Test
	void instantsAreWrittenAsIsoText() {
		String text = this.json.writeValueAsString(Samples.up());
		assertThat(text).contains("\"scheduledAt\":\"2026-11-24T10:15:00Z\"");
	}

	@Test
	void bodyAssertionsCarryTheirTypeName() {
		String text = this.json.writeValueAsString(Samples.endpoint());
		assertThat(text).contains("\"type\":\"keyword-present\"")
			.contains("\"type\":\"keyword-absent\"")
			.contains("\"type\":\"json-path-equals\"");
	}

	@Test
	void unknownPropertiesFromNewerSendersAreIgnored() {
		String text = this.json.writeValueAsString(Samples.up()).replaceFirst("\\{", "{\"addedInV2\":42,");
		assertThat(this.json.readValue(text, CheckResult.class)).isEqualTo(Samples.up());
	}

	@Test
	void aResultFromASenderThatDoesNotReportTheProtocolHasNone() {
		tools.jackson.databind.node.ObjectNode old = this.json.valueToTree(Samples.up());
		old.remove("protocol");

		CheckResult result = this.json.treeToValue(old, CheckResult.class);

		assertThat(result.protocol()).isNull();
		assertThat(result).isEqualTo(new CheckResult(Samples.up().endpointId(), Samples.up().organizationId(),
				"eu-west", Samples.up().scheduledAt(), Samples.up().startedAt(), Samples.up().timings(), 200, 1234,
				Samples.up().tlsCertExpiresAt(), Outcome.up(), 300, ApdexClass.SATISFIED));
	}

	@Test
	void anEndpointFromASenderThatDoesNotSayTheHttpVersionNegotiatesIt() {
		tools.jackson.databind.node.ObjectNode old = this.json.valueToTree(Samples.endpoint());
		old.remove("httpVersion");

		assertThat(this.json.treeToValue(old, EndpointSpec.class).httpVersion()).isEqualTo(HttpVersion.AUTO);
		assertThat(this.json.writeValueAsString(Samples.endpoint())).contains("\"httpVersion\":\"HTTP_1_1\"");
	}

	@Test
	void emptyExpectedStatusMeansAny2xx() {
		EndpointSpec spec = Samples.endpoint();
		EndpointSpec defaults = new EndpointSpec(spec.id(), spec.organizationId(), spec.name(), spec.url(),
				spec.method(), null, null, null, null, 1000, false, 100, 60);
		assertThat(defaults.accepts(204)).isTrue();
		assertThat(defaults.accepts(301)).isFalse();
		assertThat(spec.accepts(302)).isTrue();
		assertThat(spec.accepts(204)).isFalse();
	}

	@Test
	void apdexClassFollowsTheSpecification() {
		assertThat(ApdexClass.of(Outcome.up(), 300, 300)).isEqualTo(ApdexClass.SATISFIED);
		assertThat(ApdexClass.of(Outcome.up(), 300.01, 300)).isEqualTo(ApdexClass.TOLERATING);
		assertThat(ApdexClass.of(Outcome.up(), 1200, 300)).isEqualTo(ApdexClass.TOLERATING);
		assertThat(ApdexClass.of(Outcome.up(), 1200.01, 300)).isEqualTo(ApdexClass.FRUSTRATED);
		assertThat(ApdexClass.of(Samples.failed().outcome(), 1, 300)).isEqualTo(ApdexClass.FRUSTRATED);
	}

}
