package io.pepper.admin.team;

import java.time.Instant;
import java.util.UUID;

import io.pepper.admin.mail.LinkTokens;
import io.pepper.admin.organization.Invitations;
import io.pepper.admin.organization.MemberOf;
import io.pepper.admin.organization.Role;
import io.pepper.admin.ui.UiTestBase;
import io.pepper.admin.user.User;
import io.pepper.testsupport.Browser;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Memberships through the pages: invitations by mail (single use, expiring), several
 * organizations per user with switching, and roles where only owners manage members and
 * the last owner stays.
 */
class MembershipTest extends UiTestBase {

	@Autowired
	Invitations invitations;

	@Autowired
	JdbcClient jdbc;

	@Test
	void invitedNewcomerCreatesAnAccountFromTheMailedLinkAndBecomesAMember() {
		String ownerEmail = email("inviter");
		String organization = organizationName("Inviting");
		User owner = owner(ownerEmail, organization);
		Browser browser = signedIn(ownerEmail);
		browser.get("/members");
		String invitee = email("invitee");

		Browser.Page sent = browser.post("/invitations", "email", invitee, "role", "ADMIN");

		assertThat(sent.redirectPath()).isEqualTo("/members");
		assertThat(browser.follow(sent).body()).contains("Invitation sent to " + invitee).contains(invitee);
		String link = linkMailedTo(invitee);
		assertThat(mailTo(invitee).getLast()).contains(organization).contains("as admin");
		// Only the digest of the link's secret is stored.
		String token = link.substring(link.lastIndexOf('/') + 1);
		assertThat(this.jdbc.sql("SELECT token_sha256 FROM invitations WHERE email = :email")
			.param("email", invitee)
			.query(String.class)
			.single()).isEqualTo(LinkTokens.digest(token)).doesNotContain(token);

		Browser newcomer = browser();
		Browser.Page page = newcomer.get(link);
		assertThat(page.status()).isEqualTo(200);
		assertThat(page.body()).contains("Join").contains(organization).contains("Choose a password");
		Browser.Page created = newcomer.post(link + "/account", "password", PASSWORD);
		assertThat(created.redirectPath()).isEqualTo("/login");

		User joined = this.users.findByEmail(invitee).orElseThrow();
		assertThat(this.membershipService.roleOf(organizationOf(owner), joined.getId())).contains(Role.ADMIN);
		assertThat(signedIn(invitee).get("/endpoints").body()).contains(organization);
		// Spent: neither page nor acceptance works again.
		assertThat(browser().get(link).status()).isEqualTo(404);
		Browser.Page reused = signedIn(ownerEmail).post(link);
		assertThat(reused.status()).isEqualTo(404);
		assertThat(reused.body()).contains("no longer valid");
	}

	@Test
	void signedInUserAcceptsAnInvitationAndSwitchesBetweenOrganizations() {
		String ownerEmail = email("host");
		String hostOrganization = organizationName("Host");
		User host = owner(ownerEmail, hostOrganization);
		String guestEmail = email("guest");
		String guestOrganization = organizationName("Guest home");
		User guest = owner(guestEmail, guestOrganization);
		signedIn(ownerEmail).post("/invitations", "email", guestEmail, "role", "VIEWER");
		String link = linkMailedTo(guestEmail);

		// Signing in from the invitation comes back to it.
		Browser browser = browser();
		assertThat(browser.get(link).body()).contains("Sign in to accept");
		Browser.Page toSignIn = browser.get(link + "/signin");
		assertThat(toSignIn.redirectPath()).isEqualTo("/login");
		Browser.Page signedIn = browser.signIn(guestEmail, PASSWORD);
		assertThat(signedIn.redirectPath()).startsWith(link + "/signin");
		assertThat(browser.follow(browser.follow(signedIn)).body()).contains("Accept invitation");
		Browser.Page accepted = browser.post(link);
		assertThat(accepted.redirectPath()).isEqualTo("/endpoints");
		assertThat(browser.follow(accepted).body()).contains("Invitation accepted");

		UUID hostId = organizationOf(host);
		UUID homeId = this.membershipService.organizationsOf(guest.getId())
			.stream()
			.filter((o) -> o.organizationName().equals(guestOrganization))
			.map(MemberOf::organizationId)
			.findFirst()
			.orElseThrow();
		assertThat(this.membershipService.roleOf(hostId, guest.getId())).contains(Role.VIEWER);
		// Accepting made the new organization current; switching goes back and forth.
		assertThat(browser.get("/members").body()).contains("Members of <span>" + hostOrganization + "</span>");
		Browser.Page switched = browser.post("/organizations/switch", "organizationId", homeId.toString());
		assertThat(switched.redirectPath()).isEqualTo("/endpoints");
		assertThat(browser.follow(switched).body()).contains("Now working in " + guestOrganization);
		assertThat(browser.get("/members").body()).contains("Members of <span>" + guestOrganization + "</span>");
		// An organization the user does not belong to is not found.
		String strangerOrganization = organizationName("Stranger");
		owner(email("stranger"), strangerOrganization);
		UUID strangers = organization(strangerOrganization).getId();
		assertThat(browser.post("/organizations/switch", "organizationId", strangers.toString()).status())
			.isEqualTo(404);
		assertThat(browser.get("/members").body()).contains("Members of <span>" + guestOrganization + "</span>");
	}

	@Test
	void expiredInvitationIsRefused() {
		String ownerEmail = email("expiring");
		owner(ownerEmail, organizationName("Expiring"));
		String invitee = email("late");
		signedIn(ownerEmail).post("/invitations", "email", invitee, "role", "VIEWER");
		String link = linkMailedTo(invitee);
		this.jdbc.sql("UPDATE invitations SET expires_at = :past WHERE email = :email")
			.param("past", java.sql.Timestamp.from(Instant.now().minusSeconds(1)))
			.param("email", invitee)
			.update();

		assertThat(browser().get(link).status()).isEqualTo(404);
		assertThat(browser().post(link + "/account", "password", PASSWORD).status()).isEqualTo(404);
		assertThat(this.users.findByEmail(invitee)).isEmpty();
	}

	@Test
	void ownersChangeRolesButTheLastOwnerStays() {
		String ownerEmail = email("sole");
		User owner = owner(ownerEmail, organizationName("Sole"));
		UUID organization = organizationOf(owner);
		User colleague = user(email("colleague"));
		member(colleague, organization, Role.VIEWER);
		Browser browser = signedIn(ownerEmail);
		browser.get("/members");

		Browser.Page demoted = browser.post("/members/" + owner.getId() + "/role", "role", "ADMIN");
		assertThat(browser.follow(demoted).body()).contains("the last owner cannot be removed or demoted");
		assertThat(browser.follow(browser.post("/members/" + owner.getId() + "/remove")).body())
			.contains("the last owner cannot be removed or demoted");
		assertThat(this.membershipService.roleOf(organization, owner.getId())).contains(Role.OWNER);

		Browser.Page promoted = browser.post("/members/" + colleague.getId() + "/role", "role", "OWNER");
		assertThat(browser.follow(promoted).body()).contains("Role changed to owner");
		assertThat(this.membershipService.roleOf(organization, colleague.getId())).contains(Role.OWNER);
		// With a second owner, the first may step down.
		browser.post("/members/" + owner.getId() + "/role", "role", "ADMIN");
		assertThat(this.membershipService.roleOf(organization, owner.getId())).contains(Role.ADMIN);
	}

	@Test
	void ownerRemovesAMemberAndRevokesAnInvitation() {
		String ownerEmail = email("tidy");
		User owner = owner(ownerEmail, organizationName("Tidy"));
		UUID organization = organizationOf(owner);
		User leaving = user(email("leaving"));
		member(leaving, organization, Role.ADMIN);
		Browser browser = signedIn(ownerEmail);
		browser.get("/members");
		browser.follow(browser.post("/invitations", "email", email("unwanted"), "role", "VIEWER"));
		UUID invitation = this.invitations.findOpen(organization, Instant.now()).getFirst().getId();

		assertThat(browser.follow(browser.post("/members/" + leaving.getId() + "/remove")).body())
			.contains("Member removed");
		assertThat(browser.follow(browser.post("/invitations/" + invitation + "/revoke")).body())
			.contains("Invitation revoked")
			.contains("id=\"no-invitations\"");
		assertThat(this.membershipService.roleOf(organization, leaving.getId())).isEmpty();
		assertThat(this.invitations.findById(invitation)).isEmpty();
	}

	@Test
	void invitingShowsFieldErrorsAndStoresNothing() {
		String ownerEmail = email("careful");
		User owner = owner(ownerEmail, organizationName("Careful"));
		Browser browser = signedIn(ownerEmail);
		browser.get("/members");

		Browser.Page bad = browser.post("/invitations", "email", "not an email", "role", "VIEWER");
		Browser.Page existing = browser.post("/invitations", "email", ownerEmail, "role", "VIEWER");

		assertThat(bad.status()).isEqualTo(200);
		assertThat(bad.body()).contains("must be a well-formed email address");
		assertThat(existing.body()).contains("is already a member of this organization");
		assertThat(this.invitations.findOpen(organizationOf(owner), Instant.now())).isEmpty();
	}

	@Test
	void signedInUserCreatesAnotherOrganizationAndOwnsIt() {
		String email = email("founder");
		User founder = owner(email, organizationName("First"));
		String second = organizationName("Second");
		Browser browser = signedIn(email);
		browser.get("/organizations/new");

		Browser.Page created = browser.post("/organizations", "organization", second);
		Browser.Page taken = browser.post("/organizations", "organization", second);

		assertThat(created.redirectPath()).isEqualTo("/endpoints");
		assertThat(this.membershipService.roleOf(organization(second).getId(), founder.getId())).contains(Role.OWNER);
		assertThat(browser.get("/members").body()).contains("Members of <span>" + second + "</span>");
		assertThat(taken.status()).isEqualTo(200);
		assertThat(taken.body()).contains("already exists");
	}

}
