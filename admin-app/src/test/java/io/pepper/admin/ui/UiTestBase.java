package io.pepper.admin.ui;

import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import io.pepper.admin.TestApi;
import io.pepper.admin.organization.Membership;
import io.pepper.admin.organization.MembershipId;
import io.pepper.admin.organization.MembershipService;
import io.pepper.admin.organization.Memberships;
import io.pepper.admin.organization.Organization;
import io.pepper.admin.organization.Role;
import io.pepper.admin.user.User;
import io.pepper.admin.user.Users;
import io.pepper.testsupport.Browser;
import io.pepper.testsupport.LocalPostgres;
import io.pepper.testsupport.LocalRedis;
import io.pepper.testsupport.TestDatabase;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterEach;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.awaitility.Awaitility.await;

/**
 * What the web UI tests share: one application context (every subclass has the same
 * configuration, so Spring builds it once), its own database, Redis keys and mail server,
 * removed when the JVM ends, and helpers that act like a person in a browser.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
public abstract class UiTestBase {

	static final TestDatabase DATABASE = LocalPostgres.fromEnvironment().createDatabase("admin_ui");

	protected static final String REDIS_PREFIX = TestApi.redisPrefix(DATABASE);

	static final GreenMail MAIL = new GreenMail(
			new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort());

	protected static final String PASSWORD = "a long enough password";

	/** What failure-service and receiver-service present on the service API. */
	protected static final String SERVICE_TOKEN = "ui-service-token-0123456789abcdef0123456789";

	/** Accounts and addresses fail this often before sign-in is refused for a while. */
	protected static final int ACCOUNT_FAILURES = 3;

	protected static final int ADDRESS_FAILURES = 8;

	private static final Pattern LINK = Pattern.compile("https?://[^\\s/]+(/(?:signup/confirm|invite)/[A-Za-z0-9_-]+)");

	private static final AtomicInteger SEQUENCE = new AtomicInteger();

	static {
		MAIL.start();
		// Runs after the test JVM's last test; Spring's own hook closes the context.
		Runtime.getRuntime().addShutdownHook(new Thread(() -> {
			MAIL.stop();
			LocalRedis.fromEnvironment().deleteKeys(REDIS_PREFIX);
			DATABASE.close();
		}));
	}

	@DynamicPropertySource
	static void properties(DynamicPropertyRegistry registry) {
		TestApi.configure(registry, DATABASE);
		registry.add("spring.mail.host", () -> "127.0.0.1");
		registry.add("spring.mail.port", () -> MAIL.getSmtp().getPort());
		registry.add("pepper.admin.ui.base-url", () -> "http://pepper.example");
		registry.add("pepper.admin.ui.mail-from", () -> "pepper@example.com");
		registry.add("pepper.admin.ui.login.account-failures", () -> ACCOUNT_FAILURES);
		registry.add("pepper.admin.ui.login.ip-failures", () -> ADDRESS_FAILURES);
		registry.add("pepper.admin.ui.login.first-delay", () -> "60s");
		registry.add("pepper.admin.secrets.key", () -> io.pepper.admin.TestTenants.SECRETS_KEY);
		registry.add("pepper.admin.service-token-sha256",
				() -> io.pepper.contracts.auth.BearerTokens.sha256Hex(SERVICE_TOKEN));
	}

	@LocalServerPort
	int port;

	@Autowired
	protected Users users;

	@Autowired
	protected Memberships memberships;

	@Autowired
	protected MembershipService membershipService;

	@Autowired
	protected PasswordEncoder passwordEncoder;

	/**
	 * Sign-in counters start afresh for every test: all tests sign in from one address.
	 */
	@AfterEach
	void forgetSignInFailures() {
		LocalRedis.fromEnvironment().deleteKeys(REDIS_PREFIX + "admin:login:");
	}

	protected int port() {
		return this.port;
	}

	protected Browser browser() {
		return new Browser(this.port);
	}

	/** A unique email, so that tests never share an account. */
	protected static String email(String who) {
		return who + "-" + SEQUENCE.incrementAndGet() + "-" + UUID.randomUUID().toString().substring(0, 8)
				+ "@example.com";
	}

	protected static String organizationName(String what) {
		return what + " " + UUID.randomUUID().toString().substring(0, 8);
	}

	/** A user with a password, straight in the database. */
	protected User user(String email) {
		User user = new User(email);
		user.setPasswordHash(String.valueOf(this.passwordEncoder.encode(PASSWORD)));
		return this.users.save(user);
	}

	/** A new organization owned by a new user; returns the owner. */
	protected User owner(String email, String organization) {
		User owner = user(email);
		this.membershipService.create(organization, owner.getId());
		return owner;
	}

	protected UUID organizationOf(User user) {
		return this.membershipService.organizationsOf(user.getId()).getFirst().organizationId();
	}

	protected void member(User user, UUID organizationId, Role role) {
		this.memberships.save(new Membership(new MembershipId(user.getId(), organizationId), role));
	}

	/** A browser signed in as {@code email}. */
	protected Browser signedIn(String email) {
		Browser browser = browser();
		Browser.Page answer = browser.signIn(email, PASSWORD);
		if (!answer.redirectPath().equals("/")) {
			throw new AssertionError("Sign-in as " + email + " failed: " + answer.redirectPath());
		}
		// Sign-in replaces the CSRF token; a page brings the new one.
		browser.get("/endpoints");
		return browser;
	}

	/** The link path in the newest message to {@code to}, waiting for it to arrive. */
	protected static String linkMailedTo(String to) {
		String text = mailTo(to).getLast();
		Matcher link = LINK.matcher(text);
		if (!link.find()) {
			throw new AssertionError("No link in mail to " + to + ": " + text);
		}
		return link.group(1);
	}

	/** The texts of every message to {@code to}, waiting until there is one. */
	protected static List<String> mailTo(String to) {
		return await().until(() -> Arrays.stream(MAIL.getReceivedMessages()).filter((message) -> {
			try {
				return Arrays.stream(message.getAllRecipients()).anyMatch((r) -> r.toString().equals(to));
			}
			catch (jakarta.mail.MessagingException ex) {
				throw new IllegalStateException(ex);
			}
		}).map(GreenMailUtil::getBody).map(UiTestBase::unfold).toList(), (texts) -> !texts.isEmpty());
	}

	/** Quoted-printable soft line breaks split long links; join them again. */
	private static String unfold(String body) {
		return body.replace("=\r\n", "").replace("=\n", "").replace("=3D", "=");
	}

	protected static MimeMessage[] allMail() {
		return MAIL.getReceivedMessages();
	}

	/**
	 * Signs up through the UI and the mailed link; returns the confirmation page's
	 * answer.
	 */
	protected Browser.Page signUp(Browser browser, String email, String organization) {
		browser.get("/signup");
		Browser.Page sent = browser.post("/signup", "email", email, "password", PASSWORD, "organization", organization);
		if (sent.status() != 302 || !sent.redirectPath().equals("/signup/sent")) {
			throw new AssertionError("Sign-up failed: " + sent.status() + " " + sent.body());
		}
		String link = linkMailedTo(email);
		browser.get(link);
		return browser.post(link);
	}

	protected Organization organization(String name) {
		return this.organizations.findByName(name).orElseThrow();
	}

	@Autowired
	protected io.pepper.admin.organization.Organizations organizations;

}
