package io.pepper.failure.incident;

import java.net.http.HttpResponse;
import java.util.UUID;

import io.pepper.failure.IncidentTestBase;
import io.pepper.failure.TestEndpoint;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;

import static io.pepper.failure.TestEndpoint.policy;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The incident API admin-app reads: scoped by organization on every route, behind the
 * service token, and bad input answered with a problem detail that changes nothing.
 */
class IncidentApiTest extends IncidentTestBase {

	@Test
	void listsTheOrganizationsIncidentsByState() {
		TestEndpoint down = TestEndpoint.create("Orders", "eu-west");
		TestEndpoint recovered = TestEndpoint.in(down.organizationId(), "Invoices", "eu-west");
		this.alerting.add(down.alerting(policy(1, 1, 1, null))).add(recovered.alerting(policy(1, 1, 1, null)));
		fail(down, "eu-west", 0);
		fail(recovered, "eu-west", 0);
		succeed(recovered, "eu-west", 1);

		JsonNode open = list("?organizationId=" + down.organizationId() + "&state=OPEN");
		JsonNode resolved = list("?organizationId=" + down.organizationId() + "&state=RESOLVED");
		JsonNode all = list("?organizationId=" + down.organizationId());

		assertThat(open).singleElement().satisfies((incident) -> {
			assertThat(incident.get("endpointName").asString()).isEqualTo("Orders");
			assertThat(incident.get("organizationId").asString()).isEqualTo(down.organizationId().toString());
			assertThat(incident.get("openedAt").asString()).isNotBlank();
			assertThat(incident.get("acknowledgedAt").isNull()).isTrue();
		});
		assertThat(resolved).singleElement()
			.satisfies((incident) -> assertThat(incident.get("endpointName").asString()).isEqualTo("Invoices"));
		assertThat(all).hasSize(2);
		assertThat(list("?organizationId=" + UUID.randomUUID())).isEmpty();
	}

	@Test
	void answers404ForAnotherOrganizationsIncidentAndChangesNothing() {
		TestEndpoint mine = TestEndpoint.create("Mine", "eu-west");
		TestEndpoint theirs = TestEndpoint.create("Theirs", "eu-west");
		this.alerting.add(mine.alerting(policy(1, 1, 1, null))).add(theirs.alerting(policy(1, 1, 1, null)));
		fail(mine, "eu-west", 0);
		fail(theirs, "eu-west", 0);
		String theirIncident = onlyIncident(theirs).get("id").asString();

		HttpResponse<String> detail = this.api
			.getAsService("/v1/incidents/" + theirIncident + "?organizationId=" + mine.organizationId());
		HttpResponse<String> acknowledge = this.api.postAsService(
				"/v1/incidents/" + theirIncident + "/acknowledge?organizationId=" + mine.organizationId(),
				"{\"by\": \"mallory\"}");
		HttpResponse<String> unknown = this.api
			.getAsService("/v1/incidents/" + UUID.randomUUID() + "?organizationId=" + mine.organizationId());

		for (HttpResponse<String> response : new HttpResponse[] { detail, acknowledge, unknown }) {
			assertThat(response.statusCode()).isEqualTo(404);
			assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
		}
		assertThat(detail.body()).doesNotContain("Theirs");
		assertThat(onlyIncident(theirs).get("acknowledgedAt").isNull()).isTrue();
	}

	@Test
	void showsTheTimelineOldestFirst() {
		TestEndpoint endpoint = TestEndpoint.create("Timeline", "eu-west", "us-east");
		this.alerting.add(endpoint.alerting(policy(1, 1, 1, null)));
		fail(endpoint, "eu-west", 0);
		fail(endpoint, "us-east", 0);
		String id = onlyIncident(endpoint).get("id").asString();

		JsonNode detail = this.api
			.json(this.api.getAsService("/v1/incidents/" + id + "?organizationId=" + endpoint.organizationId()));

		assertThat(detail.get("incident").get("id").asString()).isEqualTo(id);
		assertThat(detail.get("timeline").get(0).get("type").asString()).isEqualTo("opened");
		assertThat(detail.get("timeline").get(0).get("detail").asString()).contains("Down from eu-west",
				"1 of 2 locations");
		assertThat(detail.get("timeline").get(2).get("detail").asString()).isEqualTo("Also down from us-east.");
	}

	@ParameterizedTest(name = "{0} {1}")
	@CsvSource(delimiter = '|',
			textBlock = """
					GET  | /v1/incidents?organizationId=00000000-0000-0000-0000-000000000001
					GET  | /v1/incidents/00000000-0000-0000-0000-000000000002?organizationId=00000000-0000-0000-0000-000000000001
					GET  | /v1/open-incidents/endpoints
					POST | /v1/trend-events
					POST | /v1/successes
					""")
	void refusesTheProbeTokenAndNoTokenOnServiceRoutes(String method, String path) {
		String body = method.equals("POST") ? "{}" : null;
		assertThat(this.api.send(method, path, body, PROBE_TOKEN).statusCode()).isEqualTo(401);
		assertThat(this.api.send(method, path, body, null).statusCode()).isEqualTo(401);
	}

	@Test
	void refusesTheServiceTokenForFailures() {
		TestEndpoint endpoint = TestEndpoint.create("Tokens", "eu-west");

		HttpResponse<String> response = this.api.send("POST", "/v1/failures",
				io.pepper.failure.Failures.json(io.pepper.failure.Failures.batch(endpoint.failure("eu-west", slot(0)))),
				SERVICE_TOKEN);

		assertThat(response.statusCode()).isEqualTo(401);
		assertThat(incidents(endpoint)).isEmpty();
	}

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|',
			textBlock = """
					no organization     | /v1/incidents                                         | organizationId
					bad organization    | /v1/incidents?organizationId=nope                      | organizationId
					unknown state       | /v1/incidents?organizationId=00000000-0000-0000-0000-000000000001&state=SLEEPING | state
					limit too large     | /v1/incidents?organizationId=00000000-0000-0000-0000-000000000001&limit=5000 | limit
					bad incident id     | /v1/incidents/42?organizationId=00000000-0000-0000-0000-000000000001 | id
					""")
	void answersBadQueriesWithAProblem(String name, String path, String field) {
		HttpResponse<String> response = this.api.getAsService(path);

		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
		assertThat(response.body()).contains(field);
	}

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|', textBlock = """
			blank name        | {"by": "  "}          | by must not be blank
			missing name      | {}                    | by must not be blank
			not JSON          | {"by":                | Unexpected end-of-input
			""")
	void refusesABadAcknowledgementAndChangesNothing(String name, String body, String expected) {
		TestEndpoint endpoint = TestEndpoint.create("Acks", "eu-west");
		this.alerting.add(endpoint.alerting(policy(1, 1, 1, null)));
		fail(endpoint, "eu-west", 0);
		String id = onlyIncident(endpoint).get("id").asString();

		HttpResponse<String> response = this.api
			.postAsService("/v1/incidents/" + id + "/acknowledge?organizationId=" + endpoint.organizationId(), body);

		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
		assertThat(response.body()).contains(expected);
		assertThat(onlyIncident(endpoint).get("acknowledgedAt").isNull()).isTrue();
	}

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|',
			textBlock = """
					apdex out of range  | {"eventId":"00000000-0000-0000-0000-000000000009","endpointId":"00000000-0000-0000-0000-000000000008","organizationId":"00000000-0000-0000-0000-000000000007","kind":"DEGRADED","detectedAt":"2030-01-01T00:00:00Z","apdex":1.5,"baselineApdex":0.9,"apdexThresholdMs":300,"reason":"r"} | apdex
					unknown kind        | {"eventId":"00000000-0000-0000-0000-000000000009","endpointId":"00000000-0000-0000-0000-000000000008","organizationId":"00000000-0000-0000-0000-000000000007","kind":"SLOW","detectedAt":"2030-01-01T00:00:00Z","apdex":0.5,"baselineApdex":0.9,"apdexThresholdMs":300,"reason":"r"} | SLOW
					""")
	void refusesAMalformedTrendEvent(String name, String body, String expected) {
		HttpResponse<String> response = this.api.postAsService("/v1/trend-events", body);

		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(response.body()).contains(expected);
		assertThat(this.jdbc
			.sql("SELECT count(*) FROM trend_events WHERE event_id = '00000000-0000-0000-0000-000000000009'")
			.query(Integer.class)
			.single()).isZero();
	}

	private JsonNode list(String query) {
		HttpResponse<String> response = this.api.getAsService("/v1/incidents" + query);
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		return this.api.json(response);
	}

}
