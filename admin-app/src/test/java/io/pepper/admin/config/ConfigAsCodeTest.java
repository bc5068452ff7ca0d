package io.pepper.admin.config;

import java.util.List;
import java.util.UUID;

import io.pepper.admin.AdminProperties;
import io.pepper.admin.TestApi;
import io.pepper.admin.TestTenants;
import io.pepper.admin.bootstrap.Bootstrap;
import io.pepper.contracts.auth.BearerTokens;
import io.pepper.testsupport.LocalPostgres;
import io.pepper.testsupport.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
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

/** Config as code; each test works in an organization of its own that starts empty. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@DirtiesContext
class ConfigAsCodeTest {

	static final TestDatabase DATABASE = LocalPostgres.fromEnvironment().createDatabase("admin_config");

	static final String PATH = "/api/v1/config";

	static final String DOCUMENT = """
			endpoints:
			  - name: Shop
			    url: https://shop.example.com/health
			    method: POST
			    headers: {X-Probe: pepper}
			    body: '{"ping": 1}'
			    expectedStatus: [{from: 200, to: 204}]
			    assertions:
			      - {type: json-path-equals, path: $.status, expected: ok}
			    timeoutMs: 2500
			    apdexThresholdMs: 300
			    intervalSeconds: 30
			    httpVersion: HTTP_1_1
			    locations: [local, eu-west]
			    tags: [shop, critical]
			  - name: Blog
			    url: https://blog.example.com/
			    locations: [local]
			channels:
			  - name: Ops Slack
			    type: slack
			    url: https://hooks.slack.com/services/T1/B1/abcdefghijklmnop
			  - name: Pager
			    type: webhook
			    url: https://pager.example.com/hooks/pepper-0123456789
			    signingSecret: a-signing-secret-of-some-length
			  - name: On call
			    type: email
			    addresses: [oncall@example.com, lead@example.com]
			policies:
			  - name: Shop
			    endpoint: Shop
			    failuresToOpen: 3
			    locationsToConfirm: 2
			    channels: [Ops Slack, Pager]
			  - name: Critical
			    tag: critical
			    apdexFloor: 0.85
			    trendSensitivity: HIGH
			    reminderIntervalMinutes: 60
			    channels: [On call]
			  - name: Default
			    channels: [On call]
			maintenanceWindows:
			  - name: Sunday deploys
			    schedule: {type: weekly, days: [SUNDAY], start: "02:00", durationMinutes: 60, zone: Europe/Berlin}
			    endpoints: [Shop]
			  - name: Migration
			    schedule: {type: one-off, start: "2030-01-01T00:00:00Z", end: "2030-01-01T04:00:00Z"}
			    tags: [critical]
			""";

	@DynamicPropertySource
	static void properties(DynamicPropertyRegistry registry) {
		TestApi.configure(registry, DATABASE);
		registry.add("pepper.admin.secrets.key", () -> TestTenants.SECRETS_KEY);
	}

	@BeforeAll
	static void tenants(@Autowired ApplicationContext context) {
		TestTenants.create(context);
	}

	@AfterAll
	static void dropDatabase() {
		DATABASE.close();
	}

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Bootstrap bootstrap;

	@LocalServerPort
	int port;

	/** The owner token of this test's own, empty organization. */
	String token;

	@BeforeEach
	void emptyOrganization() {
		String name = "Org " + UUID.randomUUID();
		this.token = "token-" + UUID.randomUUID();
		this.bootstrap.run(new AdminProperties.Bootstrap(name, name.replace(" ", "-") + "@example.com", null,
				BearerTokens.sha256Hex(this.token), null, List.of()));
	}

	TestApi api() {
		return new TestApi(this.port);
	}

	@Test
	void importsADocumentAndExportsItBackSoThatReimportingChangesNothing() {
		String before = fingerprint();
		TestApi.Response dryRun = post(DOCUMENT, true);
		assertThat(dryRun.status()).as(dryRun.body()).isEqualTo(200);
		assertThat(dryRun.json().path("dryRun").asBoolean()).isTrue();
		assertThat(dryRun.json().path("changes")).hasSize(10);
		assertThat(fingerprint()).isEqualTo(before);

		TestApi.Response applied = post(DOCUMENT, false);
		assertThat(applied.status()).as(applied.body()).isEqualTo(200);
		assertThat(actions(applied)).containsOnly("CREATE");
		assertThat(api().get("/api/v1/endpoints", this.token).body()).contains("\"Shop\"", "\"Blog\"");
		JsonNode policies = api().get("/api/v1/policies", this.token).json();
		assertThat(policies).hasSize(3);

		TestApi.Response exported = api().get(PATH, this.token);
		assertThat(exported.status()).isEqualTo(200);
		assertThat(exported.header("Content-Type")).startsWith("application/yaml");
		assertThat(exported.body())
			.contains("name: Shop", "httpVersion: HTTP_1_1", "httpVersion: AUTO", "endpoint: Shop", "- Ops Slack",
					"type: weekly", "https://hooks.slack.com/…mnop", "••••ngth")
			.doesNotContain("abcdefghijklmnop", "a-signing-secret-of-some-length");

		String afterImport = fingerprint();
		TestApi.Response again = post(exported.body(), false);
		assertThat(again.status()).as(again.body()).isEqualTo(200);
		assertThat(again.json().path("changes")).isEmpty();
		assertThat(again.json().path("unchanged").asInt()).isEqualTo(10);
		assertThat(fingerprint()).isEqualTo(afterImport);
		assertThat(api().get(PATH, this.token).body()).isEqualTo(exported.body());
	}

	static final String KINDS = """
			endpoints:
			  - name: Cache
			    kind: TCP
			    url: tcp://cache.example.com:6379
			    settings: {type: tcp, tls: false, send: "PING\\r\\n", expect: "+PONG"}
			    locations: [local]
			  - name: Mail DNS
			    kind: DNS
			    url: dns:example.com
			    settings:
			      type: dns
			      recordType: MX
			      resolver: 9.9.9.9
			      expectedRcode: NOERROR
			      expectedAnswers: [10 mail.example.com]
			      match: ALL
			    locations: [local]
			  - name: Certificate
			    kind: TLS
			    url: tls://shop.example.com:443
			    settings: {type: tls, expiryWarningDays: [21, 7]}
			    intervalSeconds: 3600
			    locations: [local]
			  - name: Defaults
			    kind: DNS
			    url: dns:example.org
			    locations: [local]
			""";

	@Test
	void importsChecksOfEveryKindAndExportsThemSoThatReimportingChangesNothing() {
		TestApi.Response applied = post(KINDS, false);
		assertThat(applied.status()).as(applied.body()).isEqualTo(200);
		assertThat(actions(applied)).containsExactly("CREATE", "CREATE", "CREATE", "CREATE");
		JsonNode endpoints = api().get("/api/v1/endpoints", this.token).json();
		assertThat(endpoints.valueStream().map((e) -> e.path("kind").asString()).sorted().toList())
			.containsExactly("DNS", "DNS", "TCP", "TLS");

		TestApi.Response exported = api().get(PATH, this.token);
		assertThat(exported.body()).contains("kind: TCP", "type: tcp", "expect: +PONG", "recordType: MX",
				"resolver: 9.9.9.9", "kind: TLS", "url: dns:example.org");
		String afterImport = fingerprint();
		TestApi.Response again = post(exported.body(), false);
		assertThat(again.status()).as(again.body()).isEqualTo(200);
		assertThat(again.json().path("changes")).isEmpty();
		assertThat(again.json().path("unchanged").asInt()).isEqualTo(4);
		assertThat(fingerprint()).isEqualTo(afterImport);
		String send = this.jdbc.sql("SELECT check_settings->>'send' FROM endpoints WHERE name = 'Cache'")
			.query(String.class)
			.single();
		assertThat(send).isEqualTo("PING\r\n");
	}

	@Test
	void aCheckWhoseSettingsDoNotFitItsKindAppliesNothing() {
		String before = fingerprint();

		TestApi.Response answer = post(KINDS.replace("kind: TLS\n    url: tls://shop.example.com:443",
				"kind: TCP\n    url: tcp://shop.example.com:443"), false);

		assertThat(answer.status()).as(answer.body()).isEqualTo(400);
		assertThat(answer.problemFields()).containsExactly("endpoints[2].settings");
		assertThat(answer.json().path("detail").asString()).contains("are of type tls but the endpoint's kind is TCP");
		assertThat(fingerprint()).isEqualTo(before);
	}

	@Test
	void aDryRunShowsEachChangeAndAppliesNone() {
		post(DOCUMENT, false);
		String changed = DOCUMENT.replace("timeoutMs: 2500", "timeoutMs: 4000")
			.replace("  - name: Blog\n    url: https://blog.example.com/\n    locations: [local]\n",
					"  - name: Docs\n    url: https://docs.example.com/\n    locations: [local]\n");
		String before = fingerprint();

		TestApi.Response plan = post(changed, true);

		assertThat(plan.status()).as(plan.body()).isEqualTo(200);
		assertThat(plan.json()
			.path("changes")
			.valueStream()
			.map((c) -> c.path("kind").asString() + " " + c.path("name").asString() + " "
					+ c.path("action").asString()))
			.containsExactlyInAnyOrder("endpoint Shop UPDATE", "endpoint Docs CREATE", "endpoint Blog DELETE");
		assertThat(fingerprint()).isEqualTo(before);
	}

	@Test
	void anInvalidItemAppliesNothing() {
		post(DOCUMENT, false);
		String before = fingerprint();
		String invalid = DOCUMENT.replace("timeoutMs: 2500", "timeoutMs: 4000")
			.replace("channels: [On call]\n  - name: Default", "channels: [Nobody]\n  - name: Default");

		TestApi.Response answer = post(invalid, false);

		assertThat(answer.status()).isEqualTo(400);
		assertThat(answer.problemFields()).containsExactly("policies[1].channels");
		assertThat(fingerprint()).isEqualTo(before);
	}

	@Test
	void aConflictHalfwayRollsBackWhatWasAlreadyApplied() {
		post(DOCUMENT, false);
		String before = fingerprint();
		// Endpoints are updated first; deleting "On call" then fails, as unmanaged
		// policies use it.
		String endpointsAndTwoChannels = DOCUMENT.substring(0, DOCUMENT.indexOf("  - name: On call"))
			.replace("timeoutMs: 2500", "timeoutMs: 4000");

		TestApi.Response answer = post(endpointsAndTwoChannels, false);

		assertThat(answer.status()).as(answer.body()).isEqualTo(409);
		assertThat(answer.body()).contains("On call");
		assertThat(fingerprint()).isEqualTo(before);
	}

	@Test
	void newChannelsNeedTheirSecretsInFull() {
		TestApi.Response answer = post("""
				channels:
				  - name: Masked
				    type: slack
				    url: https://hooks.slack.com/…mnop
				  - name: Unsigned
				    type: webhook
				    url: https://pager.example.com/hooks/x
				""", false);

		assertThat(answer.status()).isEqualTo(400);
		assertThat(answer.problemFields()).containsExactly("channels[0].url", "channels[1].signingSecret");
	}

	static final String VENDOR_CHANNELS = """
			channels:
			  - name: Pager
			    type: pagerduty
			    routingKey: 0123456789abcdef0123456789abcdef
			  - name: Genie
			    type: opsgenie
			    apiUrl: https://api.eu.opsgenie.com
			    apiKey: 5a3c1c52-1111-2222-3333-444455556666
			  - name: Room
			    type: teams
			    url: https://prod-01.westeurope.logic.azure.com/workflows/abc/triggers/manual/paths/invoke?sig=s3cr3t
			  - name: Discord
			    type: discord
			    url: https://discord.com/api/webhooks/1/discordSecretPart
			  - name: Chat
			    type: telegram
			    botToken: 123456789:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw
			    chatId: "-1001234567890"
			  - name: Phones
			    type: ntfy
			    url: https://ntfy.sh/pepper-alerts
			    accessToken: tk_abcdefghijkl
			  - name: Standard
			    type: webhook
			    url: https://hooks.example.com/pepper
			    signingSecret: whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw
			""";

	@Test
	void importsEveryVendorChannelAndExportsItMaskedSoThatReimportingChangesNothing() {
		TestApi.Response applied = post(VENDOR_CHANNELS, false);
		assertThat(applied.status()).as(applied.body()).isEqualTo(200);
		assertThat(applied.json().path("changes")).hasSize(7);

		TestApi.Response exported = api().get(PATH, this.token);
		assertThat(exported.body())
			.contains("type: pagerduty", "routingKey: ••••cdef", "apiUrl: https://api.eu.opsgenie.com",
					"apiKey: ••••6666", "type: teams", "type: discord", "botToken: ••••Dsaw",
					"chatId: \"-1001234567890\"", "accessToken: ••••\n", "https://ntfy.sh/…erts")
			.doesNotContain("0123456789abcdef0123456789abcdef", "444455556666", "AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw",
					"s3cr3t", "discordSecretPart", "tk_abcdefghijkl", "MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw");
		String afterImport = fingerprint();
		TestApi.Response again = post(exported.body(), false);
		assertThat(again.status()).as(again.body()).isEqualTo(200);
		assertThat(again.json().path("changes")).isEmpty();
		assertThat(fingerprint()).isEqualTo(afterImport);

		TestApi.Response moved = post(exported.body().replace("\"-1001234567890\"", "\"@pepper_ops\""), false);
		assertThat(moved.status()).as(moved.body()).isEqualTo(200);
		assertThat(moved.json()
			.path("changes")
			.valueStream()
			.map((c) -> c.path("kind").asString() + " " + c.path("name").asString() + " "
					+ c.path("action").asString()))
			.containsExactly("channel Chat UPDATE");
	}

	@Test
	void refusesVendorChannelsWithMissingOrMisshapenSettingsAndAppliesNone() {
		String before = fingerprint();
		TestApi.Response answer = post("""
				channels:
				  - name: Pager
				    type: pagerduty
				  - name: Chat
				    type: telegram
				    botToken: 123456789:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw
				  - name: Phones
				    type: ntfy
				    url: http://ntfy.example.com/alerts
				  - name: Genie
				    type: opsgenie
				    apiKey: 5a3c1c52-1111-2222-3333-444455556666
				    chatId: "42"
				""", false);

		assertThat(answer.status()).isEqualTo(400);
		assertThat(answer.problemFields()).containsExactly("channels[0].routingKey", "channels[1].chatId",
				"channels[2].url", "channels[3].chatId");
		assertThat(fingerprint()).isEqualTo(before);
	}

	@Test
	void refusesBrokenYamlUnknownKeysAndDuplicateNames() {
		String before = fingerprint();
		for (String[] bad : List
			.of(new String[] { "endpoints: [name: x", "" },
					new String[] { "endpoints:\n  - name: X\n    url: https://x.example.com/\n    locations: [local]\n"
							+ "    timeout: 5\n", "endpoints[0].timeout" },
					new String[] { "endpointz: []\n", "endpointz" },
					new String[] {
							"endpoints:\n  - {name: A, url: https://a.example.com/, locations: [local]}\n"
									+ "  - {name: A, url: https://b.example.com/, locations: [local]}\n",
							"endpoints[1].name" },
					new String[] { "endpoints:\n  - {name: A, url: 'ftp://a.example.com/', locations: [local]}\n",
							"endpoints[0].url" },
					new String[] { "policies:\n  - {name: P, endpoint: Nowhere}\n", "policies[0].endpoint" })) {
			TestApi.Response answer = post(bad[0], false);
			assertThat(answer.status()).as(bad[0]).isEqualTo(400);
			assertThat(answer.header("Content-Type")).startsWith("application/problem+json");
			if (!bad[1].isEmpty()) {
				assertThat(answer.body()).as(bad[0]).contains(bad[1]);
			}
		}
		assertThat(fingerprint()).isEqualTo(before);
	}

	@Test
	void refusesDocumentsThatWouldStallTheParserOrThatNeedCoercion() {
		String before = fingerprint();
		String endpoint = "endpoints:\n  - {name: A, url: 'https://a.example.com/', locations: [local]%s}\n";
		for (String[] bad : List.of(
				// snakeyaml's comment scanner costs the square of the line's length
				new String[] { "endpoints: []\n#" + "x".repeat(1024 * 1024) + "\n", "line 2 is longer than" },
				new String[] { "endpoints: []\nx: " + "[".repeat(100) + "]".repeat(100) + "\n", "nesting depth" },
				new String[] { endpoint.formatted(", timeoutMs: '100'"), "endpoints[0].timeoutMs" },
				new String[] { endpoint.formatted(", method: 5"), "endpoints[0].method" },
				new String[] { endpoint.formatted(", followRedirects: 1"), "endpoints[0].followRedirects" },
				new String[] { endpoint.replace("name: A", "name: 123").formatted(""), "endpoints[0].name" },
				new String[] { endpoint.replace("name: A", "name: \"A\\0\"").formatted(""), "endpoints[0].name" },
				new String[] { endpoint.replace("name: A", "name: \"A\\e[31m\"").formatted(""),
						"endpoints[0].name" })) {
			TestApi.Response answer = post(bad[0], false);
			assertThat(answer.status()).as(bad[0].substring(0, Math.min(80, bad[0].length()))).isEqualTo(400);
			assertThat(answer.header("Content-Type")).startsWith("application/problem+json");
			assertThat(answer.body()).as(answer.body()).contains(bad[1]);
		}
		assertThat(fingerprint()).isEqualTo(before);
	}

	private TestApi.Response post(String yaml, boolean dryRun) {
		return api().send("POST", PATH + (dryRun ? "?dryRun=true" : ""), this.token, "application/yaml", yaml);
	}

	private static List<String> actions(TestApi.Response plan) {
		return plan.json().path("changes").valueStream().map((c) -> c.path("action").asString()).toList();
	}

	private String fingerprint() {
		StringBuilder all = new StringBuilder();
		for (String table : List.of("endpoints", "notification_channels", "alert_policies", "maintenance_windows")) {
			all.append(this.jdbc
				.sql("SELECT coalesce(md5(string_agg(t::text, ',' ORDER BY t::text)), '') FROM " + table + " t")
				.query(String.class)
				.single());
		}
		return all.toString();
	}

}
