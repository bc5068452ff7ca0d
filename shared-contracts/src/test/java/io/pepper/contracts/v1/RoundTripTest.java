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
