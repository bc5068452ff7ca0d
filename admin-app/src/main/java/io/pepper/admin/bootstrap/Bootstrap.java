package io.pepper.admin.bootstrap;

import java.util.ArrayList;
import java.util.List;

import io.pepper.admin.AdminProperties;
import io.pepper.admin.location.Location;
import io.pepper.admin.location.Locations;
import io.pepper.admin.organization.Membership;
import io.pepper.admin.organization.MembershipId;
import io.pepper.admin.organization.Memberships;
import io.pepper.admin.organization.Organization;
import io.pepper.admin.organization.Organizations;
import io.pepper.admin.organization.Role;
import io.pepper.admin.token.ApiToken;
import io.pepper.admin.token.ApiTokens;
import io.pepper.admin.token.ProbeToken;
import io.pepper.admin.token.ProbeTokens;
import io.pepper.admin.user.User;
import io.pepper.admin.user.Users;
import org.jspecify.annotations.Nullable;

import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Creates what {@code pepper.admin.bootstrap.*} describes, each part only when it is
 * missing: running it again with the same settings changes nothing.
 */
@Service
public class Bootstrap {

	static final String TOKEN_NAME = "bootstrap";

	private final Organizations organizations;

	private final Users users;

	private final Memberships memberships;

	private final ApiTokens apiTokens;

	private final ProbeTokens probeTokens;

	private final Locations locations;

	private final PasswordEncoder passwordEncoder;

	Bootstrap(Organizations organizations, Users users, Memberships memberships, ApiTokens apiTokens,
			ProbeTokens probeTokens, Locations locations, PasswordEncoder passwordEncoder) {
		this.organizations = organizations;
		this.users = users;
		this.memberships = memberships;
		this.apiTokens = apiTokens;
		this.probeTokens = probeTokens;
		this.locations = locations;
		this.passwordEncoder = passwordEncoder;
	}

	/**
	 * Applies {@code settings}; returns what was created, empty when everything existed.
	 */
	@Transactional
	public List<String> run(AdminProperties.Bootstrap settings) {
		List<String> created = new ArrayList<>();
		for (String name : settings.locations()) {
			if (!this.locations.existsByName(name)) {
				this.locations.save(new Location(name));
				created.add("location " + name);
			}
		}
		if (settings.probeTokenSha256() != null && !this.probeTokens.existsByTokenSha256(settings.probeTokenSha256())) {
			this.probeTokens.save(new ProbeToken(TOKEN_NAME, settings.probeTokenSha256()));
			created.add("probe token");
		}
		String organizationName = settings.organization();
		if (organizationName == null) {
			return created;
		}
		Organization organization = this.organizations.findByName(organizationName).orElseGet(() -> {
			created.add("organization " + organizationName);
			return this.organizations.save(new Organization(organizationName));
		});
		if (settings.ownerEmail() == null) {
			return created;
		}
		User owner = owner(settings.ownerEmail(), settings.ownerPassword(), created);
		MembershipId membership = new MembershipId(owner.getId(), organization.getId());
		if (!this.memberships.existsById(membership)) {
			this.memberships.save(new Membership(membership, Role.OWNER));
			created.add("owner membership");
		}
		if (settings.apiTokenSha256() != null && !this.apiTokens.existsByTokenSha256(settings.apiTokenSha256())) {
			this.apiTokens
				.save(new ApiToken(owner.getId(), organization.getId(), settings.apiTokenSha256(), TOKEN_NAME));
			created.add("owner API token");
		}
		return created;
	}

	private User owner(String email, @Nullable String password, List<String> created) {
		User owner = this.users.findByEmail(User.normalize(email)).orElseGet(() -> {
			created.add("user " + email);
			return this.users.save(new User(email));
		});
		// Only a user without a password gets one, so a password changed later survives
		// restarts.
		if (password != null && !owner.hasPassword()) {
			owner.setPasswordHash(this.passwordEncoder.encode(password));
			created.add("owner password");
		}
		return owner;
	}

}
