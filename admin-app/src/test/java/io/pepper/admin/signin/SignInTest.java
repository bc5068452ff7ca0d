package io.pepper.admin.signin;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.pepper.admin.ui.UiTestBase;
import io.pepper.admin.user.User;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.pepper.testsupport.Browser;
import io.pepper.testsupport.LocalRedis;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Sign-up, sign-in and sign-out through the pages, with sessions in Redis: CSRF on every
 * form, a new session id at sign-in, throttling that reads like a wrong password, and no
 * answer that tells whether an email has an account.
 */
class SignInTest extends UiTestBase {

	static final String WRONG_PASSWORD_PAGE = "Wrong email or password, or too many attempts";

	@Test
	void signUpThenSignInKeepsTheSessionInRedisUnderTheTestNamespace() {
		Browser browser = browser();
		String email = email("new");
		String organization = organizationName("Acme");

		Browser.Page confirmed = signUp(browser, email, organization);

		assertThat(confirmed.redirectPath()).isEqualTo("/login");
		User user = this.users.findByEmail(email).orElseThrow();
		assertThat(user.getPasswordHash()).startsWith("{argon2}$argon2id$v=19$m=19456,t=2,p=1$");
		assertThat(this.membershipService.organizationsOf(user.getId())).singleElement().satisfies((membership) -> {
			assertThat(membership.organizationName()).isEqualTo(organization);
			assertThat(membership.role().name()).isEqualTo("OWNER");
		});
		Browser.Page signedIn = browser.signIn(email, PASSWORD);
		assertThat(signedIn.redirectPath()).isEqualTo("/");
		// Home is the overview; with nothing to show it says how to start.
		Browser.Page overview = browser.follow(signedIn);
		assertThat(overview.status()).isEqualTo(200);
		assertThat(overview.body()).contains(organization).contains("Overview").contains("No endpoints yet");
		assertThat(redisKeyExists(REDIS_PREFIX + "session:sessions:" + sessionId(browser))).isTrue();
	}

	@Test
	void signInRenewsTheSessionId() {
		String email = email("renew");
		owner(email, organizationName("Renew"));
		Browser browser = browser();
		browser.get("/login");
		String before = sessionId(browser);

		assertThat(browser.post("/login", "email", email, "password", PASSWORD).redirectPath()).isEqualTo("/");

		String after = sessionId(browser);
		assertThat(after).isNotEqualTo(before);
		assertThat(redisKeyExists(REDIS_PREFIX + "session:sessions:" + before)).isFalse();
		assertThat(redisKeyExists(REDIS_PREFIX + "session:sessions:" + after)).isTrue();
	}

	@Test
	void formsWithoutCsrfTokenAreRefused() {
		String email = email("csrf");
		owner(email, organizationName("Csrf"));
		Browser anonymous = browser();
		anonymous.get("/login");
		assertThat(anonymous.postRaw("/login", "email", email, "password", PASSWORD).status()).isEqualTo(403);
		assertThat(
				anonymous.postRaw("/signup", "email", email("x"), "password", PASSWORD, "organization", "X").status())
			.isEqualTo(403);

		Browser browser = signedIn(email);
		assertThat(
				browser.postRaw("/endpoints", "name", "No token", "url", "https://example.com/", "locations", "local")
					.status())
			.isEqualTo(403);
		assertThat(browser.postRaw("/logout").status()).isEqualTo(403);
	}

	@Test
	void aTamperedCsrfTokenIsRefusedLikeAMissingOne() {
		String email = email("tampered");
		owner(email, organizationName("Tampered"));
		Browser browser = signedIn(email);
		Matcher token = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(browser.get("/endpoints").body());
		assertThat(token.find()).isTrue();
		// Same length, same alphabet, other characters: it decodes to bytes that are no
		// token.
		String tampered = token.group(1)
			.chars()
			.map((c) -> (c == 'z') ? 'a'
					: (c == 'Z') ? 'A' : (c == '9') ? '0' : (c == '_' || c == '-' || c == '=') ? c : c + 1)
			.collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append)
			.toString();

		Browser.Page answer = browser.postRaw("/endpoints", "name", "Tampered", "url", "https://example.com/",
				"locations", "local", "_csrf", tampered);

		assertThat(answer.status()).isEqualTo(403);
	}

	@Test
	void pagesTellBrowsersToKeepTheirAddressToThemselves() {
		Browser.Page login = browser().get("/login");

		assertThat(login.headers().get("referrer-policy")).containsExactly("same-origin");
	}

	@Test
	void nulInAFormFieldOrQueryIsRefusedNamingTheFieldAndStoresNothing() {
		String email = email("nul");
		owner(email, organizationName("Nul"));
		long users = this.users.count();

		Browser anonymous = browser();
		anonymous.get("/signup");
		Browser.Page signup = anonymous.post("/signup", "email", email("nul-signup"), "password", PASSWORD,
				"organization", "Nul\u0000Org");
		Browser.Page signupEmail = anonymous.post("/signup", "email", "nul\u0000@example.com", "password", PASSWORD,
				"organization", organizationName("Nul"));
		Browser signedIn = signedIn(email);
		Browser.Page endpoint = signedIn.post("/endpoints", "name", "Nul\u0000", "url", "https://example.com/",
				"locations", "local");
		Browser.Page search = signedIn.get("/endpoints?q=%00");
		Browser.Page signIn = browser().signIn("nul\u0000@example.com", PASSWORD);

		assertThat(signup.status()).isEqualTo(400);
		assertThat(signup.body()).contains("organization must not contain the NUL character");
		assertThat(signupEmail.status()).isEqualTo(400);
		assertThat(signupEmail.body()).contains("email must not contain the NUL character");
		assertThat(endpoint.status()).isEqualTo(400);
		assertThat(endpoint.body()).contains("name must not contain the NUL character");
		assertThat(search.status()).isEqualTo(400);
		assertThat(search.body()).contains("q must not contain the NUL character");
		assertThat(signIn.redirectPath()).isEqualTo("/login?error");
		assertThat(this.users.count()).isEqualTo(users);
	}

	@Test
	void organizationNamesFollowTheNameRuleOfEveryResource() {
		Browser anonymous = browser();
		anonymous.get("/signup");
		String email = email("escape");

		Browser.Page answer = anonymous.post("/signup", "email", email, "password", PASSWORD, "organization",
				"Evil\u001b[31m red");

		assertThat(answer.status()).isEqualTo(200);
		assertThat(answer.body()).contains(io.pepper.admin.web.Name.MESSAGE);
		assertThat(this.users.findByEmail(email)).isEmpty();
	}

	@Test
	void unknownEmailAndWrongPasswordGetTheSameAnswer() {
		String email = email("known");
		owner(email, organizationName("Known"));

		Browser.Page wrongPassword = browser().signIn(email, "not the password");
		Browser.Page unknownEmail = browser().signIn(email("unknown"), "not the password");

		assertThat(wrongPassword.status()).isEqualTo(302);
		assertThat(unknownEmail.status()).isEqualTo(wrongPassword.status());
		assertThat(unknownEmail.redirectPath()).isEqualTo(wrongPassword.redirectPath()).isEqualTo("/login?error");
		Browser browser = browser();
		String page = browser.follow(browser.signIn(email, "not the password")).bodyWithoutTokens();
		Browser other = browser();
		assertThat(other.follow(other.signIn(email("unknown"), "nope")).bodyWithoutTokens()).isEqualTo(page)
			.contains(WRONG_PASSWORD_PAGE);
	}

	@Test
	void accountIsRefusedForAWhileAfterRepeatedFailuresWithTheWrongPasswordMessage() {
		String email = email("guessed");
		owner(email, organizationName("Guessed"));
		Browser attacker = browser();
		for (int i = 0; i < ACCOUNT_FAILURES; i++) {
			assertThat(attacker.signIn(email, "guess " + i).redirectPath()).isEqualTo("/login?error");
		}

		// Even the right password is refused now, with the wrong-password answer.
		Browser owner = browser();
		Browser.Page refused = owner.signIn(email, PASSWORD);
		assertThat(refused.redirectPath()).isEqualTo("/login?error");
		assertThat(owner.follow(refused).body()).contains(WRONG_PASSWORD_PAGE);
		// Other accounts are not affected.
		String other = email("bystander");
		owner(other, organizationName("Bystander"));
		assertThat(browser().signIn(other, PASSWORD).redirectPath()).isEqualTo("/");
	}

	@Test
	void addressIsRefusedForAWhileAfterFailuresAcrossManyAccounts() {
		String email = email("victim");
		owner(email, organizationName("Victim"));
		Browser attacker = browser();
		for (int i = 0; i < ADDRESS_FAILURES; i++) {
			assertThat(attacker.signIn(email("sprayed"), "Password1").redirectPath()).isEqualTo("/login?error");
		}

		Browser.Page refused = browser().signIn(email, PASSWORD);

		assertThat(refused.redirectPath()).isEqualTo("/login?error");
	}

	@Test
	void signUpWithATakenEmailAnswersLikeANewOneAndMailsTheOwner() {
		String taken = email("taken");
		owner(taken, organizationName("Taken"));
		String fresh = email("fresh");

		Browser.Page first = browser().post("/signup", "email", taken, "password", PASSWORD, "organization",
				organizationName("Again"));
		Browser.Page second = browser().post("/signup", "email", fresh, "password", PASSWORD, "organization",
				organizationName("Again"));

		assertThat(first.status()).isEqualTo(302);
		assertThat(second.status()).isEqualTo(302);
		assertThat(first.redirectPath()).isEqualTo(second.redirectPath()).isEqualTo("/signup/sent");
		assertThat(mailTo(taken)).singleElement().asString().contains("You already have an account");
		assertThat(mailTo(fresh)).singleElement().asString().contains("/signup/confirm/");
		assertThat(this.users.findByEmail(fresh)).isEmpty();
	}

	@Test
	void confirmationLinkWorksOnce() {
		Browser browser = browser();
		String email = email("once");
		assertThat(signUp(browser, email, organizationName("Once")).redirectPath()).isEqualTo("/login");
		String link = linkMailedTo(email);

		assertThat(browser.get(link).status()).isEqualTo(404);
		Browser.Page again = browser.post(link);
		assertThat(again.status()).isEqualTo(404);
		assertThat(again.body()).contains("no longer valid");
	}

	@Test
	void signUpShowsFieldErrorsAndStoresNothing() {
		String email = "not-an-email";
		Browser.Page answer = browser().post("/signup", "email", email, "password", "short", "organization", "");

		assertThat(answer.status()).isEqualTo(200);
		assertThat(answer.body()).contains("must be a well-formed email address")
			.contains("size must be between 10 and 200")
			.contains("must not be blank");
		assertThat(this.users.findByEmail(email)).isEmpty();
	}

	@Test
	void olderBcryptHashesStillSignInAndAreUpgradedToArgon2() {
		String email = email("bcrypt");
		User user = owner(email, organizationName("Bcrypt"));
		user.setPasswordHash(
				"{bcrypt}" + new org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder(10).encode(PASSWORD));
		this.users.save(user);

		assertThat(browser().signIn(email, PASSWORD).redirectPath()).isEqualTo("/");

		assertThat(this.users.findByEmail(email).orElseThrow().getPasswordHash()).startsWith("{argon2}");
	}

	@Test
	void signOutEndsTheSession() {
		String email = email("leaving");
		owner(email, organizationName("Leaving"));
		Browser browser = signedIn(email);
		String session = sessionId(browser);
		browser.get("/endpoints");

		assertThat(browser.post("/logout").redirectPath()).isEqualTo("/login?logout");

		assertThat(redisKeyExists(REDIS_PREFIX + "session:sessions:" + session)).isFalse();
		assertThat(browser.get("/endpoints").redirectPath()).isEqualTo("/login");
	}

	@Test
	void pagesNeedSigningIn() {
		Browser browser = browser();
		assertThat(browser.get("/endpoints").redirectPath()).isEqualTo("/login");
		assertThat(browser.get("/members").redirectPath()).isEqualTo("/login");
		assertThat(browser.get("/login").status()).isEqualTo(200);
		assertThat(browser.get("/signup").status()).isEqualTo(200);
		assertThat(browser.get("/webjars/bootstrap/css/bootstrap.min.css").status()).isEqualTo(200);
	}

	/** Spring Session's cookie carries the session id in Base64. */
	static String sessionId(Browser browser) {
		String cookie = browser.sessionCookie();
		assertThat(cookie).isNotNull();
		return new String(Base64.getDecoder().decode(cookie), StandardCharsets.UTF_8);
	}

	static boolean redisKeyExists(String key) {
		RedisClient client = RedisClient.create(LocalRedis.fromEnvironment().url());
		try (StatefulRedisConnection<String, String> connection = client.connect()) {
			return connection.sync().exists(key) > 0;
		}
		finally {
			client.shutdown();
		}
	}

}
