package io.pepper.admin.token;

import java.util.List;
import java.util.UUID;

import io.pepper.admin.TestApi;
import io.pepper.admin.location.Locations;
import io.pepper.admin.organization.Role;
import io.pepper.testsupport.Browser;
import io.pepper.admin.ui.UiTestBase;
import io.pepper.admin.user.User;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.web.util.HtmlUtils;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The probe page (locations and probe tokens) and the personal API token page: tokens
 * shown once and masked afterwards, work as Bearer tokens until revoked, bad names as
 * field errors that store nothing, and viewers kept off the probe page.
 */
class TokenPagesTest extends UiTestBase {

	@Autowired
	TokenService tokens;

	@Autowired
	Locations locations;

	@Test
	void ownerAddsALocationAndCreatesAndRevokesAProbeToken() {
		String email = email("operator");
		UUID organization = organizationOf(owner(email, organizationName("Operating")));
		Browser browser = signedIn(email);
		assertThat(browser.get("/probes").body()).contains("id=\"no-probe-tokens\"").contains("eu-west");

		String location = "lab-" + UUID.randomUUID().toString().substring(0, 8);
		Browser.Page added = browser.post("/probes/locations", "name", location);
		assertThat(added.redirectPath()).isEqualTo("/probes");
		assertThat(browser.follow(added).body()).contains("Location " + location + " added.");
		assertThat(this.locations.existsByName(location)).isTrue();

		Browser.Page created = browser.post("/probes/tokens", "tokenName", "Lab probe");
		assertThat(created.status()).isEqualTo(200);
		assertThat(created.body()).contains("Probe token Lab probe created.").contains("id=\"new-token\"");
		String token = newToken(created.body());
		assertThat(token).startsWith("pepprobe_");
		TestApi api = new TestApi(port());
		assertThat(api.get("/api/probe/v1/endpoints?location=" + location, token).status()).isEqualTo(200);

		String later = browser.get("/probes").body();
		assertThat(later).doesNotContain(token)
			.contains("Lab probe")
			.contains("••••" + token.substring(token.length() - 4));
		UUID id = this.tokens.probeTokens(organization).getFirst().getId();
		Browser.Page revoked = browser.post("/probes/tokens/" + id + "/revoke");
		assertThat(browser.follow(revoked).body()).contains("Probe token Lab probe revoked.");
		assertThat(this.tokens.probeTokens(organization)).isEmpty();
		assertThat(api.get("/api/probe/v1/endpoints?location=" + location, token).status()).isEqualTo(401);
	}

	@Test
	void badLocationAndTokenNamesShowFieldErrorsAndStoreNothing() {
		String email = email("sloppy");
		UUID organization = organizationOf(owner(email, organizationName("Sloppy probes")));
		Browser browser = signedIn(email);
		browser.get("/probes");
		long before = this.locations.count();
		record Case(String path, String field, String value, String message) {
		}
		List<Case> cases = List.of(
				new Case("/probes/locations", "name", "EU West", "must be 1 to 63 lower-case letters"),
				new Case("/probes/locations", "name", "", "must be 1 to 63 lower-case letters"),
				new Case("/probes/locations", "name", "eu-west", "location 'eu-west' already exists"),
				new Case("/probes/tokens", "tokenName", " ", "must not be blank"),
				new Case("/probes/tokens", "tokenName", "x".repeat(201), "size must be between 0 and 200"),
				new Case("/tokens", "name", "", "must not be blank"));
		for (Case c : cases) {
			Browser.Page answer = browser.post(c.path(), c.field(), c.value());
			assertThat(answer.status()).as(c.toString()).isEqualTo(200);
			assertThat(answer.body()).as(c.toString())
				.containsPattern("(id|name)=\"" + c.field() + "\"[^>]*is-invalid")
				.contains(HtmlUtils.htmlEscape(c.message()))
				.doesNotContain("id=\"new-token\"");
		}
		assertThat(this.locations.count()).isEqualTo(before);
		assertThat(this.tokens.probeTokens(organization)).isEmpty();
		User owner = this.users.findByEmail(email).orElseThrow();
		assertThat(this.tokens.apiTokens(owner.getId(), organization)).isEmpty();
	}

	@Test
	void memberCreatesUsesAndRevokesTheirOwnApiToken() {
		String ownerEmail = email("owner");
		UUID organization = organizationOf(owner(ownerEmail, organizationName("Tokens")));
		String viewerEmail = email("viewer");
		User viewer = user(viewerEmail);
		member(viewer, organization, Role.VIEWER);
		Browser browser = signedIn(viewerEmail);
		assertThat(browser.get("/tokens").body()).contains("id=\"empty-state\"");
		assertThat(browser.get("/probes").status()).isEqualTo(403);
		assertThat(browser.get("/endpoints").body()).doesNotContain("href=\"/probes\"");

		Browser.Page created = browser.post("/tokens", "name", "Read-only script");
		assertThat(created.body()).contains("API token Read-only script created.");
		String token = newToken(created.body());
		assertThat(token).startsWith("pep_");
		TestApi api = new TestApi(port());
		assertThat(api.get("/api/v1/endpoints", token).status()).isEqualTo(200);
		// The token acts with the viewer's role.
		assertThat(api.post("/api/v1/channels", token, """
				{"type": "email", "name": "Nope", "addresses": ["a@example.com"]}
				""").status()).isEqualTo(403);

		String later = browser.get("/tokens").body();
		assertThat(later).doesNotContain(token)
			.contains("Read-only script")
			.contains("••••" + token.substring(token.length() - 4));
		UUID id = this.tokens.apiTokens(viewer.getId(), organization).getFirst().getId();
		assertThat(browser.follow(browser.post("/tokens/" + id + "/revoke")).body())
			.contains("API token Read-only script revoked.");
		assertThat(api.get("/api/v1/endpoints", token).status()).isEqualTo(401);

		// Another member's token is not found, and stays.
		Browser owner = signedIn(ownerEmail);
		owner.get("/tokens");
		owner.post("/tokens", "name", "Owner's");
		UUID ownerToken = this.tokens.apiTokens(this.users.findByEmail(ownerEmail).orElseThrow().getId(), organization)
			.getFirst()
			.getId();
		assertThat(browser.post("/tokens/" + ownerToken + "/revoke").status()).isEqualTo(404);
		assertThat(this.tokens.apiTokens(this.users.findByEmail(ownerEmail).orElseThrow().getId(), organization))
			.hasSize(1);
	}

	private static String newToken(String page) {
		String start = "<code class=\"user-select-all fs-6\">";
		int from = page.indexOf(start);
		assertThat(from).isNotNegative();
		from += start.length();
		return page.substring(from, page.indexOf('<', from));
	}

}
