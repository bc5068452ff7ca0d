package io.pepper.admin.endpoint;

import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

import io.pepper.admin.TestApi;
import io.pepper.admin.organization.Invitations;
import io.pepper.admin.organization.Role;
import io.pepper.testsupport.Browser;
import io.pepper.admin.ui.UiTestBase;
import io.pepper.admin.user.User;
import io.pepper.contracts.v1.BodyAssertion;
import io.pepper.contracts.v1.CheckSettings;
import io.pepper.contracts.v1.DnsRcode;
import io.pepper.contracts.v1.DnsRecordType;
import io.pepper.contracts.v1.HttpVersion;
import io.pepper.contracts.v1.StatusRange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The endpoint pages: every change with a flash message, search, tag filter and paging in
 * the database, field errors that store nothing, viewers who change nothing, and ids of
 * other organizations that are not found.
 */
class EndpointPagesTest extends UiTestBase {

	@Autowired
	EndpointService endpointService;

	@Autowired
	Endpoints endpoints;

	@Autowired
	Invitations invitations;

	@Test
	void ownerCreatesEditsPausesResumesAndDeletesAnEndpoint() {
		String email = email("editor");
		User owner = owner(email, organizationName("Editing"));
		UUID organization = organizationOf(owner);
		Browser browser = signedIn(email);
		assertThat(browser.get("/endpoints/new").body()).contains("New endpoint");

		Browser.Page created = browser.post("/endpoints", "name", "Shop", "url", "https://shop.example.com/health",
				"method", "POST", "headers", "Accept: application/json\r\nX-Probe: pepper", "body", "{}",
				"expectedStatus", "200-204, 301", "assertions", "contains: ok\njson: $.status = up", "timeoutMs",
				"2500", "apdexThresholdMs", "300", "intervalSeconds", "30", "locations", "local", "locations",
				"eu-west", "tags", "shop, critical", "enabled", "true", "followRedirects", "true", "http11Only",
				"true");

		assertThat(created.status()).isEqualTo(302);
		Endpoint endpoint = this.endpoints.findByOrganizationIdOrderByName(organization).getFirst();
		assertThat(created.redirectPath()).isEqualTo("/endpoints/" + endpoint.getId());
		EndpointSettings settings = endpoint.getSettings();
		assertThat(settings.method().name()).isEqualTo("POST");
		assertThat(settings.headers()).containsEntry("Accept", "application/json").containsEntry("X-Probe", "pepper");
		assertThat(settings.expectedStatus()).containsExactly(new StatusRange(200, 204), StatusRange.of(301));
		assertThat(settings.assertions()).containsExactly(new BodyAssertion.KeywordPresent("ok"),
				new BodyAssertion.JsonPathEquals("$.status", "up"));
		assertThat(settings.timeoutMs()).isEqualTo(2500);
		assertThat(settings.followRedirects()).isTrue();
		assertThat(settings.httpVersion()).isEqualTo(HttpVersion.HTTP_1_1);
		assertThat(settings.locations()).containsExactly("local", "eu-west");
		assertThat(settings.tags()).containsExactly("shop", "critical");
		Browser.Page shown = browser.follow(created);
		assertThat(shown.body()).contains("Endpoint Shop created.")
			.contains("id=\"history-unavailable\"")
			.contains("receiver-service is not configured")
			.contains("HTTP/1.1 only");

		// The edit form shows what is stored and saves it back unchanged.
		String edit = "/endpoints/" + endpoint.getId();
		assertThat(browser.get(edit + "/edit").body()).contains("value=\"https://shop.example.com/health\"")
			.contains("contains: ok")
			.contains("200-204, 301")
			.containsPattern("id=\"http11Only\"[^>]*checked");
		Browser.Page saved = browser.post(edit, "name", "Shop front", "url", "https://shop.example.com/", "method",
				"GET", "timeoutMs", "1000", "locations", "asia", "enabled", "true");
		assertThat(browser.follow(saved).body()).contains("Endpoint Shop front saved.");
		EndpointSettings changed = this.endpoints.findById(endpoint.getId()).orElseThrow().getSettings();
		assertThat(changed.name()).isEqualTo("Shop front");
		assertThat(changed.locations()).containsExactly("asia");
		assertThat(changed.headers()).isEmpty();
		assertThat(changed.httpVersion()).as("an unchecked box negotiates again").isEqualTo(HttpVersion.AUTO);

		assertThat(browser.follow(browser.post(edit + "/pause")).body()).contains("paused: probes skip it");
		assertThat(this.endpoints.findById(endpoint.getId()).orElseThrow().getSettings().enabled()).isFalse();
		assertThat(browser.follow(browser.post(edit + "/resume")).body()).contains("Shop front resumed");
		assertThat(this.endpoints.findById(endpoint.getId()).orElseThrow().getSettings().enabled()).isTrue();
		Browser.Page deleted = browser.post(edit + "/delete");
		assertThat(deleted.redirectPath()).isEqualTo("/endpoints");
		assertThat(browser.follow(deleted).body()).contains("Endpoint Shop front deleted.")
			.contains("No endpoints yet");
		assertThat(this.endpoints.findById(endpoint.getId())).isEmpty();
		assertThat(browser.get(edit).status()).isEqualTo(404);
	}

	@Test
	void ownerCreatesAndEditsChecksOfEveryOtherKind() {
		String email = email("kinds");
		UUID organization = organizationOf(owner(email, organizationName("Kinds")));
		Browser browser = signedIn(email);

		Browser.Page tcp = browser.post("/endpoints", "name", "Cache", "kind", "TCP", "url",
				"tcp://cache.example.com:6379", "tcpSend", "PING\\r\\n", "tcpExpect", "+PONG", "tcpTls", "true",
				"locations", "local", "enabled", "true", "dnsRecordType", "A", "dnsRcode", "NOERROR");
		Browser.Page dns = browser.post("/endpoints", "name", "Mail", "kind", "DNS", "url", "dns:example.com",
				"dnsRecordType", "MX", "dnsResolver", "9.9.9.9:53", "dnsRcode", "NOERROR", "dnsAnswers",
				"10 mail.example.com\n20 backup.example.com", "dnsMatchAll", "true", "locations", "local", "enabled",
				"true");
		Browser.Page tls = browser.post("/endpoints", "name", "Certificate", "kind", "TLS", "url",
				"tls://shop.example.com:443", "tlsWarningDays", "21, 7", "locations", "local", "enabled", "true");

		assertThat(List.of(tcp.status(), dns.status(), tls.status())).containsOnly(302);
		java.util.Map<String, EndpointSettings> stored = new java.util.HashMap<>();
		this.endpoints.findByOrganizationIdOrderByName(organization)
			.forEach((e) -> stored.put(e.getName(), e.getSettings()));
		assertThat(stored.get("Cache").settings()).isEqualTo(new CheckSettings.Tcp(true, "PING\r\n", "+PONG"));
		assertThat(stored.get("Mail").settings())
			.isEqualTo(new CheckSettings.Dns(DnsRecordType.MX, "9.9.9.9:53", DnsRcode.NOERROR,
					List.of("10 mail.example.com", "20 backup.example.com"), CheckSettings.AnswerMatch.ALL));
		assertThat(stored.get("Certificate").settings()).isEqualTo(new CheckSettings.Tls(List.of(21, 7)));
		assertThat(browser.follow(tcp).body()).contains("Endpoint Cache created.")
			.contains("over TLS; sends PING\\r\\n; expects +PONG");
		assertThat(browser.follow(dns).body()).contains("MX from 9.9.9.9:53; expects NOERROR with all of");
		assertThat(browser.get("/endpoints").body())
			.containsPattern("<span>TCP</span> <span[^>]*>tcp://cache.example.com:6379")
			.containsPattern("<span>DNS</span> <span[^>]*>dns:example.com");

		// The edit form shows what is stored and saves it back unchanged.
		UUID cache = this.endpoints.findByOrganizationIdOrderByName(organization)
			.stream()
			.filter((e) -> e.getName().equals("Cache"))
			.findFirst()
			.orElseThrow()
			.getId();
		String form = browser.get("/endpoints/" + cache + "/edit").body();
		assertThat(form).contains("value=\"PING\\r\\n\"")
			.contains("value=\"tcp://cache.example.com:6379\"")
			.containsPattern("id=\"tcpTls\"[^>]*checked")
			.containsPattern("<option value=\"TCP\" selected");
		Browser.Page saved = browser.post("/endpoints/" + cache, "name", "Cache", "kind", "TCP", "url",
				"tcp://cache.example.com:6380", "tcpExpect", "+PONG", "locations", "local", "enabled", "true");
		assertThat(saved.status()).isEqualTo(302);
		assertThat(this.endpoints.findById(cache).orElseThrow().getSettings().settings())
			.isEqualTo(new CheckSettings.Tcp(false, null, "+PONG"));
	}

	@Test
	void listSearchesByNameOrUrlFiltersByTagAndPagesInTheDatabase() {
		String email = email("many");
		UUID organization = organizationOf(owner(email, organizationName("Many")));
		for (int i = 0; i < 120; i++) {
			endpoint(organization, "Service %03d".formatted(i), "https://s%03d.example.com/".formatted(i),
					(i % 10 == 0) ? List.of("critical") : List.of("batch"));
		}
		endpoint(organization, "Checkout 100%_sure", "https://pay.example.com/", List.of("critical"));
		Browser browser = signedIn(email);

		Browser.Page first = browser.get("/endpoints");
		assertThat(first.body()).contains("1–50 of 121")
			.contains("Page 1 of 3")
			.contains("Checkout")
			.contains("data-status=\"NO_DATA\"")
			.contains("id=\"history-unavailable\"")
			.doesNotContain("Service 049");
		assertThat(browser.get("/endpoints?page=2").body()).contains("101–121 of 121").contains("Service 119");
		assertThat(browser.get("/endpoints?q=s04").body()).contains("1–10 of 10").contains("Service 049");
		assertThat(browser.get("/endpoints?q=Service+05").body()).contains("1–10 of 10");
		// Wildcards are searched for literally.
		assertThat(browser.get("/endpoints?q=100%25_").body()).contains("1–1 of 1").contains("Checkout");
		assertThat(browser.get("/endpoints?tag=critical").body()).contains("1–13 of 13");
		assertThat(browser.get("/endpoints?tag=critical&q=pay").body()).contains("1–1 of 1");
		assertThat(browser.get("/endpoints?q=nothing-like-this").body()).contains("No endpoints match");
		// A page past the end shows the last one.
		assertThat(browser.get("/endpoints?page=99").body()).contains("101–121 of 121");
	}

	static Stream<Arguments> badInput() {
		return Stream.of(Arguments.of("url", List.of("url", "ftp://files.example.com/"), "must be an absolute http"),
				Arguments.of("url", List.of("url", "javascript:alert(1)"), "must be an absolute http"),
				Arguments.of("headers", List.of("headers", "X-Evil: a\rInjected: yes"), "without CR, LF or NUL"),
				Arguments.of("headers", List.of("headers", "X-Ok: yes\nno colon here"), "write each header as"),
				Arguments.of("headers", List.of("headers", "Bad Name: x"), "is not an HTTP token"),
				Arguments.of("timeoutMs", List.of("timeoutMs", "-5"), "must be between 1 and 120000"),
				Arguments.of("timeoutMs", List.of("timeoutMs", "99999999999999"), "is far too large"),
				Arguments.of("timeoutMs", List.of("timeoutMs", "soon"), "must be a whole number"),
				Arguments.of("intervalSeconds", List.of("intervalSeconds", "5"), "must be between 10 and 86400"),
				Arguments.of("expectedStatus", List.of("expectedStatus", "300-200"), "must not be greater than"),
				Arguments.of("assertions", List.of("assertions", "matches: x"), "start with 'contains:'"),
				Arguments.of("locations", List.of("locations", "mars"), "unknown location(s): mars"),
				Arguments.of("name", List.of("name", "Taken"), "already exists in this organization"),
				Arguments.of("name", List.of("name", " "), "must not be blank"),
				Arguments.of("kind", List.of("kind", "ICMP"), "must be one of [HTTP, TCP, DNS, TLS]"),
				Arguments.of("url", List.of("kind", "TCP", "url", "tcp://db.example.com"),
						"must have a port from 1 to 65535 (tcp://host:port) but was none"),
				Arguments.of("url", List.of("kind", "DNS"), "must be dns:name for a DNS check"),
				Arguments.of("tcpExpect",
						List.of("kind", "TCP", "url", "tcp://db.example.com:1", "tcpExpect", "x".repeat(5000)),
						"must be between 1 and 4096 but was 5000"),
				Arguments.of("dnsResolver",
						List.of("kind", "DNS", "url", "dns:example.com", "dnsResolver", "ns.example.com:0"),
						"must have a port from 1 to 65535 but was 0"),
				Arguments.of("dnsRecordType", List.of("kind", "DNS", "url", "dns:example.com", "dnsRecordType", "SRV"),
						"must be one of [A, AAAA, CNAME, MX, TXT, NS]"),
				Arguments.of("tlsWarningDays",
						List.of("kind", "TLS", "url", "tls://shop.example.com:443", "tlsWarningDays", "0"),
						"must be between 1 and 365 but was 0"),
				Arguments.of("tlsWarningDays",
						List.of("kind", "TLS", "url", "tls://shop.example.com:443", "tlsWarningDays", "soon"),
						"'soon': write whole days like 30, 14, 7, 1"));
	}

	@ParameterizedTest(name = "{0}: {2}")
	@MethodSource("badInput")
	void badInputShowsTheFieldErrorAndStoresNothing(String field, List<String> override, String message) {
		String email = email("sloppy");
		UUID organization = organizationOf(owner(email, organizationName("Sloppy")));
		Endpoint taken = endpoint(organization, "Taken", "https://taken.example.com/", List.of());
		Browser browser = signedIn(email);
		List<String> form = new java.util.ArrayList<>(List.of("name", "New one", "url", "https://new.example.com/",
				"locations", "local", "timeoutMs", "1000", "intervalSeconds", "60", "enabled", "true"));
		for (int pair = 0; pair < override.size(); pair += 2) {
			int at = form.indexOf(override.get(pair));
			if (at >= 0 && at % 2 == 0) {
				form.set(at + 1, override.get(pair + 1));
			}
			else {
				form.addAll(override.subList(pair, pair + 2));
			}
		}

		Browser.Page created = browser.post("/endpoints", form.toArray(String[]::new));
		Browser.Page updated = browser.post("/endpoints/" + taken.getId(),
				form.stream().map((v) -> v.equals("New one") ? "Renamed" : v).toArray(String[]::new));

		for (Browser.Page answer : List.of(created, updated)) {
			if (field.equals("name") && message.contains("already exists") && answer == updated) {
				continue;
			}
			assertThat(answer.status()).isEqualTo(200);
			assertThat(answer.body()).contains("Nothing was saved")
				.containsPattern(
						"(is-invalid[^>]*(id|name)=\"" + field + "\")|((id|name)=\"" + field + "\"[^>]*is-invalid)")
				.contains(org.springframework.web.util.HtmlUtils.htmlEscape(message));
		}
		assertThat(this.endpoints.countByOrganizationId(organization)).isOne();
		assertThat(this.endpoints.findById(taken.getId()).orElseThrow().getSettings().name()).isEqualTo("Taken");
	}

	@Test
	void viewerIsRefusedEveryChange() {
		String ownerEmail = email("boss");
		UUID organization = organizationOf(owner(ownerEmail, organizationName("Watched")));
		Endpoint endpoint = endpoint(organization, "Watched", "https://watched.example.com/", List.of());
		String viewerEmail = email("viewer");
		User viewer = user(viewerEmail);
		member(viewer, organization, Role.VIEWER);
		User other = user(email("other"));
		member(other, organization, Role.ADMIN);
		Browser browser = signedIn(viewerEmail);
		String id = "/endpoints/" + endpoint.getId();

		assertThat(browser.get("/endpoints").body()).contains("Watched").doesNotContain("New endpoint");
		assertThat(browser.get(id).body()).contains("Watched").doesNotContain("/pause");
		// Viewers see every dashboard.
		assertThat(browser.get("/").status()).isEqualTo(200);
		assertThat(browser.get("/incidents").status()).isEqualTo(200);
		assertThat(browser.get(id + "/charts").status()).isEqualTo(200);
		assertThat(browser.get("/endpoints/live").status()).isEqualTo(200);
		assertThat(browser.get("/endpoints/new").status()).isEqualTo(403);
		assertThat(browser.get(id + "/edit").status()).isEqualTo(403);
		List<String> changes = List.of("/endpoints", id, id + "/pause", id + "/resume", id + "/delete", "/invitations",
				"/members/" + other.getId() + "/role", "/members/" + other.getId() + "/remove",
				"/members/" + viewer.getId() + "/role", "/incidents/" + UUID.randomUUID() + "/acknowledge");
		for (String route : changes) {
			assertThat(browser
				.post(route, "name", "Hacked", "url", "https://hacked.example.com/", "locations", "local", "role",
						"OWNER", "email", "friend@example.com")
				.status()).as(route).isEqualTo(403);
		}
		assertThat(this.endpoints.findById(endpoint.getId()).orElseThrow().getSettings())
			.returns("Watched", EndpointSettings::name)
			.returns(true, EndpointSettings::enabled);
		assertThat(this.endpoints.countByOrganizationId(organization)).isOne();
		assertThat(this.membershipService.roleOf(organization, viewer.getId())).contains(Role.VIEWER);
		assertThat(this.membershipService.roleOf(organization, other.getId())).contains(Role.ADMIN);
	}

	@Test
	void everyRouteTakingAnIdAnswers404ForAnotherOrganization() {
		String mineEmail = email("mine");
		organizationOf(owner(mineEmail, organizationName("Mine")));
		String theirsEmail = email("theirs");
		User theirOwner = owner(theirsEmail, organizationName("Theirs"));
		UUID theirs = organizationOf(theirOwner);
		Endpoint theirEndpoint = endpoint(theirs, "Theirs", "https://theirs.example.com/", List.of());
		User theirMember = user(email("their-member"));
		member(theirMember, theirs, Role.ADMIN);
		signedIn(theirsEmail).post("/invitations", "email", email("their-invitee"), "role", "VIEWER");
		UUID theirInvitation = this.invitations.findOpen(theirs, java.time.Instant.now()).getFirst().getId();
		Browser browser = signedIn(mineEmail);
		String endpoint = "/endpoints/" + theirEndpoint.getId();
		String[] form = { "name", "Stolen", "url", "https://stolen.example.com/", "locations", "local", "role",
				"VIEWER" };

		record Route(String method, String path) {
		}
		List<Route> routes = List.of(new Route("GET", endpoint), new Route("GET", endpoint + "/edit"),
				new Route("POST", endpoint), new Route("POST", endpoint + "/pause"),
				new Route("POST", endpoint + "/resume"), new Route("POST", endpoint + "/delete"),
				new Route("POST", "/members/" + theirMember.getId() + "/role"),
				new Route("POST", "/members/" + theirMember.getId() + "/remove"),
				new Route("POST", "/members/" + theirOwner.getId() + "/remove"),
				new Route("POST", "/invitations/" + theirInvitation + "/revoke"),
				new Route("POST", "/organizations/switch?organizationId=" + theirs),
				new Route("GET", "/endpoints/" + UUID.randomUUID()), new Route("GET", endpoint + "/charts"),
				new Route("GET", endpoint + "/charts?range=7d"),
				new Route("GET", "/incidents?endpoint=" + theirEndpoint.getId()));
		for (Route route : routes) {
			Browser.Page answer = route.method().equals("GET") ? browser.get(route.path())
					: browser.post(route.path(), form);
			assertThat(answer.status()).as(route.toString()).isEqualTo(404);
			assertThat(answer.body()).as(route.toString()).doesNotContain("Theirs");
		}
		assertThat(this.endpoints.findById(theirEndpoint.getId()).orElseThrow().getSettings())
			.returns("Theirs", EndpointSettings::name)
			.returns(true, EndpointSettings::enabled);
		assertThat(this.membershipService.roleOf(theirs, theirMember.getId())).contains(Role.ADMIN);
		assertThat(this.invitations.findById(theirInvitation)).isPresent();
	}

	@Test
	void signUpCreateAnOrganizationAndAnEndpointAndTheProbeSeesIt() {
		Browser browser = browser();
		String email = email("walker");
		assertThat(signUp(browser, email, organizationName("Walk")).redirectPath()).isEqualTo("/login");
		assertThat(browser.signIn(email, PASSWORD).redirectPath()).isEqualTo("/");
		browser.get("/organizations/new");
		String second = organizationName("Walk two");
		assertThat(browser.post("/organizations", "organization", second).redirectPath()).isEqualTo("/endpoints");
		browser.get("/endpoints/new");

		Browser.Page created = browser.post("/endpoints", "name", "Walked", "url", "https://walked.example.com/ping",
				"locations", "eu-west", "apdexThresholdMs", "250", "enabled", "true");
		assertThat(created.status()).isEqualTo(302);

		UUID id = UUID.fromString(created.redirectPath().substring("/endpoints/".length()));
		TestApi.Response feed = new TestApi(port()).get("/api/probe/v1/endpoints?location=eu-west",
				TestApi.PROBE_TOKEN);
		assertThat(feed.status()).isEqualTo(200);
		assertThat(feed.json()
			.path("endpoints")
			.valueStream()
			.filter((spec) -> spec.path("id").asString().equals(id.toString()))
			.toList()).singleElement().satisfies((spec) -> {
				assertThat(spec.path("url").asString()).isEqualTo("https://walked.example.com/ping");
				assertThat(spec.path("apdexThresholdMs").asInt()).isEqualTo(250);
				assertThat(spec.path("organizationId").asString()).isEqualTo(organization(second).getId().toString());
			});
	}

	@Test
	void pagesRenderInTheirEmptyAndFullStates() {
		String email = email("looker");
		UUID organization = organizationOf(owner(email, organizationName("Looking")));
		Browser browser = signedIn(email);
		assertThat(browser.get("/endpoints").body()).contains("id=\"empty-state\"").contains("Add your first endpoint");
		assertThat(browser.get("/members").body()).contains("id=\"no-invitations\"");
		assertThat(browser.get("/endpoints/new").body()).contains("value=\"local\"");
		assertThat(browser.get("/organizations/new").body()).contains("New organization");

		Endpoint endpoint = endpoint(organization, "Full", "https://full.example.com/", List.of("web"));
		assertThat(browser.get("/endpoints").body()).contains("id=\"endpoints\"").contains("web").contains("Full");
		assertThat(browser.get("/endpoints/" + endpoint.getId()).body()).contains("id=\"endpoint-status\"")
			.contains("https://full.example.com/");
		Browser anonymous = browser();
		assertThat(anonymous.get("/login").body()).contains("Sign in");
		assertThat(anonymous.get("/signup").body()).contains("Create your account");
		assertThat(anonymous.get("/invite/unknown-token").status()).isEqualTo(404);
	}

	private Endpoint endpoint(UUID organization, String name, String url, List<String> tags) {
		return this.endpointService.create(organization, new EndpointRequest(name, url, null, null, null, null, null,
				null, null, null, null, null, List.of("local"), tags));
	}

}
