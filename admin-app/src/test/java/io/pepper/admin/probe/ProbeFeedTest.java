package io.pepper.admin.probe;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.pepper.admin.AdminProperties;
import io.pepper.admin.TestApi;
import io.pepper.admin.bootstrap.Bootstrap;
import io.pepper.admin.endpoint.Endpoint;
import io.pepper.admin.endpoint.EndpointRequest;
import io.pepper.admin.endpoint.EndpointService;
import io.pepper.admin.organization.Organizations;
import io.pepper.contracts.auth.BearerTokens;
import io.pepper.contracts.v1.BodyAssertion;
import io.pepper.contracts.v1.CheckKind;
import io.pepper.contracts.v1.CheckSettings;
import io.pepper.contracts.v1.DnsRcode;
import io.pepper.contracts.v1.DnsRecordType;
import io.pepper.contracts.v1.EndpointSpec;
import io.pepper.contracts.v1.HttpMethod;
import io.pepper.contracts.v1.HttpVersion;
import io.pepper.contracts.v1.ProbeEndpointList;
import io.pepper.contracts.v1.StatusRange;
import io.pepper.contracts.v1.WireJson;
import io.pepper.testsupport.LocalPostgres;
import io.pepper.testsupport.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@DirtiesContext
class ProbeFeedTest {

	static final TestDatabase DATABASE = LocalPostgres.fromEnvironment().createDatabase("admin_probe_feed");

	static final String PATH = ProbeEndpointList.PATH;

	static UUID demoAtLocal;

	static UUID otherAtLocalAndEuWest;

	static UUID demoDisabledAtLocal;

	static UUID demoAtEuWestOnly;

	@DynamicPropertySource
	static void properties(DynamicPropertyRegistry registry) {
		TestApi.configure(registry, DATABASE);
	}

	@BeforeAll
	static void endpoints(@Autowired Bootstrap bootstrap, @Autowired Organizations organizations,
			@Autowired EndpointService endpoints) {
		bootstrap.run(new AdminProperties.Bootstrap("Other", "other@example.com", null,
				BearerTokens.sha256Hex("other-org-token"), null, List.of()));
		UUID demo = organizations.findByName("Demo").orElseThrow().getId();
		UUID other = organizations.findByName("Other").orElseThrow().getId();
		demoAtLocal = endpoints
			.create(demo,
					new EndpointRequest("Shop", "https://shop.example.com/health", HttpMethod.HEAD,
							Map.of("X-Probe", "pepper"), null, List.of(StatusRange.of(204)),
							List.of(new BodyAssertion.KeywordAbsent("error")), 2000, true, 250, 30, null,
							List.of("local"), List.of("shop"), HttpVersion.HTTP_1_1))
			.getId();
		otherAtLocalAndEuWest = create(endpoints, other, "Other shop", null, "local", "eu-west").getId();
		demoDisabledAtLocal = create(endpoints, demo, "Paused", false, "local").getId();
		demoAtEuWestOnly = create(endpoints, demo, "Europe only", null, "eu-west").getId();
	}

	@AfterAll
	static void dropDatabase() {
		DATABASE.close();
	}

	@Autowired
	EndpointService endpointService;

	@Autowired
	Organizations organizations;

	@LocalServerPort
	int port;

	TestApi api() {
		return new TestApi(this.port);
	}

	@Test
	void rejectsCallersWithoutAValidProbeToken() {
		for (String token : new String[] { null, "wrong-token", TestApi.OWNER_TOKEN }) {
			TestApi.Response answer = api().get(PATH + "?location=local", token);
			assertThat(answer.status()).as("token %s", token).isEqualTo(401);
			assertThat(answer.header("WWW-Authenticate")).startsWith("Bearer");
			assertThat(answer.header("Content-Type")).startsWith("application/problem+json");
			assertThat(answer.json().path("status").asInt()).isEqualTo(401);
		}
	}

	@Test
	void listsEnabledEndpointsOfEveryOrganizationAtTheLocation() {
		TestApi.Response answer = api().get(PATH + "?location=local", TestApi.PROBE_TOKEN);

		assertThat(answer.status()).isEqualTo(200);
		assertThat(answer.header("Content-Type")).startsWith("application/json");
		assertThat(answer.header("Cache-Control")).isEqualTo("no-cache");
		ProbeEndpointList list = WireJson.mapper().readValue(answer.body(), ProbeEndpointList.class);
		assertThat(list.location()).isEqualTo("local");
		assertThat(list.endpoints()).extracting(EndpointSpec::id)
			.containsExactlyInAnyOrder(demoAtLocal, otherAtLocalAndEuWest)
			.doesNotContain(demoDisabledAtLocal, demoAtEuWestOnly);
		EndpointSpec shop = list.endpoints()
			.stream()
			.filter((spec) -> spec.id().equals(demoAtLocal))
			.findFirst()
			.orElseThrow();
		assertThat(shop.organizationId()).isEqualTo(this.organizations.findByName("Demo").orElseThrow().getId());
		assertThat(shop.url()).hasToString("https://shop.example.com/health");
		assertThat(shop.method()).isEqualTo(HttpMethod.HEAD);
		assertThat(shop.headers()).containsExactly(Map.entry("X-Probe", "pepper"));
		assertThat(shop.expectedStatus()).containsExactly(StatusRange.of(204));
		assertThat(shop.assertions()).containsExactly(new BodyAssertion.KeywordAbsent("error"));
		assertThat(shop.timeoutMs()).isEqualTo(2000);
		assertThat(shop.followRedirects()).isTrue();
		assertThat(shop.apdexThresholdMs()).isEqualTo(250);
		assertThat(shop.intervalSeconds()).isEqualTo(30);
		assertThat(shop.httpVersion()).isEqualTo(HttpVersion.HTTP_1_1);
		assertThat(list.endpoints().stream().filter((spec) -> spec.id().equals(otherAtLocalAndEuWest))).singleElement()
			.extracting(EndpointSpec::httpVersion)
			.isEqualTo(HttpVersion.AUTO);
	}

	@Test
	void sendsEachKindWithItsSettingsAsTheContractReadsThem() {
		UUID demo = this.organizations.findByName("Demo").orElseThrow().getId();
		CheckSettings.Dns settings = new CheckSettings.Dns(DnsRecordType.TXT, "9.9.9.9", DnsRcode.NOERROR,
				List.of("v=spf1 -all"), CheckSettings.AnswerMatch.ANY);
		UUID dns = this.endpointService
			.create(demo,
					new EndpointRequest("SPF", "dns:example.com", null, null, null, null, null, 2000, null, null, 300,
							null, List.of("asia"), List.of(), null, CheckKind.DNS, settings))
			.getId();
		try {
			ProbeEndpointList list = WireJson.mapper()
				.readValue(api().get(PATH + "?location=asia", TestApi.PROBE_TOKEN).body(), ProbeEndpointList.class);

			EndpointSpec spec = list.endpoints().stream().filter((e) -> e.id().equals(dns)).findFirst().orElseThrow();
			assertThat(spec.kind()).isEqualTo(CheckKind.DNS);
			assertThat(spec.settings()).isEqualTo(settings);
			assertThat(spec.url()).hasToString("dns:example.com");
			assertThat(list.endpoints()).filteredOn((e) -> !e.id().equals(dns))
				.allSatisfy((e) -> assertThat(e.kind()).isEqualTo(CheckKind.HTTP));
		}
		finally {
			this.endpointService.delete(demo, dns);
		}
	}

	@Test
	void answersNotModifiedWhileTheListIsUnchanged() {
		TestApi.Response first = api().get(PATH + "?location=asia", TestApi.PROBE_TOKEN);
		String etag = first.header("ETag");
		assertThat(first.status()).isEqualTo(200);
		assertThat(etag).isNotBlank();

		TestApi.Response unchanged = api().get(PATH + "?location=asia", TestApi.PROBE_TOKEN, "If-None-Match", etag);
		assertThat(unchanged.status()).isEqualTo(304);
		assertThat(unchanged.body()).isEmpty();
		assertThat(unchanged.header("ETag")).isEqualTo(etag);

		UUID demo = this.organizations.findByName("Demo").orElseThrow().getId();
		UUID added = create(this.endpointService, demo, "Asia shop", null, "asia").getId();
		TestApi.Response changed = api().get(PATH + "?location=asia", TestApi.PROBE_TOKEN, "If-None-Match", etag);
		assertThat(changed.status()).isEqualTo(200);
		assertThat(changed.header("ETag")).isNotEqualTo(etag);
		assertThat(WireJson.mapper().readValue(changed.body(), ProbeEndpointList.class).endpoints())
			.extracting(EndpointSpec::id)
			.containsExactly(added);
	}

	@Test
	void anEditedEndpointChangesTheListAndItsEtag() {
		TestApi.Response first = api().get(PATH + "?location=eu-west", TestApi.PROBE_TOKEN);
		String etag = first.header("ETag");
		UUID demo = this.organizations.findByName("Demo").orElseThrow().getId();

		this.endpointService.update(demo, demoAtEuWestOnly,
				new EndpointRequest("Europe only", "https://europe-only.example.com/", null, null, null, null, null,
						1234, null, null, null, null, List.of("eu-west"), null));

		TestApi.Response changed = api().get(PATH + "?location=eu-west", TestApi.PROBE_TOKEN, "If-None-Match", etag);
		assertThat(changed.status()).isEqualTo(200);
		assertThat(changed.header("ETag")).isNotEqualTo(etag);
		assertThat(WireJson.mapper().readValue(changed.body(), ProbeEndpointList.class).endpoints())
			.filteredOn((spec) -> spec.id().equals(demoAtEuWestOnly))
			.extracting(EndpointSpec::timeoutMs)
			.containsExactly(1234);
	}

	@Test
	void rejectsMissingAndUnknownLocations() {
		for (String query : new String[] { "", "?location=", "?location=mars" }) {
			TestApi.Response answer = api().get(PATH + query, TestApi.PROBE_TOKEN);
			assertThat(answer.status()).as(query).isEqualTo(400);
			assertThat(answer.header("Content-Type")).startsWith("application/problem+json");
			assertThat(answer.problemFields()).containsExactly("location");
		}
	}

	private static Endpoint create(EndpointService endpoints, UUID organization, String name,
			@org.jspecify.annotations.Nullable Boolean enabled, String... locations) {
		return endpoints.create(organization,
				new EndpointRequest(name, "https://" + name.toLowerCase().replace(' ', '-') + ".example.com/", null,
						null, null, null, null, null, null, null, null, enabled, List.of(locations), null));
	}

}
