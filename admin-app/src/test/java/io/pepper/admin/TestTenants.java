package io.pepper.admin;

import java.util.List;
import java.util.UUID;

import io.pepper.admin.bootstrap.Bootstrap;
import io.pepper.admin.organization.Membership;
import io.pepper.admin.organization.MembershipId;
import io.pepper.admin.organization.Memberships;
import io.pepper.admin.organization.Organizations;
import io.pepper.admin.organization.Role;
import io.pepper.admin.token.ApiToken;
import io.pepper.admin.token.ApiTokens;
import io.pepper.admin.user.User;
import io.pepper.admin.user.Users;
import io.pepper.contracts.auth.BearerTokens;

import org.springframework.context.ApplicationContext;

/**
 * A second organization with its own owner token, and a viewer, an admin and an operator
 * in Demo, for tests of isolation and roles.
 */
public final class TestTenants {

	public static final String OTHER_TOKEN = "other-org-token-0123456789abcdef0123456789";

	public static final String VIEWER_TOKEN = "viewer-token-0123456789abcdef0123456789ab";

	public static final String ADMIN_TOKEN = "admin-token-0123456789abcdef0123456789abcd";

	/**
	 * An installation operator ({@code pepper.admin.operators}), only a viewer in Demo:
	 * managing locations does not depend on a role in an organization.
	 */
	public static final String OPERATOR_TOKEN = "operator-token-0123456789abcdef0123456789a";

	public static final String OPERATOR_EMAIL = "operator@example.com";

	/** base64 of 32 bytes, for tests only. */
	public static final String SECRETS_KEY = "MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY=";

	private TestTenants() {
	}

	public static void create(ApplicationContext context) {
		context.getBean(Bootstrap.class)
			.run(new io.pepper.admin.AdminProperties.Bootstrap("Other", "other@example.com", null,
					BearerTokens.sha256Hex(OTHER_TOKEN), null, List.of()));
		UUID demo = context.getBean(Organizations.class).findByName("Demo").orElseThrow().getId();
		member(context, demo, "viewer@example.com", Role.VIEWER, VIEWER_TOKEN);
		member(context, demo, "admin@example.com", Role.ADMIN, ADMIN_TOKEN);
		member(context, demo, OPERATOR_EMAIL, Role.VIEWER, OPERATOR_TOKEN);
	}

	private static void member(ApplicationContext context, UUID organization, String email, Role role, String token) {
		User user = context.getBean(Users.class).save(new User(email));
		context.getBean(Memberships.class).save(new Membership(new MembershipId(user.getId(), organization), role));
		context.getBean(ApiTokens.class)
			.save(new ApiToken(user.getId(), organization, BearerTokens.sha256Hex(token), role.name()));
	}

}
