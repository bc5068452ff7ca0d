package io.pepper.admin.alerting;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.pepper.admin.TestApi;
import io.pepper.admin.TestTenants;
import io.pepper.admin.organization.Organizations;
import io.pepper.contracts.auth.BearerTokens;
import io.pepper.contracts.v1.AlertPolicy;
import io.pepper.contracts.v1.AlertingSnapshot;
import io.pepper.contracts.v1.EndpointAlerting;
import io.pepper.contracts.v1.MaintenanceWindowSpec;
import io.pepper.contracts.v1.NotificationChannelSpec;
import io.pepper.contracts.v1.OrganizationContacts;
import io.pepper.contracts.v1.TrendSensitivity;
import io.pepper.contracts.v1.WireJson;
import io.pepper.testsupport.LocalPostgres;
import io.pepper.testsupport.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@DirtiesContext
class AlertingApiTest {

	static final TestDatabase DATABASE = LocalPostgres.fromEnvironment().createDatabase("admin_alerting");

	static final String SERVICE_TOKEN = "service-token-0123456789abcdef0123456789abcdef";

	/** base64 of 32 bytes, for tests only. */
	static final String KEY = "MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY=";

	static final String SLACK_URL = "https://hooks.slack.com/services/T000/B000/secretPartXYZ";

	static final String WEBHOOK_URL = "https://hooks.example.com/pepper/incoming-0123456789";

	@DynamicPropertySource
	static void properties(DynamicPropertyRegistry registry) {
		TestApi.configure(registry, DATABASE);
		registry.add("pepper.admin.service-token-sha256", () -> BearerTokens.sha256Hex(SERVICE_TOKEN));
		registry.add("pepper.admin.secrets.key", () -> KEY);
	}

	@AfterAll
	static void dropDatabase() {
		DATABASE.close();
	}

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Organizations organizations;

	@Autowired
	ApplicationContext context;

	@LocalServerPort
	int port;

	TestApi api() {
		return new TestApi(this.port);
	}

	@Test
	void serviceApiRejectsCallersWithoutAServiceToken() {
		for (String token : new String[] { null, "wrong", TestApi.OWNER_TOKEN, TestApi.PROBE_TOKEN }) {
			TestApi.Response answer = api().get(AlertingSnapshot.PATH, token);
			assertThat(answer.status()).as("token %s", token).isEqualTo(401);
			assertThat(answer.header("Content-Type")).startsWith("application/problem+json");
		}
	}

	@Test
	void resolvesEffectivePoliciesWithDecryptedSecretsOnlyOnTheServiceApi() {
		String slack = created(api().post("/api/v1/channels", TestApi.OWNER_TOKEN, """
				{"type": "slack", "name": "Ops Slack", "url": "%s"}
				""".formatted(SLACK_URL)));
		TestApi.Response webhookAnswer = api().post("/api/v1/channels", TestApi.OWNER_TOKEN, """
				{"type": "webhook", "name": "Pager", "url": "%s"}
				""".formatted(WEBHOOK_URL));
		String webhook = created(webhookAnswer);
		String generatedSecret = webhookAnswer.json().path("generatedSigningSecret").asString();
		assertThat(generatedSecret).hasSizeGreaterThanOrEqualTo(40);
		String email = created(api().post("/api/v1/channels", TestApi.OWNER_TOKEN, """
				{"type": "email", "name": "On call", "addresses": ["oncall@example.com"]}
				"""));

		String own = endpoint("Own policy", "[\"payments\"]");
		String tagged = endpoint("Tagged", "[\"untagged-here\", \"payments\", \"search\"]");
		String plain = endpoint("Plain", "[]");
		created(api().post("/api/v1/policies", TestApi.OWNER_TOKEN, """
				{"name": "Own", "endpointId": "%s", "failuresToOpen": 5, "channelIds": ["%s"]}
				""".formatted(own, slack)));
		created(api().post("/api/v1/policies", TestApi.OWNER_TOKEN, """
				{"name": "Payments", "tag": "payments", "failuresToOpen": 3, "locationsToConfirm": 1,
				 "apdexFloor": 0.8, "trendSensitivity": "HIGH", "reminderIntervalMinutes": 30,
				 "channelIds": ["%s"]}
				""".formatted(webhook)));
		created(api().post("/api/v1/policies", TestApi.OWNER_TOKEN, """
				{"name": "Search", "tag": "search", "failuresToOpen": 9}
				"""));
		String window = created(api().post("/api/v1/maintenance-windows", TestApi.OWNER_TOKEN, """
				{"name": "Sunday deploys", "tags": ["payments"],
				 "schedule": {"type": "weekly", "days": ["SUNDAY"], "start": "02:00", "durationMinutes": 90,
				              "zone": "Europe/Berlin"}}
				"""));

		AlertingSnapshot before = snapshot();
		Map<String, EndpointAlerting> byId = before.endpoints()
			.stream()
			.collect(Collectors.toMap((e) -> e.endpointId().toString(), Function.identity()));
		assertThat(byId.get(own).policy().failuresToOpen()).isEqualTo(5);
		assertThat(byId.get(tagged).policy())
			.isEqualTo(new AlertPolicy(3, 1, 2, 0.8, TrendSensitivity.HIGH, 30, List.of(UUID.fromString(webhook))));
		assertThat(byId.get(plain).policy()).isEqualTo(AlertPolicy.DEFAULT);
		assertThat(byId.get(own).maintenanceWindowIds()).containsExactly(UUID.fromString(window));
		assertThat(byId.get(plain).maintenanceWindowIds()).isEmpty();
		assertThat(before.maintenanceWindows()).extracting(MaintenanceWindowSpec::name)
			.containsExactly("Sunday deploys");
		assertThat(before.channels()).contains(
				new NotificationChannelSpec.Slack(UUID.fromString(slack), demoId(), "Ops Slack",
						java.net.URI.create(SLACK_URL)),
				new NotificationChannelSpec.Webhook(UUID.fromString(webhook), demoId(), "Pager",
						java.net.URI.create(WEBHOOK_URL), generatedSecret));

		created(api().post("/api/v1/policies", TestApi.OWNER_TOKEN, """
				{"name": "Everything else", "failuresToOpen": 4, "channelIds": ["%s"]}
				""".formatted(email)));
		EndpointAlerting plainNow = snapshot().endpoints()
			.stream()
			.filter((e) -> e.endpointId().toString().equals(plain))
			.findFirst()
			.orElseThrow();
		assertThat(plainNow.policy().failuresToOpen()).isEqualTo(4);

		// People see masks only, and the database holds ciphertext.
		String channels = api().get("/api/v1/channels", TestApi.OWNER_TOKEN).body();
		assertThat(channels).doesNotContain(SLACK_URL, WEBHOOK_URL, generatedSecret, "secretPartXYZ")
			.contains("https://hooks.slack.com/…tXYZ", "https://hooks.example.com/…6789",
					"••••" + generatedSecret.substring(generatedSecret.length() - 4));
		String stored = this.jdbc
			.sql("SELECT string_agg(coalesce(url_encrypted, '') || coalesce(signing_secret_encrypted, ''), ' ') "
					+ "FROM notification_channels")
			.query(String.class)
			.single();
		assertThat(stored).doesNotContain(SLACK_URL, WEBHOOK_URL, generatedSecret, "hooks").startsWith("k1:");
	}

	@Test
	void answersNotModifiedUntilTheConfigurationChanges() {
		TestApi.Response first = api().get(AlertingSnapshot.PATH, SERVICE_TOKEN);
		String etag = first.header("ETag");
		assertThat(first.status()).isEqualTo(200);
		assertThat(first.header("Cache-Control")).contains("no-store");

		TestApi.Response same = api().get(AlertingSnapshot.PATH, SERVICE_TOKEN, "If-None-Match", etag);
		assertThat(same.status()).isEqualTo(304);
		assertThat(same.body()).isEmpty();

		endpoint("Changes the snapshot", "[]");
		TestApi.Response changed = api().get(AlertingSnapshot.PATH, SERVICE_TOKEN, "If-None-Match", etag);
		assertThat(changed.status()).isEqualTo(200);
		assertThat(changed.header("ETag")).isNotEqualTo(etag);
	}

	@Test
	void listsEachOrganizationsOwnersAndAdminsAsItsContactsButNeverItsViewers() {
		String before = api().get(AlertingSnapshot.PATH, SERVICE_TOKEN).header("ETag");
		TestTenants.create(this.context);

		TestApi.Response answer = api().get(AlertingSnapshot.PATH, SERVICE_TOKEN, "If-None-Match", before);
		assertThat(answer.status()).as("a new member changes the snapshot").isEqualTo(200);
		Map<UUID, List<String>> contacts = WireJson.mapper()
			.readValue(answer.body(), AlertingSnapshot.class)
			.organizations()
			.stream()
			.collect(Collectors.toMap(OrganizationContacts::organizationId, OrganizationContacts::emails));
		UUID demo = this.organizations.findByName("Demo").orElseThrow().getId();
		UUID other = this.organizations.findByName("Other").orElseThrow().getId();
		assertThat(contacts).containsOnlyKeys(demo, other);
		assertThat(contacts.get(demo)).containsExactly("admin@example.com", "owner@example.com");
		assertThat(contacts.get(other)).containsExactly("other@example.com");
	}

	@Test
	void keepsTheStoredSecretWhenTheMaskIsSentBack() {
		String id = created(api().post("/api/v1/channels", TestApi.OWNER_TOKEN, """
				{"type": "webhook", "name": "Kept", "url": "https://kept.example.com/hook/abcdefghijkl",
				 "signingSecret": "a-secret-of-at-least-16-chars"}
				"""));
		JsonNode shown = api().get("/api/v1/channels/" + id, TestApi.OWNER_TOKEN).json();
		assertThat(shown.path("signingSecret").asString()).isEqualTo("••••hars");

		TestApi.Response renamed = api().put("/api/v1/channels/" + id, TestApi.OWNER_TOKEN, """
				{"type": "webhook", "name": "Kept and renamed", "url": "%s", "signingSecret": "%s"}
				""".formatted(shown.path("url").asString(), shown.path("signingSecret").asString()));
		assertThat(renamed.status()).isEqualTo(200);

		NotificationChannelSpec.Webhook spec = (NotificationChannelSpec.Webhook) new ChannelsOf(snapshot(), id).get();
		assertThat(spec.url()).hasToString("https://kept.example.com/hook/abcdefghijkl");
		assertThat(spec.signingSecret()).isEqualTo("a-secret-of-at-least-16-chars");
		assertThat(spec.name()).isEqualTo("Kept and renamed");
	}

	@Test
	void vendorChannelsReachTheSnapshotWithTheirCredentialsAndKeepThemWhenTheMaskIsSentBack() {
		String pager = created(api().post("/api/v1/channels", TestApi.OWNER_TOKEN, """
				{"type": "pagerduty", "name": "Snapshot pager", "routingKey": "abcdef0123456789abcdef0123456789"}
				"""));
		String chat = created(api().post("/api/v1/channels", TestApi.OWNER_TOKEN,
				"""
						{"type": "telegram", "name": "Snapshot chat", "botToken": "987654321:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw",
						 "chatId": "@pepper_ops", "apiUrl": "https://telegram-proxy.example.com"}
						"""));
		JsonNode shown = api().get("/api/v1/channels/" + pager, TestApi.OWNER_TOKEN).json();
		assertThat(shown.path("routingKey").asString()).isEqualTo("••••6789");
		assertThat(shown.has("apiUrl")).isFalse();

		TestApi.Response renamed = api().put("/api/v1/channels/" + pager, TestApi.OWNER_TOKEN, """
				{"type": "pagerduty", "name": "Snapshot pager EU", "routingKey": "••••6789",
				 "apiUrl": "https://events.eu.pagerduty.com"}
				""");
		assertThat(renamed.status()).as(renamed.body()).isEqualTo(200);

		assertThat(new ChannelsOf(snapshot(), pager).get())
			.isEqualTo(new NotificationChannelSpec.PagerDuty(UUID.fromString(pager), demoId(), "Snapshot pager EU",
					java.net.URI.create("https://events.eu.pagerduty.com"), "abcdef0123456789abcdef0123456789"));
		assertThat(new ChannelsOf(snapshot(), chat).get())
			.isEqualTo(new NotificationChannelSpec.Telegram(UUID.fromString(chat), demoId(), "Snapshot chat",
					java.net.URI.create("https://telegram-proxy.example.com"),
					"987654321:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw", "@pepper_ops"));
	}

	@Test
	void aGeneratedSigningSecretIsAStandardWebhooksSecret() {
		TestApi.Response answer = api().post("/api/v1/channels", TestApi.OWNER_TOKEN, """
				{"type": "webhook", "name": "Generated", "url": "https://generated.example.com/hook"}
				""");
		String id = created(answer);
		String secret = answer.json().path("generatedSigningSecret").asString();

		assertThat(secret).startsWith("whsec_");
		assertThat(java.util.Base64.getDecoder().decode(secret.substring("whsec_".length()))).hasSize(32);
		assertThat(((NotificationChannelSpec.Webhook) new ChannelsOf(snapshot(), id).get()).signingSecret())
			.isEqualTo(secret);
	}

	private AlertingSnapshot snapshot() {
		TestApi.Response answer = api().get(AlertingSnapshot.PATH, SERVICE_TOKEN);
		assertThat(answer.status()).as(answer.body()).isEqualTo(200);
		return WireJson.mapper().readValue(answer.body(), AlertingSnapshot.class);
	}

	private String endpoint(String name, String tags) {
		return created(api().post("/api/v1/endpoints", TestApi.OWNER_TOKEN, """
				{"name": "%s", "url": "https://%s.example.com/", "locations": ["local"], "tags": %s}
				""".formatted(name, UUID.randomUUID(), tags)));
	}

	private static String created(TestApi.Response answer) {
		assertThat(answer.status()).as(answer.body()).isEqualTo(201);
		return answer.json().path("id").asString();
	}

	private UUID demoId() {
		return this.organizations.findByName("Demo").orElseThrow().getId();
	}

	/** The channel with an id, referenced by a policy so the snapshot carries it. */
	private final class ChannelsOf {

		private final AlertingSnapshot snapshot;

		private final String id;

		ChannelsOf(AlertingSnapshot snapshot, String id) {
			this.snapshot = snapshot;
			this.id = id;
		}

		NotificationChannelSpec get() {
			if (this.snapshot.channels().stream().noneMatch((c) -> c.id().toString().equals(this.id))) {
				String endpoint = endpoint("Uses " + this.id, "[]");
				created(api().post("/api/v1/policies", TestApi.OWNER_TOKEN, """
						{"name": "Uses %s", "endpointId": "%s", "channelIds": ["%s"]}
						""".formatted(this.id, endpoint, this.id)));
				return new ChannelsOf(snapshot(), this.id).get();
			}
			return this.snapshot.channels()
				.stream()
				.filter((c) -> c.id().toString().equals(this.id))
				.findFirst()
				.orElseThrow();
		}

	}

}
