package io.pepper.admin.alerting;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

import io.pepper.admin.TestApi;
import io.pepper.admin.channel.ChannelRequest;
import io.pepper.admin.channel.ChannelService;
import io.pepper.admin.channel.ChannelType;
import io.pepper.admin.channel.NotificationChannel;
import io.pepper.admin.channel.NotificationChannels;
import io.pepper.admin.endpoint.Endpoint;
import io.pepper.admin.endpoint.EndpointRequest;
import io.pepper.admin.endpoint.EndpointService;
import io.pepper.admin.organization.Role;
import io.pepper.admin.policy.Policies;
import io.pepper.admin.policy.Policy;
import io.pepper.admin.policy.PolicyRequest;
import io.pepper.admin.policy.PolicyService;
import io.pepper.admin.policy.PolicySettings;
import io.pepper.testsupport.Browser;
import io.pepper.admin.ui.UiTestBase;
import io.pepper.admin.user.User;
import io.pepper.contracts.v1.AlertPolicy;
import io.pepper.contracts.v1.AlertingSnapshot;
import io.pepper.contracts.v1.EndpointAlerting;
import io.pepper.contracts.v1.NotificationChannelSpec;
import io.pepper.contracts.v1.TrendSensitivity;
import io.pepper.contracts.v1.WireJson;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.web.util.HtmlUtils;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The notification channel and alert policy pages: every change with a flash message,
 * secrets masked and a generated one shown once, the API's validation as field errors
 * that store nothing, viewers who change nothing, ids of other organizations not found,
 * and the walk from sign-up to what the probe and the alerting services read.
 */
class AlertingPagesTest extends UiTestBase {

	static final String WEBHOOK_URL = "https://hooks.example.com/pepper/abcdef0123456789";

	static final String SLACK_URL = "https://hooks.slack.com/services/T000/B000/secretPartXYZ";

	@Autowired
	ChannelService channelService;

	@Autowired
	NotificationChannels channels;

	@Autowired
	PolicyService policyService;

	@Autowired
	Policies policies;

	@Autowired
	EndpointService endpointService;

	@Test
	void pagesRenderInTheirEmptyAndFullStates() {
		String email = email("alerts");
		UUID organization = organizationOf(owner(email, organizationName("Alerts")));
		Browser browser = signedIn(email);
		assertThat(browser.get("/channels").body()).contains("id=\"empty-state\"")
			.contains("Add your first channel")
			.contains("href=\"/policies\"");
		assertThat(browser.get("/policies").body()).contains("id=\"empty-state\"").contains("Add your first policy");
		assertThat(browser.get("/channels/new").body()).contains("New channel").contains("value=\"webhook\"");
		assertThat(browser.get("/policies/new").body()).contains("New policy").contains("id=\"no-channels\"");

		Endpoint endpoint = endpoint(organization, "Shop");
		NotificationChannel mail = email(organization, "Ops mail", "ops@example.com");
		this.policyService.create(organization, new PolicyRequest("Shop policy", endpoint.getId(), null, 2, 2, 3, 0.8,
				TrendSensitivity.HIGH, 30, List.of(mail.getId())));
		assertThat(browser.get("/channels").body()).contains("id=\"channels\"")
			.contains("Ops mail")
			.contains("ops@example.com");
		assertThat(browser.get("/policies").body()).contains("id=\"policies\"")
			.contains("Shop policy")
			.contains("endpoint Shop")
			.contains("every 30 min")
			.contains("Ops mail");
		assertThat(browser.get("/policies/new").body()).contains("Ops mail").contains("value=\"" + endpoint.getId());
	}

	@Test
	void ownerCreatesEditsAndDeletesChannelsWithSecretsMasked() {
		String email = email("channels");
		UUID organization = organizationOf(owner(email, organizationName("Channels")));
		Browser browser = signedIn(email);
		browser.get("/channels/new");

		Browser.Page mail = browser.post("/channels", "type", "email", "name", "Ops mail", "addresses",
				"ops@example.com,\r\noncall@example.com");
		assertThat(mail.redirectPath()).isEqualTo("/channels");
		assertThat(browser.follow(mail).body()).contains("Channel Ops mail created.");
		Browser.Page slack = browser.post("/channels", "type", "slack", "name", "Team Slack", "url", SLACK_URL);
		assertThat(browser.follow(slack).body()).contains("Channel Team Slack created.")
			.doesNotContain("signing secret");
		Browser.Page hook = browser.post("/channels", "type", "webhook", "name", "Pager hook", "url", WEBHOOK_URL);
		String shownOnce = browser.follow(hook).body();
		assertThat(shownOnce).contains("Channel Pager hook created. Its signing secret, shown this once: ");

		NotificationChannel webhook = byName(organization, "Pager hook");
		String secret = ((NotificationChannelSpec.Webhook) this.channelService.decrypted(webhook)).signingSecret();
		assertThat(shownOnce).contains(secret);
		assertThat(byName(organization, "Ops mail").getAddresses()).containsExactly("ops@example.com",
				"oncall@example.com");

		// Every later page shows the secrets masked, never in full.
		String edit = "/channels/" + webhook.getId();
		List<String> pages = List.of(browser.get("/channels").body(), browser.get(edit + "/edit").body(),
				browser.get("/channels/" + byName(organization, "Team Slack").getId() + "/edit").body());
		for (String page : pages) {
			assertThat(page).doesNotContain(secret, WEBHOOK_URL, SLACK_URL, "secretPartXYZ");
		}
		assertThat(pages.getFirst()).contains("https://hooks.slack.com/…tXYZ")
			.contains("••••" + secret.substring(secret.length() - 4));

		// Empty secret fields keep what is stored.
		Browser.Page renamed = browser.post(edit, "type", "webhook", "name", "Pager", "url", "", "signingSecret", "");
		assertThat(browser.follow(renamed).body()).contains("Channel Pager saved.");
		NotificationChannelSpec.Webhook kept = (NotificationChannelSpec.Webhook) this.channelService
			.decrypted(this.channels.findById(webhook.getId()).orElseThrow());
		assertThat(kept.name()).isEqualTo("Pager");
		assertThat(kept.url()).hasToString(WEBHOOK_URL);
		assertThat(kept.signingSecret()).isEqualTo(secret);

		// A channel a policy uses is not deleted, and the message says why.
		this.policyService.create(organization,
				new PolicyRequest("Default", null, null, null, null, null, null, null, null, List.of(webhook.getId())));
		Browser.Page refused = browser.post(edit + "/delete");
		assertThat(browser.follow(refused).body()).contains("id=\"flash-error\"")
			.contains("is used by policy Default; remove it there first");
		assertThat(this.channels.findById(webhook.getId())).isPresent();

		Browser.Page deleted = browser.post("/channels/" + byName(organization, "Ops mail").getId() + "/delete");
		assertThat(browser.follow(deleted).body()).contains("Channel Ops mail deleted.");
		assertThat(this.channels.countByOrganizationId(organization)).isEqualTo(2);
	}

	@Test
	void ownerCreatesAndEditsEveryVendorChannelKeepingItsCredentialsSecret() {
		String email = email("vendors");
		UUID organization = organizationOf(owner(email, organizationName("Vendor channels")));
		Browser browser = signedIn(email);
		String routingKey = "0123456789abcdef0123456789abcdef";
		String apiKey = "5a3c1c52-1111-2222-3333-444455556666";
		String botToken = "123456789:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw";
		String teamsUrl = "https://prod-01.westeurope.logic.azure.com/workflows/abc/triggers/manual/paths/invoke?sig=s3cr3t";
		String discordUrl = "https://discord.com/api/webhooks/1/discordSecretPart";
		List<List<String>> forms = List.of(List.of("type", "pagerduty", "name", "Pager", "routingKey", routingKey),
				List.of("type", "opsgenie", "name", "Genie", "apiKey", apiKey, "apiUrl", "https://api.eu.opsgenie.com"),
				List.of("type", "teams", "name", "Room", "url", teamsUrl),
				List.of("type", "discord", "name", "Discord", "url", discordUrl),
				List.of("type", "telegram", "name", "Chat", "botToken", botToken, "chatId", "-1001234567890"),
				List.of("type", "ntfy", "name", "Phones", "url", "https://ntfy.sh/pepper-alerts", "accessToken",
						"tk_abcdefghijkl"));
		for (List<String> form : forms) {
			Browser.Page created = browser.post("/channels", form.toArray(String[]::new));
			assertThat(created.redirectPath()).as(form.toString()).isEqualTo("/channels");
			assertThat(browser.follow(created).body()).contains("Channel " + form.get(3) + " created.");
		}

		assertThat(this.channelService.decrypted(byName(organization, "Pager")))
			.isEqualTo(new NotificationChannelSpec.PagerDuty(byName(organization, "Pager").getId(), organization,
					"Pager", java.net.URI.create("https://events.pagerduty.com"), routingKey));
		assertThat(this.channelService.decrypted(byName(organization, "Genie")))
			.isEqualTo(new NotificationChannelSpec.Opsgenie(byName(organization, "Genie").getId(), organization,
					"Genie", java.net.URI.create("https://api.eu.opsgenie.com"), apiKey));
		assertThat(this.channelService.decrypted(byName(organization, "Room")))
			.isEqualTo(new NotificationChannelSpec.Teams(byName(organization, "Room").getId(), organization, "Room",
					java.net.URI.create(teamsUrl)));
		assertThat(this.channelService.decrypted(byName(organization, "Discord")))
			.isEqualTo(new NotificationChannelSpec.Discord(byName(organization, "Discord").getId(), organization,
					"Discord", java.net.URI.create(discordUrl)));
		assertThat(this.channelService.decrypted(byName(organization, "Chat")))
			.isEqualTo(new NotificationChannelSpec.Telegram(byName(organization, "Chat").getId(), organization, "Chat",
					java.net.URI.create("https://api.telegram.org"), botToken, "-1001234567890"));
		assertThat(this.channelService.decrypted(byName(organization, "Phones")))
			.isEqualTo(new NotificationChannelSpec.Ntfy(byName(organization, "Phones").getId(), organization, "Phones",
					java.net.URI.create("https://ntfy.sh/pepper-alerts"), "tk_abcdefghijkl"));
		List<String> pages = new ArrayList<>(List.of(browser.get("/channels").body()));
		for (String name : List.of("Pager", "Genie", "Room", "Discord", "Chat", "Phones")) {
			pages.add(browser.get("/channels/" + byName(organization, name).getId() + "/edit").body());
		}
		for (String page : pages) {
			assertThat(page).doesNotContain(routingKey, apiKey, botToken, "s3cr3t", "discordSecretPart",
					"tk_abcdefghijkl");
		}
		assertThat(pages.get(1)).contains("••••cdef");

		// Empty credential fields keep what is stored; other settings change.
		NotificationChannel pager = byName(organization, "Pager");
		Browser.Page renamed = browser.post("/channels/" + pager.getId(), "type", "pagerduty", "name", "Pager EU",
				"routingKey", "", "apiUrl", "https://events.eu.pagerduty.com");
		assertThat(browser.follow(renamed).body()).contains("Channel Pager EU saved.");
		assertThat(this.channelService.decrypted(this.channels.findById(pager.getId()).orElseThrow()))
			.isEqualTo(new NotificationChannelSpec.PagerDuty(pager.getId(), organization, "Pager EU",
					java.net.URI.create("https://events.eu.pagerduty.com"), routingKey));
		NotificationChannel chat = byName(organization, "Chat");
		Browser.Page moved = browser.post("/channels/" + chat.getId(), "type", "telegram", "name", "Chat", "botToken",
				"", "chatId", "@pepper_ops");
		assertThat(browser.follow(moved).body()).contains("Channel Chat saved.");
		NotificationChannelSpec.Telegram telegram = (NotificationChannelSpec.Telegram) this.channelService
			.decrypted(this.channels.findById(chat.getId()).orElseThrow());
		assertThat(telegram.chatId()).isEqualTo("@pepper_ops");
		assertThat(telegram.botToken()).isEqualTo(botToken);
	}

	static Stream<Arguments> badChannelInput() {
		return Stream.of(
				Arguments.of("url", List.of("type", "webhook", "url", "ftp://hooks.example.com/x"),
						"must be an absolute https URL with a host"),
				Arguments.of("url", List.of("type", "webhook", "url", "http://hooks.example.com/x"), "must use https"),
				Arguments.of("url", List.of("type", "webhook", "url", "https://10.0.0.7/hook"),
						"must not point at a loopback, private, link-local or reserved address"),
				Arguments.of("url", List.of("type", "slack", "url", "https://169.254.169.254/latest"),
						"must not point at a loopback, private, link-local or reserved address"),
				Arguments.of("url", List.of("type", "slack", "url", "https://metadata.google.internal/"),
						"must not point at an internal host"),
				Arguments.of("url", List.of("type", "slack", "url", ""), "is required"),
				Arguments.of("addresses", List.of("type", "email", "addresses", ""),
						"an email channel needs at least one address"),
				Arguments.of("addresses", List.of("type", "email", "addresses", "ops@example.com, not-an-address"),
						"must be a well-formed email address"),
				Arguments.of("signingSecret",
						List.of("type", "webhook", "url", WEBHOOK_URL, "signingSecret", "too short"),
						"must be at least 16 characters"),
				Arguments.of("name", List.of("type", "email", "addresses", "a@example.com", "name", "Taken"),
						"already exists in this organization"),
				Arguments.of("name", List.of("type", "email", "addresses", "a@example.com", "name", " "),
						"must not be blank"),
				Arguments.of("type", List.of("type", "pigeon"),
						"choose one of email, slack, webhook, pagerduty, opsgenie, teams, discord, telegram, ntfy"),
				Arguments.of("signingSecret",
						List.of("type", "webhook", "url", WEBHOOK_URL, "signingSecret", "whsec_not*base64!"),
						"must be whsec_ followed by base64"),
				Arguments.of("routingKey", List.of("type", "pagerduty", "routingKey", ""), "is required"),
				Arguments.of("routingKey", List.of("type", "pagerduty", "routingKey", "abc"),
						"must be the 32-character integration key of an Events API v2 integration"),
				Arguments.of("apiUrl",
						List.of("type", "pagerduty", "routingKey", "0123456789abcdef0123456789abcdef", "apiUrl",
								"https://10.0.0.7/"),
						"must not point at a loopback, private, link-local or reserved address"),
				Arguments.of("apiKey", List.of("type", "opsgenie", "apiKey", "has spaces in it"),
						"must be 8 to 512 characters without spaces"),
				Arguments.of("url", List.of("type", "teams", "url", "http://example.webhook.office.com/x"),
						"must use https"),
				Arguments.of("url", List.of("type", "discord", "url", ""), "is required"),
				Arguments.of("botToken", List.of("type", "telegram", "botToken", "nope", "chatId", "42"),
						"must be the bot token from @BotFather, e.g. 123456789:AAHdqTcvCH1vGWJx"),
				Arguments.of("chatId",
						List.of("type", "telegram", "botToken", "123456789:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw"),
						"is required"),
				Arguments.of("url", List.of("type", "ntfy", "url", "https://ntfy.sh/"),
						"must end with the topic, e.g. https://ntfy.sh/my-alerts (letters, digits, - and _)"),
				Arguments.of("accessToken", List.of("type", "slack", "url", "https://hooks.slack.com/services/T/B/x",
						"accessToken", "tk_abcdefghijkl"), "only ntfy channels have one"));
	}

	@ParameterizedTest(name = "{0}: {2}")
	@MethodSource("badChannelInput")
	void badChannelInputShowsTheFieldErrorAndStoresNothing(String field, List<String> fields, String message) {
		String email = email("sloppy");
		UUID organization = organizationOf(owner(email, organizationName("Sloppy channels")));
		NotificationChannel taken = email(organization, "Taken", "taken@example.com");
		Browser browser = signedIn(email);
		List<String> form = new ArrayList<>(fields);
		if (!form.contains("name")) {
			form.addAll(List.of("name", "New one"));
		}

		Browser.Page answer = browser.post("/channels", form.toArray(String[]::new));

		assertFieldError(answer, field, message);
		assertThat(answer.body()).doesNotContain(WEBHOOK_URL);
		assertThat(this.channels.countByOrganizationId(organization)).isOne();
		assertThat(this.channels.findById(taken.getId()).orElseThrow().getName()).isEqualTo("Taken");
	}

	@Test
	void ownerCreatesEditsAndDeletesAPolicy() {
		String email = email("policies");
		UUID organization = organizationOf(owner(email, organizationName("Policies")));
		Endpoint endpoint = endpoint(organization, "Checkout");
		NotificationChannel mail = email(organization, "Ops mail", "ops@example.com");
		NotificationChannel other = email(organization, "Other mail", "other@example.com");
		Browser browser = signedIn(email);
		browser.get("/policies/new");

		Browser.Page created = browser.post("/policies", "name", "Checkout policy", "appliesTo", "endpoint",
				"endpointId", endpoint.getId().toString(), "tag", "ignored", "failuresToOpen", "2",
				"locationsToConfirm", "2", "successesToResolve", "4", "apdexFloor", "0.7", "trendSensitivity", "HIGH",
				"reminderIntervalMinutes", "60", "channelIds", mail.getId().toString(), "channelIds",
				other.getId().toString());
		assertThat(created.redirectPath()).isEqualTo("/policies");
		assertThat(browser.follow(created).body()).contains("Policy Checkout policy created.");
		Policy policy = this.policies.findByOrganizationIdOrderByName(organization).getFirst();
		assertThat(policy.getSettings()).isEqualTo(new PolicySettings("Checkout policy", endpoint.getId(), null,
				new AlertPolicy(2, 2, 4, 0.7, TrendSensitivity.HIGH, 60, List.of(mail.getId(), other.getId()))));

		String edit = "/policies/" + policy.getId();
		assertThat(browser.get(edit + "/edit").body()).contains("value=\"0.7\"")
			.containsPattern("value=\"" + other.getId() + "\"[^>]*checked");
		Browser.Page saved = browser.post(edit, "name", "Critical", "appliesTo", "tag", "tag", "critical",
				"failuresToOpen", "1", "locationsToConfirm", "1", "successesToResolve", "1", "trendSensitivity", "OFF",
				"channelIds", mail.getId().toString());
		assertThat(browser.follow(saved).body()).contains("Policy Critical saved.").contains("critical");
		assertThat(this.policies.findById(policy.getId()).orElseThrow().getSettings())
			.isEqualTo(new PolicySettings("Critical", null, "critical",
					new AlertPolicy(1, 1, 1, null, TrendSensitivity.OFF, null, List.of(mail.getId()))));

		Browser.Page deleted = browser.post(edit + "/delete");
		assertThat(browser.follow(deleted).body()).contains("Policy Critical deleted.").contains("No policies yet");
		assertThat(this.policies.countByOrganizationId(organization)).isZero();
		assertThat(browser.get(edit + "/edit").status()).isEqualTo(404);
	}

	static Stream<Arguments> badPolicyInput() {
		return Stream.of(Arguments.of("failuresToOpen", List.of("failuresToOpen", "0"), "must be between 1 and 100"),
				Arguments.of("locationsToConfirm", List.of("locationsToConfirm", "101"), "must be between 1 and 100"),
				Arguments.of("successesToResolve", List.of("successesToResolve", "many"), "must be a whole number"),
				Arguments.of("failuresToOpen", List.of("failuresToOpen", "99999999999999"), "is far too large"),
				Arguments.of("apdexFloor", List.of("apdexFloor", "1.5"), "must be less than or equal to 1"),
				Arguments.of("apdexFloor", List.of("apdexFloor", "NaN"), "must be a number from 0 to 1"),
				Arguments.of("reminderIntervalMinutes", List.of("reminderIntervalMinutes", "20000"),
						"must be between 1 and 10080"),
				Arguments.of("trendSensitivity", List.of("trendSensitivity", "EXTREME"),
						"choose off, low, medium or high"),
				Arguments.of("tag", List.of("appliesTo", "tag", "tag", " "), "give the tag it applies to"),
				Arguments.of("endpointId", List.of("appliesTo", "endpoint"), "choose an endpoint"),
				Arguments.of("endpointId", List.of("appliesTo", "endpoint", "endpointId", UUID.randomUUID().toString()),
						"no endpoint "),
				Arguments.of("channelIds", List.of("channelIds", UUID.randomUUID().toString()), "unknown channel(s)"),
				Arguments.of("name", List.of("name", "Taken"), "already exists in this organization"),
				Arguments.of("endpointId", List.of("name", "Second default"), "policy 'Taken' already applies there"));
	}

	@ParameterizedTest(name = "{0}: {2}")
	@MethodSource("badPolicyInput")
	void badPolicyInputShowsTheFieldErrorAndStoresNothing(String field, List<String> override, String message) {
		String email = email("sloppy");
		UUID organization = organizationOf(owner(email, organizationName("Sloppy policies")));
		Policy taken = this.policyService.create(organization,
				new PolicyRequest("Taken", null, null, null, null, null, null, null, null, null));
		Browser browser = signedIn(email);
		List<String> form = new ArrayList<>(List.of("name", "New one", "appliesTo", "default", "failuresToOpen", "3",
				"locationsToConfirm", "1", "successesToResolve", "1", "trendSensitivity", "MEDIUM"));
		for (int i = 0; i < override.size(); i += 2) {
			int at = form.indexOf(override.get(i));
			if (at >= 0 && at % 2 == 0) {
				form.set(at + 1, override.get(i + 1));
			}
			else {
				form.addAll(override.subList(i, i + 2));
			}
		}
		if (!override.contains("name") && !override.contains("appliesTo")) {
			form.set(form.indexOf("appliesTo") + 1, "tag");
			form.addAll(List.of("tag", "web"));
		}

		assertFieldError(browser.post("/policies", form.toArray(String[]::new)), field, message);
		// Clashing with itself is no clash: only the other problems apply to an edit.
		if (!message.contains("already")) {
			assertFieldError(browser.post("/policies/" + taken.getId(), form.toArray(String[]::new)), field, message);
		}
		assertThat(this.policies.countByOrganizationId(organization)).isOne();
		assertThat(this.policies.findById(taken.getId()).orElseThrow().getSettings()).isEqualTo(taken.getSettings());
	}

	@Test
	void viewerSeesThePagesAndIsRefusedEveryChange() {
		String ownerEmail = email("boss");
		UUID organization = organizationOf(owner(ownerEmail, organizationName("Watched alerts")));
		NotificationChannel channel = email(organization, "Watched mail", "watched@example.com");
		Policy policy = this.policyService.create(organization,
				new PolicyRequest("Watched policy", null, null, null, null, null, null, null, null, null));
		String viewerEmail = email("viewer");
		member(user(viewerEmail), organization, Role.VIEWER);
		Browser browser = signedIn(viewerEmail);

		assertThat(browser.get("/channels").body()).contains("Watched mail")
			.doesNotContain("New channel")
			.doesNotContain("/delete");
		assertThat(browser.get("/policies").body()).contains("Watched policy")
			.doesNotContain("New policy")
			.doesNotContain("/delete");
		String c = "/channels/" + channel.getId();
		String p = "/policies/" + policy.getId();
		for (String route : List.of("/channels/new", c + "/edit", "/policies/new", p + "/edit", "/probes")) {
			assertThat(browser.get(route).status()).as(route).isEqualTo(403);
		}
		for (String route : List.of("/channels", c, c + "/delete", "/policies", p, p + "/delete", "/probes/locations",
				"/probes/tokens")) {
			assertThat(browser
				.post(route, "type", "email", "name", "Hacked", "addresses", "evil@example.com", "appliesTo", "default",
						"tokenName", "stolen")
				.status()).as(route).isEqualTo(403);
		}
		assertThat(this.channels.findById(channel.getId()).orElseThrow().getName()).isEqualTo("Watched mail");
		assertThat(this.channels.countByOrganizationId(organization)).isOne();
		assertThat(this.policies.findById(policy.getId()).orElseThrow().getSettings().name())
			.isEqualTo("Watched policy");
		assertThat(this.policies.countByOrganizationId(organization)).isOne();
	}

	@Test
	void everyNewRouteTakingAnIdAnswers404ForAnotherOrganization() {
		String mineEmail = email("mine");
		organizationOf(owner(mineEmail, organizationName("Mine")));
		String theirsEmail = email("theirs");
		UUID theirs = organizationOf(owner(theirsEmail, organizationName("Theirs")));
		NotificationChannel theirChannel = email(theirs, "Theirs mail", "theirs@example.com");
		Policy theirPolicy = this.policyService.create(theirs,
				new PolicyRequest("Theirs policy", null, null, null, null, null, null, null, null, null));
		Browser their = signedIn(theirsEmail);
		their.get("/probes");
		their.post("/probes/tokens", "tokenName", "Theirs probe");
		their.get("/tokens");
		their.post("/tokens", "name", "Theirs token");
		UUID theirProbeToken = this.tokenService.probeTokens(theirs).getFirst().getId();
		User theirOwner = this.users.findByEmail(theirsEmail).orElseThrow();
		UUID theirApiToken = this.tokenService.apiTokens(theirOwner.getId(), theirs).getFirst().getId();
		Browser browser = signedIn(mineEmail);
		String c = "/channels/" + theirChannel.getId();
		String p = "/policies/" + theirPolicy.getId();
		String[] form = { "type", "email", "name", "Stolen", "addresses", "thief@example.com", "appliesTo", "default" };

		record Route(String method, String path) {
		}
		List<Route> routes = List.of(new Route("GET", c + "/edit"), new Route("POST", c),
				new Route("POST", c + "/delete"), new Route("GET", p + "/edit"), new Route("POST", p),
				new Route("POST", p + "/delete"), new Route("POST", "/probes/tokens/" + theirProbeToken + "/revoke"),
				new Route("POST", "/tokens/" + theirApiToken + "/revoke"),
				new Route("GET", "/channels/" + UUID.randomUUID() + "/edit"),
				new Route("GET", "/policies/" + UUID.randomUUID() + "/edit"));
		for (Route route : routes) {
			Browser.Page answer = route.method().equals("GET") ? browser.get(route.path())
					: browser.post(route.path(), form);
			assertThat(answer.status()).as(route.toString()).isEqualTo(404);
			assertThat(answer.body()).as(route.toString()).doesNotContain("Theirs");
		}
		assertThat(this.channels.findById(theirChannel.getId()).orElseThrow().getName()).isEqualTo("Theirs mail");
		assertThat(this.policies.findById(theirPolicy.getId()).orElseThrow().getSettings().name())
			.isEqualTo("Theirs policy");
		assertThat(this.tokenService.probeTokens(theirs)).hasSize(1);
		assertThat(this.tokenService.apiTokens(theirOwner.getId(), theirs)).hasSize(1);
	}

	/**
	 * The walk: sign-up, an organization, an endpoint, a channel and a policy,
	 * all through the UI; then a probe with a token made in the UI sees the endpoint, and
	 * the alerting services see its policy naming the channel.
	 */
	@Test
	void signUpToEndpointChannelAndPolicyAndTheProbeAndAlertingSeeThem() {
		Browser browser = browser();
		String email = email("walker");
		assertThat(signUp(browser, email, organizationName("Walk")).redirectPath()).isEqualTo("/login");
		assertThat(browser.signIn(email, PASSWORD).redirectPath()).isEqualTo("/");
		browser.get("/organizations/new");
		String organization = organizationName("Walked org");
		assertThat(browser.post("/organizations", "organization", organization).redirectPath()).isEqualTo("/endpoints");

		browser.get("/endpoints/new");
		Browser.Page endpoint = browser.post("/endpoints", "name", "Walked", "url", "https://walked.example.com/ping",
				"locations", "eu-west", "apdexThresholdMs", "250", "enabled", "true", "tags", "walk");
		UUID endpointId = UUID.fromString(endpoint.redirectPath().substring("/endpoints/".length()));
		browser.get("/channels/new");
		assertThat(browser.post("/channels", "type", "webhook", "name", "Walk hook", "url", WEBHOOK_URL).redirectPath())
			.isEqualTo("/channels");
		String channelRow = browser.get("/channels").body();
		UUID channelId = UUID.fromString(between(channelRow, "data-channel-id=\"", "\""));
		browser.get("/policies/new");
		assertThat(browser
			.post("/policies", "name", "Walk policy", "appliesTo", "endpoint", "endpointId", endpointId.toString(),
					"failuresToOpen", "2", "locationsToConfirm", "1", "successesToResolve", "2", "trendSensitivity",
					"LOW", "reminderIntervalMinutes", "15", "channelIds", channelId.toString())
			.redirectPath()).isEqualTo("/policies");
		browser.get("/probes");
		Browser.Page probe = browser.post("/probes/tokens", "tokenName", "Walk probe");
		String probeToken = between(probe.body(), "<code class=\"user-select-all fs-6\">", "<");
		assertThat(probeToken).startsWith("pepprobe_");
		assertThat(browser.get("/probes").body()).doesNotContain(probeToken);

		TestApi api = new TestApi(port());
		TestApi.Response feed = api.get("/api/probe/v1/endpoints?location=eu-west", probeToken);
		assertThat(feed.status()).isEqualTo(200);
		assertThat(feed.json()
			.path("endpoints")
			.valueStream()
			.filter((spec) -> spec.path("id").asString().equals(endpointId.toString()))
			.toList()).singleElement()
			.satisfies((spec) -> assertThat(spec.path("url").asString()).isEqualTo("https://walked.example.com/ping"));

		TestApi.Response alerting = api.get(AlertingSnapshot.PATH, SERVICE_TOKEN);
		assertThat(alerting.status()).as(alerting.body()).isEqualTo(200);
		AlertingSnapshot snapshot = WireJson.mapper().readValue(alerting.body(), AlertingSnapshot.class);
		EndpointAlerting walked = snapshot.endpoints()
			.stream()
			.filter((e) -> e.endpointId().equals(endpointId))
			.findFirst()
			.orElseThrow();
		assertThat(walked.policy())
			.isEqualTo(new AlertPolicy(2, 1, 2, null, TrendSensitivity.LOW, 15, List.of(channelId)));
		assertThat(snapshot.channels()).filteredOn((c) -> c.id().equals(channelId))
			.singleElement()
			.satisfies((c) -> assertThat(c.name()).isEqualTo("Walk hook"));
	}

	@Autowired
	io.pepper.admin.token.TokenService tokenService;

	private static void assertFieldError(Browser.Page answer, String field, String message) {
		assertThat(answer.status()).isEqualTo(200);
		assertThat(answer.body()).contains("Nothing was saved")
			.containsPattern(
					"(is-invalid[^>]*(id|name)=\"" + field + "\")|((id|name)=\"" + field + "\"[^>]*is-invalid)")
			.contains(HtmlUtils.htmlEscape(message));
	}

	private static String between(String text, String start, String end) {
		int from = text.indexOf(start);
		assertThat(from).as("'" + start + "' in the page").isNotNegative();
		from += start.length();
		return text.substring(from, text.indexOf(end, from));
	}

	private NotificationChannel byName(UUID organization, String name) {
		return this.channels.findByOrganizationIdOrderByName(organization)
			.stream()
			.filter((c) -> c.getName().equals(name))
			.findFirst()
			.orElseThrow();
	}

	private NotificationChannel email(UUID organization, String name, String address) {
		return this.channelService
			.create(organization, new ChannelRequest(ChannelType.EMAIL, name, List.of(address), null, null))
			.channel();
	}

	private Endpoint endpoint(UUID organization, String name) {
		return this.endpointService.create(organization,
				new EndpointRequest(name, "https://" + name.toLowerCase(java.util.Locale.ROOT) + ".example.com/", null,
						null, null, null, null, null, null, null, null, null, List.of("local"), List.of()));
	}

}
